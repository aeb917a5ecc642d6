import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Core } from '@strapi/strapi';
import {
  classifyOutcome,
  finished,
  hostKey,
  IDLE_HOST,
  interleaveByHost,
  isWaybackUrl,
  mayStart,
  mayTakeLease,
  needsGetAfterHead,
  nextCheckAt,
  quietAt,
  recordCheck,
  retryAfterWait,
  sent,
  started,
  type CheckOutcome,
  type HostState,
  type LinkHistory,
  type RedirectHop,
  type RequestErrorCode,
} from '../../core/link-health';
import { parseRetryAfter } from '../../core/webhooks';
import { ENTRY_UID, LINK_CHECK_UID, LINK_RESULT_UID, ROUNDUP_UID } from '../../uids';
import { getPluginConfig } from '../../utils/config';
import { ConflictError } from '../../utils/errors';
import { OutboundError } from '../../outbound';
import { outboundRequest, type CheckRequest, type CheckResponse } from './request';

type Row = Record<string, any>;

const SLOT = 'link-check';
const CRON_JOB = 'roundup-link-check';
const MAX_PER_HOST = 2;
const MAX_REDIRECTS = 5;
const BODY_BYTES = 16 * 1024;
const CHUNK = 200;
const DAY_MS = 24 * 60 * 60 * 1000;

const chunks = <T>(items: T[]) =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) =>
    items.slice(i * CHUNK, (i + 1) * CHUNK)
  );
const asNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value));

class Stopped extends Error {}

export interface RunProgress {
  id: number;
  state: 'running' | 'finished';
  trigger: 'manual' | 'schedule';
  startedAt: string | null;
  finishedAt: string | null;
  total: number;
  checked: number;
  /** States of the links this run checked so far. */
  byState: Record<string, number>;
}

/**
 * The link checker. A run queues every due link of published roundups and
 * the inbox, then checks them through one request function, paced per host;
 * the run row is a lease, so one instance on the database works it at a time
 * and another takes it over when that one stops.
 */
