import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { CATEGORY_UID, CHANGE_UID, CONTENT_VERSION_UID, ENTRY_UID, ROUNDUP_UID } from '../../uids';

/** The parts of a Query Engine lifecycle event the log reads. */
interface WriteEvent {
  model: { uid: string };
  params: { where?: unknown };
  state: { roundups?: string[] };
  result?: { id?: number };
}

interface IdRow {
  id: number;
}
interface PublishedRow {
  documentId: string;
  slug: string;
  date: string;
}

/** The counter row, in the content versions' table, that numbers every change. */
export const CHANGE_COUNTER_KEY = 'changes';

const PUBLISHED = { publishedAt: { $notNull: true } };

/** The change log's table and the column of each of its fields, as Strapi named them. */
export const changeLogTable = (strapi: Core.Strapi) => {
  const meta = strapi.db.metadata.get(CHANGE_UID);
  const column = (name: string) =>
    (meta.attributes[name] as { columnName?: string }).columnName ?? name;
  return {
    name: meta.tableName,
    roundup: column('roundupDocumentId'),
    seq: column('seq'),
    state: column('state'),
    slug: column('slug'),
    date: column('date'),
    changedAt: column('changedAt'),
  };
};
/** Rows read or written per statement: well under every database's limit on bound values. */
const CHUNK = 200;

/**
 * Keeps the change log (see content-types/change) in step with what readers
 * see: the same writes that bump the content versions (a published roundup
 * row, a link of a published roundup, a section one of them shows) log the
 * roundups they touch, inside the write's own transaction. Drafts are never
 * logged. Each logged roundup takes the next number from one counter row
 * updated in that transaction: the row lock makes a second writer wait until
 * the first commits, so numbers follow commit order and a reader that has
 * seen number n has seen every change numbered below it.
 */
