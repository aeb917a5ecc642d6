import type { Core } from '@strapi/strapi';
import type {
  RoundupSchedule,
  ScheduledChange,
  ScheduleState,
} from '../../../../shared/contracts/schedule';
import {
  lateSeconds,
  type ScheduleAction,
  type SchedulePlan,
  type ScheduleTime,
} from '../../core/schedule';
import { SCHEDULE_UID } from '../../uids';
import { ConflictError } from '../../utils/errors';

/** One row of `roundup_schedules`; big integers come back as strings on PostgreSQL and MySQL. */
export interface ScheduleRow {
  id: number;
  roundupDocumentId: string;
  action: ScheduleAction;
  runAt: number | string;
  wallTime: string;
  timeZone: string;
  state: ScheduleState;
  slot: string | null;
  claimedBy: string | null;
  claimedUntil: number | string | null;
  attempts: number | null;
  ranAt: number | string | null;
  lateMs: number | string | null;
  error: string | null;
}

/** What a settled run writes. */
export type Settlement = Partial<
  Pick<ScheduleRow, 'state' | 'slot' | 'attempts' | 'ranAt' | 'lateMs' | 'error'>
>;

const ACTIONS: ScheduleAction[] = ['publish', 'unpublish'];
const WAITING: ScheduleState[] = ['scheduled', 'running'];

/** The one key a waiting or running change of `action` holds for its roundup. */
const slotOf = (documentId: string, action: ScheduleAction) => `${documentId}:${action}`;

const isoOf = (ms: number | string | null) =>
  ms === null ? null : new Date(Number(ms)).toISOString();

/** A row as the admin routes answer it. */
export const changeOf = (row: ScheduleRow): ScheduledChange => ({
  action: row.action,
  at: isoOf(row.runAt)!,
  wallTime: row.wallTime,
  timeZone: row.timeZone,
  state: row.state,
  ranAt: isoOf(row.ranAt),
  lateBySeconds: row.lateMs === null ? null : lateSeconds(Number(row.lateMs)),
  error: row.error ?? null,
});

/**
 * The stored schedule: the changes waiting per roundup, the claims that make
 * exactly one instance run each of them, and what each run left.
 */
const scheduleStore = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(SCHEDULE_UID);

  /** Changes that are due, or whose instance stopped while running them. */
  const claimable = (now: number) => ({
    $or: [
      { state: 'scheduled', runAt: { $lte: now } },
      { state: 'running', claimedUntil: { $lt: now } },
    ],
  });

  const scheduleOf = (documentId: string, found: ScheduleRow[]): RoundupSchedule => {
    const waiting = (action: ScheduleAction) =>
      found.find((row) => row.action === action && WAITING.includes(row.state));
    const finished = found
      .filter((row) => row.state === 'done' || row.state === 'failed')
      .sort((a, b) => Number(b.ranAt ?? 0) - Number(a.ranAt ?? 0) || b.id - a.id)[0];
    const change = (row: ScheduleRow | undefined) => (row ? changeOf(row) : null);
    return {
      documentId,
      publish: change(waiting('publish')),
      unpublish: change(waiting('unpublish')),
      last: change(finished),
    };
  };

  return {
    /** A roundup's waiting changes and its latest finished one. */
    async schedule(documentId: string): Promise<RoundupSchedule> {
      const found: ScheduleRow[] = await rows().findMany({
        where: { roundupDocumentId: documentId, state: { $ne: 'cancelled' } },
        orderBy: [{ id: 'desc' }],
      });
      return scheduleOf(documentId, found);
    },

    /** Every roundup with a change waiting, soonest first. */
    async waiting(limit: number): Promise<RoundupSchedule[]> {
      const found: ScheduleRow[] = await rows().findMany({
        where: { state: { $in: WAITING } },
        orderBy: [{ runAt: 'asc' }, { id: 'asc' }],
        limit,
      });
      const order = [...new Set(found.map((row) => row.roundupDocumentId))];
      return order.map((documentId) =>
        scheduleOf(
          documentId,
          found.filter((row) => row.roundupDocumentId === documentId)
        )
      );
    },

    /**
     * Applies a plan in one transaction: a new time replaces the waiting
     * change of its kind, null cancels it. A change being run right now
     * cannot be replaced (409).
     */
    async apply(documentId: string, plan: SchedulePlan) {
      const touched = ACTIONS.filter((action) => plan[action] !== undefined);
      try {
        await strapi.db.transaction(async () => {
          for (const action of touched) {
            const running = await rows().findOne({
              where: { slot: slotOf(documentId, action), state: 'running' },
              select: ['id'],
            });
            if (running) {
              throw new ConflictError(
                `The scheduled ${action} of this roundup is running right now; look again in a moment`
              );
            }
            await rows().updateMany({
              where: { slot: slotOf(documentId, action), state: 'scheduled' },
              data: { state: 'cancelled', slot: null },
            });
            const time: ScheduleTime | null | undefined = plan[action];
            if (!time) continue;
            await rows().create({
              data: {
                roundupDocumentId: documentId,
                action,
                runAt: time.instant,
                wallTime: time.wallTime,
                timeZone: time.timeZone,
                state: 'scheduled',
                slot: slotOf(documentId, action),
                attempts: 0,
              },
            });
          }
        });
      } catch (error) {
        if (error instanceof ConflictError) throw error;
        // Another request took the slot between our look and our insert (the unique index refused ours).
        const taken = await rows().findOne({
          where: { slot: { $in: touched.map((action) => slotOf(documentId, action)) } },
          select: ['id'],
        });
        if (taken)
          throw new ConflictError('The schedule of this roundup changed meanwhile; load it again');
        throw error;
      }
    },

    /** Cancels the waiting changes of `actions`; one being run right now cannot be (409). */
    async cancel(documentId: string, actions: ScheduleAction[]) {
      await strapi.db.transaction(async () => {
        const running = await rows().findOne({
          where: { roundupDocumentId: documentId, action: { $in: actions }, state: 'running' },
          select: ['action'],
        });
        if (running) {
          throw new ConflictError(
            `The scheduled ${running.action} of this roundup is running right now; it can no longer be cancelled`
          );
        }
        await rows().updateMany({
          where: { roundupDocumentId: documentId, action: { $in: actions }, state: 'scheduled' },
          data: { state: 'cancelled', slot: null },
        });
      });
    },

    /** Up to `limit` changes any instance may claim now, soonest first. */
    async claimable(now: number, limit: number): Promise<ScheduleRow[]> {
      return rows().findMany({
        where: claimable(now),
        orderBy: [{ runAt: 'asc' }, { id: 'asc' }],
        limit,
      });
    },

    /**
     * Claims one change for `instance` until `now + leaseMs`. The update is
     * conditional: of several instances claiming at once, one changes the row
     * and is told so; the others change nothing.
     */
    async claim(id: number, instance: string, now: number, leaseMs: number): Promise<boolean> {
      const { count } = await rows().updateMany({
        where: { id, ...claimable(now) },
        data: { state: 'running', claimedBy: instance, claimedUntil: now + leaseMs },
      });
      return count === 1;
    },

    /** Writes what a run came to and lets go of the claim, if `instance` still holds it. */
    async settle(id: number, instance: string, settlement: Settlement): Promise<boolean> {
      const { count } = await rows().updateMany({
        where: { id, state: 'running', claimedBy: instance },
        data: { ...settlement, claimedBy: null, claimedUntil: null },
      });
      return count === 1;
    },
  };
};

export type ScheduleStoreService = ReturnType<typeof scheduleStore>;
export default scheduleStore;
