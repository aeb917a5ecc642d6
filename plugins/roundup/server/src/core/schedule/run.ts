import type { ScheduleAction } from './plan';

/** A run this much after its time is late even when an instance was up (a stalled or overloaded one). */
export const LATE_AFTER_MS = 60_000;

/** Attempts before a change that keeps failing for a passing reason (a lost connection, a deadlock) is given up. */
export const MAX_ATTEMPTS = 5;

/** How long after its time a change ran, in milliseconds; never negative. */
export const lateness = (runAt: number, ranAt: number) => Math.max(0, ranAt - runAt);

/** Whole seconds of lateness, as the API and the log state them. */
export const lateSeconds = (lateMs: number) => Math.round(lateMs / 1000);

/**
 * Whether a run is worth a warning: it fell due before this instance started
 * (so no instance ran it at its time), or it ran long after its time.
 */
export const isLateRun = ({
  runAt,
  ranAt,
  startedAt,
}: {
  runAt: number;
  ranAt: number;
  startedAt: number;
}) => runAt < startedAt || lateness(runAt, ranAt) > LATE_AFTER_MS;

/** The log line of a run: what ran, when it was due (as given and in UTC), and how late. */
export const describeRun = (run: {
  action: ScheduleAction;
  title: string;
  wallTime: string;
  timeZone: string;
  runAt: number;
  ranAt: number;
  late: boolean;
}) => {
  const seconds = lateSeconds(lateness(run.runAt, run.ranAt));
  const due = `due ${run.wallTime} ${run.timeZone} (${new Date(run.runAt).toISOString()})`;
  return run.late
    ? `Scheduled ${run.action} of "${run.title}" ran late by ${seconds} s: ${due}, ran ${new Date(run.ranAt).toISOString()}`
    : `Scheduled ${run.action} of "${run.title}" ran ${seconds} s after its time: ${due}`;
};

/** Whether a failed attempt is tried again: only a passing failure, and only a few times. */
export const shouldRetry = (attempts: number, refused: boolean) =>
  !refused && attempts < MAX_ATTEMPTS;