const changeLog = ({ strapi }: { strapi: Core.Strapi }) => {
  const counterTable = () => strapi.db.metadata.get(CONTENT_VERSION_UID).tableName;
  const logTable = () => changeLogTable(strapi).name;

  const documentIds = async (uid: string, where: unknown): Promise<string[]> =>
    (
      (await strapi.db
        .query(uid)
        .findMany({ where: { $and: [where, PUBLISHED] }, select: ['documentId'] })) as {
        documentId: string;
      }[]
    ).map((row) => row.documentId);

  const ids = async (uid: string, where: unknown): Promise<number[]> =>
    ((await strapi.db.query(uid).findMany({ where, select: ['id'] })) as IdRow[]).map(
      (row) => row.id
    );

  /** Published roundups showing any of the links `entryIds`. */
  const roundupsOfEntries = async (entryIds: number[]) =>
    entryIds.length ? documentIds(ROUNDUP_UID, { entries: { id: { $in: entryIds } } }) : [];

  /** Published roundups that the write matching `where` on `uid` shows in now (or showed). */
  const touched = async (uid: string, where: unknown): Promise<string[]> => {
    if (uid === ROUNDUP_UID) return documentIds(ROUNDUP_UID, where);
    if (uid === ENTRY_UID) return roundupsOfEntries(await ids(ENTRY_UID, where));
    const categories = await ids(CATEGORY_UID, where);
    if (categories.length === 0) return [];
    return documentIds(ROUNDUP_UID, { entries: { category: { id: { $in: categories } } } });
  };

  /** The first of `count` consecutive change numbers, taken in `trx` (whose row lock holds until it commits). */
  const takeSeqs = async (trx: Knex.Transaction, count: number): Promise<number> => {
    const table = counterTable();
    const key = CHANGE_COUNTER_KEY;
    const updated = await trx(table).where({ key }).increment('version', count);
    if (!updated) {
      // The first change ever: another instance may insert the row at the same moment.
      await trx(table)
        .insert({ key, version: count })
        .onConflict('key')
        .merge({ version: trx.raw('?? + ?', [`${table}.version`, count]) });
    }
    const row = (await trx(table).where({ key }).first('version')) as { version: string | number };
    return Number(row.version) - count + 1;
  };

  /** Logs each of `roundups` as it is now: published, or removed if it was published before. */
  const record = async (roundups: Iterable<string>) => {
    const wanted = [...new Set(roundups)].sort();
    if (wanted.length === 0) return;
    await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
      const { roundup, seq, state, slug, date, changedAt } = changeLogTable(strapi);
      const live = new Map<string, PublishedRow>();
      const logged = new Map<string, string>();
      for (let at = 0; at < wanted.length; at += CHUNK) {
        const chunk = wanted.slice(at, at + CHUNK);
        const rows = (await strapi.db.query(ROUNDUP_UID).findMany({
          where: { documentId: { $in: chunk }, ...PUBLISHED },
          select: ['documentId', 'slug', 'date'],
        })) as PublishedRow[];
        for (const row of rows) live.set(row.documentId, row);
        const states = (await trx(logTable())
          .whereIn(roundup, chunk)
          .select(roundup, state)) as Record<string, string>[];
        for (const row of states) logged.set(row[roundup], row[state]);
      }
      const present = wanted.filter((id) => live.has(id));
      const removed = wanted.filter((id) => !live.has(id) && logged.get(id) === 'present');
      if (present.length + removed.length === 0) return;
      let next = await takeSeqs(trx, present.length + removed.length);
      const now = new Date().toISOString();
      for (let at = 0; at < present.length; at += CHUNK) {
        const rows = present.slice(at, at + CHUNK).map((documentId) => {
          const { slug: slugNow, date: dateNow } = live.get(documentId)!;
          return {
            [roundup]: documentId,
            [seq]: next++,
            [state]: 'present',
            [slug]: slugNow,
            [date]: dateNow,
            [changedAt]: now,
          };
        });
        await trx(logTable())
          .insert(rows)
          .onConflict(roundup)
          .merge([seq, state, slug, date, changedAt]);
      }
      for (const documentId of removed) {
        await trx(logTable())
          .where({ [roundup]: documentId })
          .update({ [seq]: next++, [state]: 'removed', [changedAt]: now });
      }
    });
  };

  // In the write's transaction: outside it, SQLite's one connection is taken and this would wait forever.
  const recordEverything = async (): Promise<void> => {
    await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
      const { roundup, state } = changeLogTable(strapi);
      const present = (await trx(logTable())
        .where({ [state]: 'present' })
        .select(roundup)) as Record<string, string>[];
      await record([
        ...(await documentIds(ROUNDUP_UID, {})),
        ...present.map((row) => row[roundup]),
      ]);
    });
  };

  const remember = async (event: WriteEvent) => {
    event.state.roundups = await touched(event.model.uid, event.params.where);
  };
  const after = async (event: WriteEvent, alsoNow: boolean) => {
    const now =
      alsoNow && event.result?.id !== undefined
        ? await touched(event.model.uid, { id: event.result.id })
        : [];
    await record([...(event.state.roundups ?? []), ...now]);
  };

  return {
    /** Subscribes to writes of our content types; called once in bootstrap, after the content versions. */
    watchWrites() {
      strapi.db.lifecycles.subscribe({
        models: [CATEGORY_UID, ENTRY_UID, ROUNDUP_UID],
        beforeUpdate: (event) => remember(event as unknown as WriteEvent),
        beforeDelete: (event) => remember(event as unknown as WriteEvent),
        afterCreate: (event) => after(event as unknown as WriteEvent, true),
        afterUpdate: (event) => after(event as unknown as WriteEvent, true),
        afterDelete: (event) => after(event as unknown as WriteEvent, false),
        // Bulk writes do not say which rows they changed: every roundup readers see or saw is logged.
        afterCreateMany: () => recordEverything(),
        afterUpdateMany: () => recordEverything(),
        afterDeleteMany: () => recordEverything(),
      });
    },

    /** The highest change number committed so far (0 before the first). */
    async committed(): Promise<number> {
      const row = (await strapi.db
        .connection(counterTable())
        .where({ key: CHANGE_COUNTER_KEY })
        .first('version')) as { version: string | number } | undefined;
      return row ? Number(row.version) : 0;
    },

    record,
  };
};

export type ChangeLogService = ReturnType<typeof changeLog>;
export default changeLog;
