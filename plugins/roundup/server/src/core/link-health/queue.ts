import { resetFor } from './result';

/** A link to watch: an entry and its URL. */
export interface WatchedLink {
  documentId: string;
  url: string;
}

/** What the checker already knows of a link (a result row's identity and schedule). */
export interface KnownResult {
  id: number;
  entryDocumentId: string;
  url: string;
  nextCheckAt: number | string | null;
  ignored: boolean | null;
}

/** How a run brings the results in line with the links, and which it checks. */
export interface QueuePlan {
  /** Results of links that are gone. */
  stale: number[];
  /** New results, queued for the run. */
  fresh: ReturnType<typeof freshResult>[];
  /** Results whose link has a new URL: their history no longer applies. */
  changed: { id: number; data: ReturnType<typeof resetFor> & { queuedRun: number } }[];
  /** Results due for a check. */
  due: number[];
}

const freshResult = (link: WatchedLink, runId: number, now: number) => ({
  entryDocumentId: link.documentId,
  url: link.url,
  state: 'unchecked' as const,
  failures: 0,
  ignored: false,
  nextCheckAt: now,
  queuedRun: runId,
});

/** The plan that queues every due link of `links` for run `runId` at `now`. */
export const planQueue = (
  links: readonly WatchedLink[],
  known: readonly KnownResult[],
  runId: number,
  now: number
): QueuePlan => {
  const byEntry = new Map(known.map((row) => [row.entryDocumentId, row]));
  const current = new Set(links.map((link) => link.documentId));
  const plan: QueuePlan = {
    stale: known.filter((row) => !current.has(row.entryDocumentId)).map((row) => row.id),
    fresh: [],
    changed: [],
    due: [],
  };
  for (const link of links) {
    const row = byEntry.get(link.documentId);
    if (!row) plan.fresh.push(freshResult(link, runId, now));
    else if (row.url !== link.url)
      plan.changed.push({ id: row.id, data: { ...resetFor(link.url, now), queuedRun: runId } });
    else if (!row.ignored && (row.nextCheckAt === null || Number(row.nextCheckAt) <= now))
      plan.due.push(row.id);
  }
  return plan;
};
