/** What the schedule's admin routes take and answer: a roundup's scheduled publish and unpublish. */

export type ScheduleAction = 'publish' | 'unpublish';

/** Waiting for its time, being run by an instance, run, given up, or cancelled by an editor. */
export type ScheduleState = 'scheduled' | 'running' | 'done' | 'failed' | 'cancelled';

/** One scheduled publish or unpublish. */
export interface ScheduledChange {
  action: ScheduleAction;
  /** The instant it runs at, ISO 8601 in UTC. */
  at: string;
  /** The wall time as it was given (`2026-12-05T09:00`), read in `timeZone`. */
  wallTime: string;
  /** The IANA zone it was given in (`Europe/Berlin`). */
  timeZone: string;
  state: ScheduleState;
  /** When it ran (or last failed), ISO 8601. */
  ranAt: string | null;
  /** How long after `at` it ran, in whole seconds. */
  lateBySeconds: number | null;
  /** Why it did not run. */
  error: string | null;
}

/** A roundup's schedule: what waits, and the latest change that ran or failed. */
export interface RoundupSchedule {
  documentId: string;
  publish: ScheduledChange | null;
  unpublish: ScheduledChange | null;
  last: ScheduledChange | null;
}

/**
 * PUT /roundup/roundups/:documentId/schedule. A time is a wall time read in
 * `timeZone` (`2026-12-05T09:00`) or an instant with an offset
 * (`2026-12-05T08:00:00Z`); null cancels that change, absent leaves it.
 */
export interface ScheduleRequest {
  publishAt?: string | null;
  unpublishAt?: string | null;
  timeZone?: string;
}

/** GET /roundup/schedules: every roundup with a change waiting, soonest first. */
export interface PendingSchedules {
  results: RoundupSchedule[];
}
