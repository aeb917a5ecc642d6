import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Core } from '@strapi/strapi';
import { interleaveByHost, runProgress, type RunProgress } from '../../core/link-health';
import type { LinkCheckRow } from '../../content-types/rows';
import { getPluginConfig } from '../../utils/config';
import { ConflictError } from '../../utils/errors';
import { createLinkFetcher, Stopped } from './fetch';
import { createLinkQueue, type QueuedLink } from './queue';
import { createRunStore } from './runs';

const CRON_JOB = 'roundup-link-check';

/**
 * The link checker. A run queues every due link of published roundups and
 * the inbox (queue.ts), then checks them through one request function, paced
 * per host (fetch.ts); the run row is a lease (runs.ts), so one instance on
 * the database works it at a time and another takes it over when that one
 * stops. This service starts, works, schedules and stops runs.
 */
const linkChecker = ({ strapi }: { strapi: Core.Strapi }) => {
  const instance = `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
  /** The calendar the checker records dates by (replaceable, so a test can live through days). */
  let clock = () => Date.now();
  let stopping = false;
  const fetcher = createLinkFetcher(strapi, () => stopping);
  const queue = createLinkQueue(strapi);
  const runs = createRunStore(strapi, instance);

  let working: Promise<void> | null = null;
  /** Starting a run and taking one over, in turn: the watchdog must not take a run this instance is still queueing. */
  let claiming: Promise<unknown> = Promise.resolve();
  let watchdog: NodeJS.Timeout | null = null;
  let firstLook: NodeJS.Timeout | null = null;

  const config = () => getPluginConfig(strapi).linkCheck;

  const inTurn = <T>(claim: () => Promise<T>): Promise<T> => {
    const result = claiming.then(claim);
    claiming = result.catch(() => undefined);
    return result;
  };

  /** Checks one queued link and writes what was learned, unless its URL changed meanwhile. */
  const checkAndRecord = async (link: QueuedLink, runId: number) => {
    const outcome = await fetcher.check(link.url);
    const { deadAfter, recheckDays } = config();
    await queue.record(link, outcome, runId, clock(), { deadAfter, recheckDays });
  };

  /** Works run `runId` until every queued link is checked, the lease is lost or the instance stops. */
  const work = (runId: number) => {
    if (working) return working;
    working = (async () => {
      let holding = true;
      const renewal = setInterval(
        () => {
          runs
            .renewLease(runId)
            .then((held) => {
              holding = held;
            })
            .catch((e) => strapi.log.warn(`[roundup] link check lease: ${e}`));
        },
        Math.max(200, Math.floor(config().leaseTtlMs / 3))
      );
      try {
        const order = interleaveByHost(await queue.queued(runId));
        let next = 0;
        const worker = async () => {
          while (!stopping && holding && next < order.length) {
            const link = order[next];
            next += 1;
            try {
              await checkAndRecord(link, runId);
            } catch (error) {
              if (error instanceof Stopped) return;
              strapi.log.error(`[roundup] link check of ${link.url}: ${error}`);
            }
          }
        };
        await Promise.all(Array.from({ length: config().concurrency }, worker));
        if (!stopping && holding) {
          // Links whose check failed unexpectedly are left for the next run.
          await queue.release(runId);
          await runs.finish(runId, clock());
        }
      } finally {
        clearInterval(renewal);
        working = null;
      }
    })();
    working.catch((e) => strapi.log.error(`[roundup] link check: ${e}`));
    return working;
  };

  /** Takes over a running check whose instance stopped, if there is one, and works it. */
  const resumeOrphan = () =>
    inTurn(async () => {
      if (working || stopping) return;
      const run = await runs.running();
      if (run && (await runs.takeOver(run))) void work(run.id);
    });

  const progress = async (run: LinkCheckRow): Promise<RunProgress> => {
    const [remaining, states] = await Promise.all([
      queue.remaining(run.id),
      queue.checkedStates(run.id),
    ]);
    return runProgress(run, remaining, states);
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
        let run: LinkCheckRow;
        try {
          run = await runs.create(trigger, now);
        } catch (error) {
          const running = await runs.running();
          if (running)
            throw new ConflictError('A link check is already running', {
              run: await progress(running),
            });
          throw error;
        }
        run = await runs.setTotal(run.id, await queue.queueDueLinks(run.id, now));
        void work(run.id);
        return progress(run);
      });
    },

    /** The running check, or the latest one; null before the first. */
    async current(): Promise<RunProgress | null> {
      const run = (await runs.running()) ?? (await runs.latest());
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
      fetcher.wakeAll();
      await working?.catch(() => {});
      // The instance that takes over knows nothing of this one's last requests: hand over once each host may get the next.
      const now = Date.now();
      const quiet = fetcher.quietAt(now);
      if (quiet > now) await new Promise((resolve) => setTimeout(resolve, quiet - now));
      await runs.handBack();
    },
  };
};

export type LinkCheckerService = ReturnType<typeof linkChecker>;
export default linkChecker;
