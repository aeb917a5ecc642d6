import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { ContentVersionRow, EntryRow, RoundupRow } from '../../content-types/rows';
import { CATEGORY_UID, CONTENT_VERSION_UID, ENTRY_UID, ROUNDUP_UID } from '../../uids';
import { joinTableOf, type Knex, type LifecycleEvent } from '../../utils/database';

type RoundupKeyRow = Pick<RoundupRow, 'id' | 'slug' | 'publishedAt'>;

/**
 * What a cached output depends on. Each key has its own counter in the
 * database: `content` (everything; bumped by bulk writes whose rows cannot be
 * told apart), `sections` (every category), `published` (the list of
 * published roundups and the feeds), one per published roundup's slug, and
 * `editor` (what the editor's page shows: any link, roundup or section,
 * drafts included; readers' outputs never depend on it).
 */
export const VERSION_KEYS = {
  all: 'content',
  sections: 'sections',
  published: 'published',
  editor: 'editor',
  roundup: (slug: string) => {
    const key = `slug:${slug}`;
    // The key column holds 255 characters; longer slugs are keyed by their hash.
    return key.length <= 200 ? key : `slug#${createHash('sha256').update(slug).digest('hex')}`;
  },
};

/**
 * Versions of what readers can see. A write bumps, inside its own transaction,
 * only the keys of what it changes: a draft save bumps nothing readers see,
 * a change to a published roundup or one of its links bumps that roundup's key
 * and `published`, a section bumps `sections`; every write bumps `editor`,
 * since the editor's inbox and duplicate warnings look across all links. Every instance on the database
 * reads the versions before serving cached output, so a change made through
 * any of them is served at once by all.
 */
const contentVersion = ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.getModel(CONTENT_VERSION_UID).collectionName as string;
  const inTransaction = <T>(work: (trx: Knex) => Promise<T>) =>
    strapi.db.transaction(({ trx }: { trx: Knex }) => work(trx));

  const bump = (keys: Iterable<string> = [VERSION_KEYS.all]) =>
    inTransaction(async (trx) => {
      for (const key of [...new Set(keys)].sort()) {
        const updated = await trx(table()).where({ key }).increment('version', 1);
        if (updated) continue;
        // A key's first bump: another instance may insert it at the same moment; then increment theirs.
        await trx(table())
          .insert({ key, version: 2 })
          .onConflict('key')
          .merge({ version: trx.raw('?? + 1', [`${table()}.version`]) });
      }
    });

  /** Slugs of the published roundups showing any of the links `entryIds`. */
  const publishedSlugsOfEntries = async (trx: Knex, entryIds: number[]): Promise<string[]> => {
    if (entryIds.length === 0) return [];
    const join = joinTableOf(strapi, ENTRY_UID, 'roundup');
    const roundups = strapi.db.metadata.get(ROUNDUP_UID).tableName;
    const rows: Pick<RoundupRow, 'slug'>[] = await trx(join.name)
      .join(roundups, `${roundups}.id`, `${join.name}.${join.inverseJoinColumn.name}`)
      .whereIn(`${join.name}.${join.joinColumn.name}`, entryIds)
      .whereNotNull(`${roundups}.published_at`)
      .distinct(`${roundups}.slug`);
    return rows.map((row) => row.slug).filter((slug): slug is string => Boolean(slug));
  };

  /** Keys for published roundup rows among `rows` (each with slug and publishedAt). */
  const keysOfRoundups = (rows: RoundupKeyRow[]) => {
    const live = rows.filter((row) => row.publishedAt);
    return live.length
      ? [VERSION_KEYS.published, ...live.map((row) => VERSION_KEYS.roundup(row.slug ?? ''))]
      : [];
  };

  const roundupRows = (where: unknown): Promise<RoundupKeyRow[]> =>
    strapi.db.query(ROUNDUP_UID).findMany({ where, select: ['id', 'slug', 'publishedAt'] });
  const entryIds = async (where: unknown): Promise<number[]> =>
    (
      (await strapi.db.query(ENTRY_UID).findMany({ where, select: ['id'] })) as Pick<
        EntryRow,
        'id'
      >[]
    ).map((row) => row.id);

  /** Before a write: what readers see of the rows it will change. */
  const before = async (uid: string, where: unknown) => {
    if (uid === ROUNDUP_UID) return keysOfRoundups(await roundupRows(where));
    if (uid === ENTRY_UID) {
      const slugs = await inTransaction(async (trx) =>
        publishedSlugsOfEntries(trx, await entryIds(where))
      );
      return slugs.length ? [VERSION_KEYS.published, ...slugs.map(VERSION_KEYS.roundup)] : [];
    }
    return [];
  };

  /** After a write to the row `id`: what readers see of it now. */
  const after = async (uid: string, id: number | undefined) => {
    if (uid === CATEGORY_UID) return [VERSION_KEYS.sections];
    if (id === undefined) return [VERSION_KEYS.all];
    if (uid === ROUNDUP_UID) return keysOfRoundups(await roundupRows({ id }));
    const slugs = await inTransaction((trx) => publishedSlugsOfEntries(trx, [id]));
    return slugs.length ? [VERSION_KEYS.published, ...slugs.map(VERSION_KEYS.roundup)] : [];
  };

  const remember = (event: LifecycleEvent, keys: string[]) => {
    event.state = { ...(event.state ?? {}), keys };
  };
  const recalled = (event: LifecycleEvent): string[] =>
    (event.state?.keys as string[] | undefined) ?? [];

  return {
    /** Subscribes to writes of our content types; called once in bootstrap. */
    watchWrites() {
      const single = {
        async beforeUpdate(event: LifecycleEvent) {
          remember(event, await before(event.model.uid, event.params.where));
        },
        async beforeDelete(event: LifecycleEvent) {
          remember(event, await before(event.model.uid, event.params.where));
        },
        async afterCreate(event: LifecycleEvent) {
          await bump([VERSION_KEYS.editor, ...(await after(event.model.uid, event.result?.id))]);
        },
        async afterUpdate(event: LifecycleEvent) {
          await bump([
            VERSION_KEYS.editor,
            ...recalled(event),
            ...(await after(event.model.uid, event.result?.id)),
          ]);
        },
        async afterDelete(event: LifecycleEvent) {
          const keys = event.model.uid === CATEGORY_UID ? [VERSION_KEYS.sections] : recalled(event);
          await bump([VERSION_KEYS.editor, ...keys]);
        },
      };
      // Bulk writes do not say which rows they changed: they evict everything.
      const bulk = Object.fromEntries(
        ['afterCreateMany', 'afterUpdateMany', 'afterDeleteMany'].map((name) => [
          name,
          () => bump(),
        ])
      );
      strapi.db.lifecycles.subscribe({
        models: [CATEGORY_UID, ENTRY_UID, ROUNDUP_UID],
        ...single,
        ...bulk,
      });
    },

    /** The versions of `keys`, read from the database in one query, as one string. */
    async current(keys: string[] = [VERSION_KEYS.all]): Promise<string> {
      const rows: Pick<ContentVersionRow, 'key' | 'version'>[] = await strapi.db
        .connection(table())
        .select('key', 'version')
        .whereIn('key', keys);
      const byKey = new Map(rows.map((row) => [row.key, String(row.version)]));
      return keys.map((key) => byKey.get(key) ?? '1').join('.');
    },

    bump,
  };
};

export type ContentVersionService = ReturnType<typeof contentVersion>;
export default contentVersion;
