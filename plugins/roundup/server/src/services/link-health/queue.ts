import type { Core } from '@strapi/strapi';
import {
  isWaybackUrl,
  planQueue,
  resultAfterCheck,
  type CheckOutcome,
  type ResultPolicy,
  type WatchedLink,
} from '../../core/link-health';
import type { EntryRow, LinkResultRow, RoundupRow } from '../../content-types/rows';
import { ENTRY_UID, LINK_RESULT_UID, ROUNDUP_UID } from '../../uids';

const CHUNK = 200;

const chunks = <T>(items: T[]) =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) =>
    items.slice(i * CHUNK, (i + 1) * CHUNK)
  );

type LinkRef = Pick<EntryRow, 'documentId' | 'url'>;

/** A queued link as a worker checks it: its URL and the history its check adds to. */
export type QueuedLink = Pick<
  LinkResultRow,
  'id' | 'url' | 'state' | 'deadAnswer' | 'failures' | 'firstFailureAt'
>;

/**
 * The link checker's queue, kept in the result rows: each run brings them in
 * line with the links to watch and marks the due ones with its id; a check
 * writes what it learned and takes the mark off.
 */
export const createLinkQueue = (strapi: Core.Strapi) => {
  const results = () => strapi.db.query(LINK_RESULT_UID);

  /** Every link to watch: those of published roundups and those in the inbox. */
  const linksToCheck = async (): Promise<WatchedLink[]> => {
    const published: (Pick<RoundupRow, 'id'> & { entries?: LinkRef[] })[] = await strapi.db
      .query(ROUNDUP_UID)
      .findMany({
        where: { publishedAt: { $notNull: true } },
        select: ['id'],
        populate: { entries: { select: ['documentId', 'url'] } },
      });
    const inbox: LinkRef[] = await strapi.db
      .query(ENTRY_UID)
      .findMany({ where: { roundup: { id: { $null: true } } }, select: ['documentId', 'url'] });
    const links = new Map<string, string>();
    for (const entry of [...published.flatMap((roundup) => roundup.entries ?? []), ...inbox]) {
      if (entry.url && !isWaybackUrl(entry.url)) links.set(entry.documentId, entry.url);
    }
    return [...links].map(([documentId, url]) => ({ documentId, url }));
  };

  return {
    /** Brings the results in line with the links and queues the due ones for `runId`; how many were queued. */
    async queueDueLinks(runId: number, now: number): Promise<number> {
      const links = await linksToCheck();
      const known: Pick<
        LinkResultRow,
        'id' | 'entryDocumentId' | 'url' | 'nextCheckAt' | 'ignored'
      >[] = await results().findMany({
        select: ['id', 'entryDocumentId', 'url', 'nextCheckAt', 'ignored'],
      });
      const { stale, fresh, changed, due } = planQueue(links, known, runId, now);
      for (const ids of chunks(stale)) await results().deleteMany({ where: { id: { $in: ids } } });
      for (const rows of chunks(fresh)) await results().createMany({ data: rows });
      // A link whose URL was edited is a new link to the checker: its history no longer applies.
      for (const { id, data } of changed) await results().update({ where: { id }, data });
      for (const ids of chunks(due))
        await results().updateMany({ where: { id: { $in: ids } }, data: { queuedRun: runId } });
      return fresh.length + changed.length + due.length;
    },

    /** The links queued for `runId`, in the order they were queued. */
    queued(runId: number): Promise<QueuedLink[]> {
      return results().findMany({
        where: { queuedRun: runId },
        select: ['id', 'url', 'state', 'deadAnswer', 'failures', 'firstFailureAt'],
        orderBy: { id: 'asc' },
      });
    },

    /** How many links are still queued for `runId`. */
    remaining(runId: number): Promise<number> {
      return results().count({ where: { queuedRun: runId } });
    },

    /** Writes what one check learned, unless the link's URL changed meanwhile. */
    async record(
      link: QueuedLink,
      outcome: CheckOutcome,
      runId: number,
      now: number,
      policy: ResultPolicy
    ) {
      await results().updateMany({
        where: { id: link.id, queuedRun: runId, url: link.url },
        data: { ...resultAfterCheck(link, outcome, now, policy), queuedRun: null, lastRun: runId },
      });
    },

    /** Leaves whatever `runId` did not check for the next run. */
    async release(runId: number) {
      await results().updateMany({ where: { queuedRun: runId }, data: { queuedRun: null } });
    },

    /** How many links run `runId` checked, by the state each is in now. */
    checkedStates(runId: number): Promise<{ state: string; n: number | string }[]> {
      // Counted in the database: a large archive's results are never read to count them.
      return strapi.db
        .connection(strapi.getModel(LINK_RESULT_UID).collectionName as string)
        .select('state')
        .count({ n: '*' })
        .where('last_run', runId)
        .groupBy('state') as Promise<{ state: string; n: number | string }[]>;
    },
  };
};

export type LinkQueue = ReturnType<typeof createLinkQueue>;
