import type { Core } from '@strapi/strapi';
import {
  changesPage,
  pageQuery,
  snapshotCursor,
  type ChangeRow,
  type ChangesCursor,
  type ChangesPage,
} from '../../core/changes';
import { getPluginService } from '../../utils/get-service';
import { changeLogTable } from '../common/change-log';

/**
 * The changes feed: published roundups whose output changed after a cursor,
 * and a tombstone for each one unpublished or deleted, read from the change
 * log in the order of its numbers. Without a cursor, every published roundup:
 * the snapshot a first pull starts from.
 */
const changes = ({ strapi }: { strapi: Core.Strapi }) => {
  const read = async (cursor: ChangesCursor, limit: number): Promise<ChangeRow[]> => {
    const { after, hideRemovedUpTo, take } = pageQuery(cursor, limit);
    const { name, roundup, seq, state, slug, date, changedAt } = changeLogTable(strapi);
    const rows = (await strapi.db
      .connection(name)
      .select({ documentId: roundup, seq, state, slug, date, changedAt })
      .where(seq, '>', after)
      .andWhere((where) => where.where(state, 'present').orWhere(seq, '>', hideRemovedUpTo))
      .orderBy(seq, 'asc')
      .limit(take)) as (Omit<ChangeRow, 'seq'> & { seq: string | number })[];
    return rows.map((row) => ({ ...row, seq: Number(row.seq) }));
  };

  return {
    /** One page of changes after `since` (null: the snapshot of everything published). */
    async page({
      since,
      limit,
    }: {
      since: ChangesCursor | null;
      limit: number;
    }): Promise<ChangesPage> {
      // Read before the rows: every removal numbered up to it is already committed, so the snapshot shows its roundup as removed.
      const cursor =
        since ?? snapshotCursor(await getPluginService(strapi, 'change-log').committed());
      return changesPage(await read(cursor, limit), cursor, limit);
    },
  };
};

export type ChangesService = ReturnType<typeof changes>;
export default changes;
