import type { Core } from '@strapi/strapi';
import { hostWords } from '../../core/search';
import type { EntryRow } from '../../content-types/rows';
import { ENTRY_UID } from '../../uids';
import { getPluginConfig } from '../../utils/config';
import type { Knex, LifecycleEvent } from '../../utils/database';
import {
  engineFor,
  SEARCH_SCHEMA_VERSION,
  SEARCH_TABLE,
  type IndexRow,
  type SearchEngine,
} from './engines';

/** Links read and written per statement while the index is rebuilt. */
const BATCH = 500;

type SourceRow = Pick<EntryRow, 'id' | 'title' | 'author' | 'description' | 'url'> & {
  text_after: string | null;
};

/** A link's words; its commentary column also holds the link-less list items after it (`textAfter`). */
const toIndexRow = (row: SourceRow): IndexRow => ({
  entryId: row.id,
  title: row.title ?? '',
  author: row.author ?? '',
  description: [row.description, row.text_after].filter(Boolean).join('\n\n'),
  host: hostWords(row.url),
});

/**
 * The full-text index of every link (drafts and inbox included: who may see a
 * link is decided when searching, from the live roundups). It holds only the
 * link's own text, so it changes with a link's writes alone, in the write's
 * transaction; publishing, unpublishing and moving links change no row of it.
 */
const searchIndex = ({ strapi }: { strapi: Core.Strapi }) => {
  let chosen: SearchEngine | undefined;
  const engine = () =>
    (chosen ??= engineFor(strapi.db.dialect.client, getPluginConfig(strapi).search.language));
  const entries = () => strapi.db.metadata.get(ENTRY_UID).tableName;
  const inTransaction = <T>(work: (trx: Knex) => Promise<T>) =>
    strapi.db.transaction(({ trx }: { trx: Knex }) => work(trx));
  const store = () => strapi.store({ type: 'plugin', name: 'roundup', key: 'search-index' });
  const stamp = () => ({
    version: SEARCH_SCHEMA_VERSION,
    client: strapi.db.dialect.client,
    language: getPluginConfig(strapi).search.language,
  });

  /** Makes the index rows of the links `ids` match the links (and drops those of deleted links). */
  const sync = async (db: Knex, ids: number[]) => {
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      const rows: SourceRow[] = await db(entries())
        .select('id', 'title', 'author', 'description', 'url', 'text_after')
        .whereIn('id', batch);
      const found = new Set(rows.map((row) => row.id));
      const gone = batch.filter((id) => !found.has(id));
      if (gone.length) await db(SEARCH_TABLE).whereIn(engine().idColumn, gone).delete();
      await engine().write(db, rows.map(toIndexRow));
    }
  };

  const count = async (table: string): Promise<number> => {
    const row = (await strapi.db.connection(table).count({ n: '*' }).first()) as { n: unknown };
    return Number(row.n);
  };

  const idsWhere = async (where: unknown): Promise<number[]> =>
    (
      (await strapi.db.query(ENTRY_UID).findMany({ where, select: ['id'] })) as { id: number }[]
    ).map((row) => row.id);
  const remember = async (event: LifecycleEvent) => {
    event.state = { ...(event.state ?? {}), searchIds: await idsWhere(event.params.where) };
  };
  const recalled = (event: LifecycleEvent) => (event.state?.searchIds as number[]) ?? [];
  const syncInWrite = async (ids: number[]) => {
    await inTransaction((trx) => sync(trx, ids));
  };

  let rebuilding: Promise<number> | undefined;

  return {
    /**
     * Makes the index's table if it is missing, anew if it was made for another
     * version or language; called first in bootstrap. An empty or outdated index
     * (its rows not one per link) is rebuilt in the background.
     */
    async ensure() {
      const stored = (await store().get({})) as ReturnType<typeof stamp> | null;
      const fresh = stamp();
      const stale = JSON.stringify(stored) !== JSON.stringify(fresh);
      if (stale) await strapi.db.connection.raw(`DROP TABLE IF EXISTS ${SEARCH_TABLE}`);
      await engine().create(strapi.db.connection);
      if (stale) await store().set({ value: fresh });
      if ((await count(SEARCH_TABLE)) !== (await count(entries()))) {
        this.rebuild().catch((error: Error) =>
          strapi.log.error(`[roundup] rebuilding the search index failed: ${error.message}`)
        );
      }
    },

    /** Rebuilds the whole index from the links (`npm run roundup -- reindex`); resolves to how many it holds. */
    rebuild(): Promise<number> {
      rebuilding ??= (async () => {
        try {
          await strapi.db
            .connection(SEARCH_TABLE)
            .whereNotIn(engine().idColumn, strapi.db.connection(entries()).select('id'))
            .delete();
          let after = 0;
          for (;;) {
            const ids = (
              (await strapi.db
                .connection(entries())
                .select('id')
                .where('id', '>', after)
                .orderBy('id')
                .limit(BATCH)) as { id: number }[]
            ).map((row) => row.id);
            if (ids.length === 0) break;
            await inTransaction((trx) => sync(trx, ids));
            after = ids[ids.length - 1];
          }
          return await count(SEARCH_TABLE);
        } finally {
          rebuilding = undefined;
        }
      })();
      return rebuilding;
    },

    /** Keeps the index in step with every write of a link, in the write's transaction; called once in bootstrap. */
    watchWrites() {
      strapi.db.lifecycles.subscribe({
        models: [ENTRY_UID],
        afterCreate: (event) => syncInWrite([event.result?.id].filter(Number.isInteger)),
        afterUpdate: (event) => syncInWrite([event.result?.id].filter(Number.isInteger)),
        beforeDelete: (event) => remember(event),
        afterDelete: (event) => syncInWrite(recalled(event)),
        beforeUpdateMany: (event) => remember(event),
        afterUpdateMany: (event) => syncInWrite(recalled(event)),
        beforeDeleteMany: (event) => remember(event),
        afterDeleteMany: (event) => syncInWrite(recalled(event)),
        // createMany answers the new ids on every database Strapi 5 supports.
        afterCreateMany: (event) =>
          syncInWrite(((event.result as { ids?: number[] } | undefined)?.ids ?? []).map(Number)),
      });
    },

    engine,
  };
};

export type SearchIndexService = ReturnType<typeof searchIndex>;
export default searchIndex;
