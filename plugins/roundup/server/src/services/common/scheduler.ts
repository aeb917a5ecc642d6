import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Core } from '@strapi/strapi';
import { SCHEDULE_BATCH } from '../../core/limits';
import { describeRun, isLateRun, lateness, shouldRetry } from '../../core/schedule';
import { ROUNDUP_UID } from '../../uids';
import { getPluginConfig } from '../../utils/config';
import { getPluginService } from '../../utils/get-service';
import type { ScheduleRow } from './schedule-store';

const CRON_JOB = 'roundup-schedule';
/** How often a starting instance looks whether Strapi has finished loading, to run what fell due while it was down. */
const LOAD_POLL_MS = 100;

/** A reason a change must not run at its time; it is not tried again. */
class Refusal extends Error {}
/** Another instance took the change over (our lease ran out); what we did is rolled back. */
class LostClaim extends Error {}

/**
 * Runs scheduled publishes and unpublishes. Every instance looks for due
 * changes on Strapi's cron and once at startup (for changes that fell due
 * while no instance ran); a claim in the database decides which instance
 * runs each change. A change runs through the Document Service, as a
 * publish from the editor's page does, so its events, build hooks, caches
 * and feeds follow; it is marked run in the same transaction, so a change is
 * either run and marked run, or neither.
 */
const scheduler = ({ strapi }: { strapi: Core.Strapi }) => {
  const instance = `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
  const startedAt = Date.now();
  const store = () => getPluginService(strapi, 'schedule-store');
  let looking: Promise<number> | null = null;
  let stopped = true;
  let untilLoaded: NodeJS.Timeout | null = null;

  const titleOf = async (documentId: string): Promise<string> => {
    const row: { title: string | null } | null = await strapi.db
      .query(ROUNDUP_UID)
      .findOne({ where: { documentId, publishedAt: null }, select: ['title'] });
    return row?.title ?? documentId;
  };

  /** Publishes or unpublishes the roundup as it stands now, through the Document Service. */
  const change = async ({ action, roundupDocumentId: documentId }: ScheduleRow) => {
    if (action === 'publish') {
      const problems = await getPluginService(strapi, 'publish-checks').problems(documentId);
      if (problems === null) throw new Refusal('the roundup no longer exists');
      if (problems.length > 0)
        throw new Refusal(`the roundup cannot be published: ${problems.join('; ')}`);
      await strapi.documents(ROUNDUP_UID).publish({ documentId });
      return;
    }
    const published = await strapi.db
      .query(ROUNDUP_UID)
      .findOne({ where: { documentId, publishedAt: { $notNull: true } }, select: ['id'] });
    if (!published) throw new Refusal('the roundup was not published');
    await strapi.documents(ROUNDUP_UID).unpublish({ documentId });
  };

  /** Runs one claimed change and settles it: done, tried again later, or failed with why. */
  const run = async (row: ScheduleRow) => {
    const runAt = Number(row.runAt);
    const attempts = Number(row.attempts ?? 0) + 1;
    const title = await titleOf(row.roundupDocumentId);
    const ranAt = Date.now();
    const lateMs = lateness(runAt, ranAt);
    try {
      await strapi.db.transaction(async () => {
        // Marked done first: the write holds the change's row (on SQLite, the database) until the
        // publish commits, so no instance can take it over meanwhile, and nothing read goes stale.
        const settled = await store().settle(row.id, instance, {
          state: 'done',
          slot: null,
          attempts,
          ranAt,
          lateMs,
          error: null,
        });
        if (!settled) throw new LostClaim();
        await change(row);
      });
    } catch (error) {
      if (error instanceof LostClaim) {
        strapi.log.warn(
          `[roundup] Scheduled ${row.action} of "${title}" was taken over by another instance`
        );
        return;
      }
      const refused = error instanceof Refusal;
      const reason = error instanceof Error ? error.message : String(error);
      const retry = shouldRetry(attempts, refused);
      await store().settle(
        row.id,
        instance,
        retry
          ? { state: 'scheduled', attempts, error: reason }
          : { state: 'failed', slot: null, attempts, ranAt, lateMs, error: reason }
      );
      strapi.log.error(
        `[roundup] Scheduled ${row.action} of "${title}" (due ${row.wallTime} ${row.timeZone}) ${retry ? `failed, will try again` : 'did not run'}: ${reason}`
      );
      return;
    }
    const late = isLateRun({ runAt, ranAt, startedAt });
    const line = `[roundup] ${describeRun({ action: row.action, title, wallTime: row.wallTime, timeZone: row.timeZone, runAt, ranAt, late })}`;
    if (late) strapi.log.warn(line);
    else strapi.log.info(line);
  };

  /** Claims and runs the changes due now, one after another; how many this instance ran. */
  const look = async (): Promise<number> => {
    const { leaseMs } = getPluginConfig(strapi).schedule;
    let ran = 0;
    for (const row of await store().claimable(Date.now(), SCHEDULE_BATCH)) {
      if (stopped) break;
      if (!(await store().claim(row.id, instance, Date.now(), leaseMs))) continue;
      await run(row);
      ran += 1;
    }
    return ran;
  };

  const lookNow = (): Promise<number> => {
    if (!looking) {
      looking = look().finally(() => {
        looking = null;
      });
    }
    return looking;
  };

  const lookLogged = () =>
    lookNow().catch((error) => strapi.log.error(`[roundup] scheduler: ${error}`));

  return {
    instance,

    /** Runs every change due now (a look already under way is joined); how many this instance ran. */
    runDue: lookNow,

    /** Looks on the configured cron, and once Strapi has loaded, for what fell due while no instance ran. */
    start() {
      stopped = false;
      strapi.cron.add({
        [CRON_JOB]: { task: lookLogged, options: { rule: getPluginConfig(strapi).schedule.cron } },
      });
      // Strapi's own webhooks are registered after the plugins' bootstrap: a publish must wait for them.
      untilLoaded = setInterval(() => {
        if (!strapi.isLoaded || stopped) return;
        if (untilLoaded) clearInterval(untilLoaded);
        untilLoaded = null;
        void lookLogged();
      }, LOAD_POLL_MS);
      untilLoaded.unref();
    },

    /** Stops looking; a change being run is finished first. */
    async stop() {
      stopped = true;
      if (untilLoaded) clearInterval(untilLoaded);
      strapi.cron.remove(CRON_JOB);
      await looking?.catch(() => undefined);
    },
  };
};

export type SchedulerService = ReturnType<typeof scheduler>;
export default scheduler;