const checker = ({ strapi }: { strapi: Core.Strapi }) => {
  const instance = `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
  /** The calendar the checker records dates by (replaceable, so a test can live through days). */
  let clock = () => Date.now();
  const request: CheckRequest = outboundRequest(strapi);

  const hosts = new Map<string, HostState>();
  const waiting = new Set<() => void>();
  let working: Promise<void> | null = null;
  /** Starting a run and taking one over, in turn: the watchdog must not take a run this instance is still queueing. */
  let claiming: Promise<unknown> = Promise.resolve();
  let stopping = false;
  let watchdog: NodeJS.Timeout | null = null;
  let firstLook: NodeJS.Timeout | null = null;

  const config = () => getPluginConfig(strapi).linkCheck;
  const userAgent = () => {
    const { contactUrl } = config();
    return `strapi-plugin-roundup-linkcheck/1.0 (+${contactUrl ?? getPluginConfig(strapi).feed.siteUrl})`;
  };
  const runs = () => strapi.db.query(LINK_CHECK_UID);
  const results = () => strapi.db.query(LINK_RESULT_UID);

  /** Sleeps `ms` (or until woken, when null); stopping wakes every sleeper. */
  const sleep = (ms: number | null) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        if (timer) clearTimeout(timer);
        waiting.delete(wake);
        resolve();
      };
      const timer = ms === null ? null : setTimeout(wake, ms);
      waiting.add(wake);
    });
  const wakeAll = () => [...waiting].forEach((wake) => wake());

  const inTurn = <T>(claim: () => Promise<T>): Promise<T> => {
    const result = claiming.then(claim);
    claiming = result.catch(() => undefined);
    return result;
  };

  const pacing = () => ({ maxConcurrent: MAX_PER_HOST, intervalMs: config().hostIntervalMs });

  /** Sends one request once its host's pacing allows, and records what the host asked for. */
  const paced = async (url: string, method: 'HEAD' | 'GET'): Promise<CheckResponse> => {
    const key = hostKey(url);
    const host = () => hosts.get(key) ?? IDLE_HOST;
    for (;;) {
      if (stopping) throw new Stopped();
      const decision = mayStart(host(), Date.now(), pacing());
      if (decision.go) break;
      await sleep(decision.waitMs);
    }
    hosts.set(key, started(host()));
    let wasSent = false;
    let retryAfterMs: number | undefined;
    try {
      const response = await request(url, {
        method,
        headers: { 'user-agent': userAgent(), accept: '*/*' },
        timeoutMs: config().timeoutMs,
        maxBytes: method === 'GET' ? BODY_BYTES : 1024,
        onSent: () => {
          if (wasSent) return;
          wasSent = true;
          hosts.set(key, sent(host(), Date.now()));
          wakeAll();
        },
      });
      if (response.status === 429 || response.status === 503) {
        retryAfterMs = parseRetryAfter(response.headers['retry-after'], Date.now());
      }
      return response;
    } finally {
      hosts.set(key, finished(host(), Date.now(), { wasSent, retryAfterMs }));
      wakeAll();
    }
  };

  /** One URL's answer: HEAD, then GET when HEAD fails, and once more after a short Retry-After. */
  const ask = async (url: string): Promise<CheckResponse | { error: RequestErrorCode }> => {
    let method: 'HEAD' | 'GET' = 'HEAD';
    let retried = 0;
    for (;;) {
      let response: CheckResponse;
      try {
        response = await paced(url, method);
      } catch (failure) {
        if (failure instanceof Stopped) throw failure;
        const code = failure instanceof OutboundError ? failure.code : 'network';
        if (method === 'HEAD' && needsGetAfterHead(undefined, code)) {
          method = 'GET';
          continue;
        }
        return { error: code };
      }
      const retryAfterMs = parseRetryAfter(response.headers['retry-after'], Date.now());
      if (
        retryAfterWait(response.status, retryAfterMs, retried + 1, config().maxRetryAfterMs) !==
        null
      ) {
        retried += 1; // the host's pacing now waits out the Retry-After
        continue;
      }
      if (method === 'HEAD' && needsGetAfterHead(response.status)) {
        method = 'GET';
        continue;
      }
      return response;
    }
  };

  /** Checks one URL, following redirects one hop at a time so that each hop is paced and recorded. */
  const checkUrl = async (url: string): Promise<CheckOutcome> => {
    const redirects: RedirectHop[] = [];
    let current = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
      const answer = await ask(current);
      if ('error' in answer) return { url, finalUrl: current, redirects, error: answer.error };
      const { status, headers } = answer;
      if (status >= 300 && status < 400 && headers.location) {
        let next: URL;
        try {
          next = new URL(headers.location, current);
        } catch {
          return { url, finalUrl: current, redirects, status, headers };
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          return { url, finalUrl: current, redirects, error: 'refused' };
        }
        redirects.push({ url: current, status });
        current = next.toString();
        continue;
      }
      return {
        url,
        finalUrl: current,
        redirects,
        status,
        headers,
        bodyStart: answer.body.toString('utf8', 0, 4096),
      };
    }
    return { url, finalUrl: current, redirects, error: 'too-many-redirects' };
  };

  /** Checks one queued link and writes what was learned, unless its URL changed meanwhile. */
  const checkAndRecord = async (row: Row, runId: number) => {
    const outcome = await checkUrl(row.url);
    const verdict = classifyOutcome(outcome);
    const now = clock();
    const previous: LinkHistory = {
      state: row.state,
      deadAnswer: row.deadAnswer ?? null,
      failures: Number(row.failures ?? 0),
      firstFailureAt: asNumber(row.firstFailureAt),
    };
    const { deadAfter, recheckDays } = config();
    const history = recordCheck(previous, verdict, now, deadAfter);
    await results().updateMany({
      where: { id: row.id, queuedRun: runId, url: row.url },
      data: {
        ...history,
        status: outcome.status ?? null,
        reason: verdict.kind === 'unknown' ? verdict.reason : null,
        finalUrl: outcome.finalUrl,
        newUrl: verdict.kind === 'moved' ? verdict.newUrl : null,
        redirects: outcome.redirects,
        lastCheckedAt: now,
        nextCheckAt: nextCheckAt(history, now, {
          healthyMs: recheckDays * DAY_MS,
          settledMs: recheckDays * DAY_MS,
        }),
        queuedRun: null,
        lastRun: runId,
      },
    });
  };

  /** Every link to watch: those of published roundups and those in the inbox. */
  const linksToCheck = async (): Promise<{ documentId: string; url: string }[]> => {
    const published: Row[] = await strapi.db.query(ROUNDUP_UID).findMany({
      where: { publishedAt: { $notNull: true } },
      select: ['id'],
      populate: { entries: { select: ['documentId', 'url'] } },
    });
    const inbox: Row[] = await strapi.db
      .query(ENTRY_UID)
      .findMany({ where: { roundup: { id: { $null: true } } }, select: ['documentId', 'url'] });
    const links = new Map<string, string>();
    for (const entry of [...published.flatMap((roundup) => roundup.entries ?? []), ...inbox]) {
      if (entry.url && !isWaybackUrl(entry.url)) links.set(entry.documentId, entry.url);
    }
    return [...links].map(([documentId, url]) => ({ documentId, url }));
  };

  /** Brings the results in line with the links and queues the due ones for `runId`; how many were queued. */
  const queueDueLinks = async (runId: number, now: number) => {
    const links = await linksToCheck();
    const known: Row[] = await results().findMany({
      select: ['id', 'entryDocumentId', 'url', 'nextCheckAt', 'ignored'],
    });
    const byEntry = new Map(known.map((row) => [row.entryDocumentId, row]));
    const current = new Set(links.map((link) => link.documentId));

    const stale = known.filter((row) => !current.has(row.entryDocumentId)).map((row) => row.id);
    for (const ids of chunks(stale)) await results().deleteMany({ where: { id: { $in: ids } } });

    const fresh: Row[] = [];
    const changed: Row[] = [];
    const due: number[] = [];
    for (const link of links) {
      const row = byEntry.get(link.documentId);
      if (!row)
        fresh.push({
          entryDocumentId: link.documentId,
          url: link.url,
          state: 'unchecked',
          failures: 0,
          ignored: false,
          nextCheckAt: now,
          queuedRun: runId,
        });
      else if (row.url !== link.url) changed.push({ id: row.id, url: link.url });
      else if (!row.ignored && (row.nextCheckAt === null || Number(row.nextCheckAt) <= now))
        due.push(row.id);
    }
    for (const rows of chunks(fresh)) await results().createMany({ data: rows });
    // A link whose URL was edited is a new link to the checker: its history no longer applies.
    for (const { id, url } of changed) {
      await results().update({ where: { id }, data: { ...resetFor(url, now), queuedRun: runId } });
    }
    for (const ids of chunks(due))
      await results().updateMany({ where: { id: { $in: ids } }, data: { queuedRun: runId } });
    return fresh.length + changed.length + due.length;
  };

  const renewLease = async (runId: number) => {
    const { count } = await runs().updateMany({
      where: { id: runId, holder: instance },
      data: { leaseUntil: Date.now() + config().leaseTtlMs },
    });
    return count === 1;
  };

  /** Works run `runId` until every queued link is checked, the lease is lost or the instance stops. */
  const work = (runId: number) => {
    if (working) return working;
    working = (async () => {
      let holding = true;
      const renewal = setInterval(
        () => {
          renewLease(runId)
            .then((held) => {
              holding = held;
            })
            .catch((e) => strapi.log.warn(`[roundup] link check lease: ${e}`));
        },
        Math.max(200, Math.floor(config().leaseTtlMs / 3))
      );
      try {
        const queued: (Row & { url: string })[] = await results().findMany({
          where: { queuedRun: runId },
          select: ['id', 'url', 'state', 'deadAnswer', 'failures', 'firstFailureAt'],
          orderBy: { id: 'asc' },
        });
        const order = interleaveByHost(queued);
        let next = 0;
        const worker = async () => {
          while (!stopping && holding && next < order.length) {
            const row = order[next];
            next += 1;
            try {
              await checkAndRecord(row, runId);
            } catch (error) {
              if (error instanceof Stopped) return;
              strapi.log.error(`[roundup] link check of ${row.url}: ${error}`);
            }
          }
        };
        await Promise.all(Array.from({ length: config().concurrency }, worker));
        if (!stopping && holding) {
          // Links whose check failed unexpectedly are left for the next run.
          await results().updateMany({ where: { queuedRun: runId }, data: { queuedRun: null } });
          await runs().updateMany({
            where: { id: runId, holder: instance },
            data: {
              state: 'finished',
              slot: null,
              finishedAt: clock(),
              holder: null,
              leaseUntil: null,
            },
          });
        }
      } finally {
        clearInterval(renewal);
        working = null;
      }
    })();
    working.catch((e) => strapi.log.error(`[roundup] link check: ${e}`));
    return working;
  };

  const runningRun = async (): Promise<Row | null> =>
    runs().findOne({ where: { state: 'running' }, orderBy: { id: 'desc' } });

  /** Takes over a running check whose instance stopped, if there is one, and works it. */
  const resumeOrphan = () =>
    inTurn(async () => {
      if (working || stopping) return;
      const run = await runningRun();
      if (
        !run ||
        !mayTakeLease(
          { holder: run.holder ?? null, until: asNumber(run.leaseUntil) },
          instance,
          Date.now()
        )
      )
        return;
      const now = Date.now();
      const { count } = await runs().updateMany({
        where: {
          id: run.id,
          $or: [
            { holder: null },
            { leaseUntil: null },
            { leaseUntil: { $lt: now } },
            { holder: instance },
          ],
        },
        data: { holder: instance, leaseUntil: now + config().leaseTtlMs },
      });
      if (count === 1) void work(run.id);
    });

  const progress = async (run: Row): Promise<RunProgress> => {
    const [remaining, states] = await Promise.all([
      results().count({ where: { queuedRun: run.id } }),
      strapi.db
        .connection(strapi.getModel(LINK_RESULT_UID).collectionName as string)
        .select('state')
        .count({ n: '*' })
        .where('last_run', run.id)
        .groupBy('state') as Promise<{ state: string; n: number | string }[]>,
    ]);
    const total = Number(run.total ?? 0);
    return {
      id: run.id,
      state: run.state,
      trigger: run.trigger,
      startedAt: run.startedAt ? new Date(Number(run.startedAt)).toISOString() : null,
      finishedAt: run.finishedAt ? new Date(Number(run.finishedAt)).toISOString() : null,
      total,
      checked: run.state === 'finished' ? total : Math.max(0, total - Number(remaining)),
      byState: Object.fromEntries(states.map(({ state, n }) => [state, Number(n)])),
    };
  };

  return {
    instance,

    /** Replaces the calendar the checker records dates by (tests and simulations). */
    useClock(now: () => number) {
      clock = now;
    },

    /** Starts a check now; a ConflictError (409) when one is running, on any instance. */
    start(trigger: 'manual' | 'schedule' = 'manual'): Promise<RunProgress> {
      return inTurn(async () => {
        const now = clock();
        let run: Row;
        try {
          run = await runs().create({
            data: {
              slot: SLOT,
              state: 'running',
              trigger,
              startedAt: now,
              total: 0,
              holder: instance,
              leaseUntil: Date.now() + config().leaseTtlMs,
            },
          });
        } catch (error) {
          const running = await runningRun();
          if (running)
            throw new ConflictError('A link check is already running', {
              run: await progress(running),
            });
          throw error;
        }
        const total = await queueDueLinks(run.id, now);
        run = await runs().update({ where: { id: run.id }, data: { total } });
        void work(run.id);
        return progress(run);
      });
    },

    /** The running check, or the latest one; null before the first. */
    async current(): Promise<RunProgress | null> {
      const run = (await runningRun()) ?? (await runs().findOne({ orderBy: { id: 'desc' } }));
      return run ? progress(run) : null;
    },

    /** Resolves once this instance has no check in hand (tests wait on it). */
    async idle() {
      await working?.catch(() => {});
    },

    /** Schedules the nightly check (when enabled) and watches for checks left by a stopped instance. */
    startScheduling() {
      stopping = false;
      const { enabled, cron, leaseTtlMs } = config();
      if (enabled) {
        strapi.cron.add({
          [CRON_JOB]: {
            task: () =>
              this.start('schedule').catch((error) => {
                if (error instanceof ConflictError)
                  strapi.log.info('[roundup] link check already running elsewhere');
                else strapi.log.error(`[roundup] scheduled link check: ${error}`);
              }),
            options: { rule: cron },
          },
        });
      }
      const look = () =>
        resumeOrphan().catch((e) => strapi.log.warn(`[roundup] link check watchdog: ${e}`));
      // The first look waits a little: a check resumed while the app still starts up would share its busy first seconds.
      const every = Math.max(250, Math.floor(leaseTtlMs / 2));
      watchdog = setInterval(look, every);
      watchdog.unref();
      firstLook = setTimeout(look, Math.min(every, 2000));
      firstLook.unref();
    },

    /** Stops checking: requests in flight end, the lease is handed back so another instance resumes at once. */
    async stop() {
      stopping = true;
      if (watchdog) clearInterval(watchdog);
      if (firstLook) clearTimeout(firstLook);
      strapi.cron.remove(CRON_JOB);
      wakeAll();
      await working?.catch(() => {});
      // The instance that takes over knows nothing of this one's last requests: hand over once each host may get the next.
      const now = Date.now();
      const quiet = Math.max(
        now,
        ...[...hosts.values()].map((host) => quietAt(host, now, pacing()))
      );
      if (quiet > now) await new Promise((resolve) => setTimeout(resolve, quiet - now));
      await runs().updateMany({
        where: { holder: instance },
        data: { holder: null, leaseUntil: null },
      });
    },
  };
};

/** A result row's fields for a link that has a new URL: nothing known about it yet. */
export const resetFor = (url: string, now: number) => ({
  url,
  state: 'unchecked',
  status: null,
  reason: null,
  finalUrl: null,
  newUrl: null,
  redirects: null,
  deadAnswer: null,
  failures: 0,
  firstFailureAt: null,
  lastCheckedAt: null,
  nextCheckAt: now,
  ignored: false,
});

export type CheckerService = ReturnType<typeof checker>;
export default checker;
