import type { ChangeItem, ChangesPage } from '../../../../client';
import { encodeCursor, type ChangesCursor } from './cursor';

/** One roundup's row in the change log: its latest change. */
export interface ChangeRow {
  documentId: string;
  seq: number;
  state: 'present' | 'removed';
  slug: string;
  date: string;
  changedAt: string;
}

/**
 * What the feed says of one roundup, and a page of it: the typed client's own types, which
 * frontends read the feed with, so that the server answers exactly what they declare.
 */
export type { ChangeItem, ChangesPage };

/**
 * Which rows a page reads: those numbered after the cursor, in order, without
 * the removals a snapshot hides, one more than `limit` to tell whether more follow.
 */
export const pageQuery = (cursor: ChangesCursor, limit: number) => ({
  after: cursor.after,
  hideRemovedUpTo: cursor.hide ?? 0,
  take: limit + 1,
});

/**
 * A first pull's cursor: everything after 0, hiding removals numbered up to
 * `committed`, the last sequence number committed before the snapshot was read.
 */
export const snapshotCursor = (committed: number): ChangesCursor => ({
  after: 0,
  hide: committed,
});

const toItem = (row: ChangeRow): ChangeItem => ({
  documentId: row.documentId,
  state: row.state === 'present' ? 'published' : 'removed',
  slug: row.slug,
  date: row.date,
  version: String(row.seq),
  updatedAt: row.changedAt,
});

/**
 * The page for `rows` (read by `pageQuery`, in sequence order). The next
 * cursor follows the last row returned; once a snapshot has no more rows, the
 * removals it hid are all behind it, so the cursor moves past them and stops hiding.
 */
export const changesPage = (
  rows: ChangeRow[],
  cursor: ChangesCursor,
  limit: number
): ChangesPage => {
  const hasMore = rows.length > limit;
  const shown = rows.slice(0, limit);
  const after = shown.length > 0 ? shown[shown.length - 1].seq : cursor.after;
  const next: ChangesCursor =
    cursor.hide === undefined
      ? { after }
      : hasMore
        ? { after, hide: cursor.hide }
        : { after: Math.max(after, cursor.hide) };
  return { data: shown.map(toItem), meta: { nextCursor: encodeCursor(next), hasMore } };
};
