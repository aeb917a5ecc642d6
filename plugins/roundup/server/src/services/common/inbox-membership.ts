import type { Core } from '@strapi/strapi';
import { ENTRY_UID, ROUNDUP_UID } from '../../uids';
import { joinTableOf, type Knex } from '../../utils/database';
import { writtenDocumentId, type DocumentWrite } from '../../utils/document-write';
import { getPluginService } from '../../utils/get-service';
import { VERSION_KEYS } from './content-version';

/** An id read straight from a table (a driver may hand back a bigint as digits). */
type IdRow = { id: number | string };

const ROUNDUP_ACTIONS = new Set([
  'create',
  'update',
  'delete',
  'publish',
  'unpublish',
  'discardDraft',
]);
const ENTRY_ACTIONS = new Set(['create', 'update']);
const STORE_VERSION = 1;

/**
 * Which links are in the inbox (have no roundup), kept on each link's
 * `inInbox` so that the inbox is read from an index instead of by looking
 * for every link's roundup. Every Document Service write that can link or
 * unlink one recomputes it for the links it touched, in the same transaction.
 */
const inboxMembership = ({ strapi }: { strapi: Core.Strapi }) => {
  const names = () => {
    const entry = strapi.db.metadata.get(ENTRY_UID);
    const join = joinTableOf(strapi, ENTRY_UID, 'roundup');
    return {
      entries: entry.tableName,
      link: join.name,
      entryColumn: join.joinColumn.name,
      roundupColumn: join.inverseJoinColumn.name,
      roundups: strapi.db.metadata.get(ROUNDUP_UID).tableName,
    };
  };

  /** ids of the links in any version of the roundup `documentId`. */
  const linksOfRoundup = async (trx: Knex, documentId: string): Promise<number[]> => {
    const { link, entryColumn, roundupColumn, roundups } = names();
    const rows: IdRow[] = await trx(link)
      .join(roundups, `${roundups}.id`, `${link}.${roundupColumn}`)
      .where(`${roundups}.document_id`, documentId)
      .distinct(`${link}.${entryColumn} as id`);
    return rows.map((row) => Number(row.id));
  };

  /** Sets `inInbox` of the links `ids` (or all links) from their roundup links, in one statement. */
  const recompute = async (trx: Knex, ids?: number[]) => {
    if (ids && ids.length === 0) return;
    const { entries, link, entryColumn } = names();
    // A boolean expression, not bound true/false: PostgreSQL will not cast a parameter to boolean here.
    const query = trx(entries).update({
      in_inbox: trx.raw('not exists (select 1 from ?? where ??.?? = ??.id)', [
        link,
        link,
        entryColumn,
        entries,
      ]),
    });
    await (ids ? query.whereIn('id', ids) : query);
  };

  return {
    /** Wraps one Document Service write of ours and recomputes the links it may have moved. */
    async around<Result>(write: DocumentWrite, run: () => Promise<Result>): Promise<Result> {
      const { uid, action, documentId } = write;
      const tracked =
        (uid === ROUNDUP_UID && ROUNDUP_ACTIONS.has(action)) ||
        (uid === ENTRY_UID && ENTRY_ACTIONS.has(action));
      if (!tracked) return run();
      return strapi.db.transaction(async ({ trx }: { trx: Knex }) => {
        const before =
          uid === ROUNDUP_UID && documentId ? await linksOfRoundup(trx, documentId) : [];
        const result = await run();
        const id = writtenDocumentId(write, result);
        if (uid === ROUNDUP_UID) {
          const after = id && action !== 'delete' ? await linksOfRoundup(trx, id) : [];
          await recompute(trx, [...new Set([...before, ...after])]);
        } else if (id) {
          const rows: IdRow[] = await trx(names().entries).select('id').where('document_id', id);
          await recompute(
            trx,
            rows.map((row) => Number(row.id))
          );
        }
        return result;
      });
    },

    /** Sets every link's `inInbox` once, when the field is new to the database. */
    async fillOnce() {
      const store = strapi.store({ type: 'plugin', name: 'roundup', key: 'inbox-membership' });
      const applied = (await store.get({})) as { version?: number } | null;
      if (applied?.version === STORE_VERSION) return;
      await strapi.db.transaction(({ trx }: { trx: Knex }) => recompute(trx));
      await getPluginService(strapi, 'content-version').bump([VERSION_KEYS.editor]);
      await store.set({ value: { version: STORE_VERSION } });
    },
  };
};

export type InboxMembershipService = ReturnType<typeof inboxMembership>;
export default inboxMembership;
