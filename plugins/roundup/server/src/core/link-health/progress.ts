import type { LinkCheckRun } from '../../../../shared/contracts/link-health';

/** A check run as the Link health page follows it. */
export type RunProgress = LinkCheckRun;

/** A run's row as progress reads it (times in milliseconds, possibly as digits). */
export interface RunRecord {
  id: number;
  state: 'running' | 'finished';
  trigger: 'manual' | 'schedule';
  startedAt: number | string | null;
  finishedAt: number | string | null;
  total: number | null;
}

const isoOf = (millis: number | string | null) =>
  millis ? new Date(Number(millis)).toISOString() : null;

/** How far run `run` got: `remaining` links still queued, `states` the counts of what it checked. */
export const runProgress = (
  run: RunRecord,
  remaining: number,
  states: readonly { state: string; n: number | string }[]
): RunProgress => {
  const total = Number(run.total ?? 0);
  return {
    id: run.id,
    state: run.state,
    trigger: run.trigger,
    startedAt: isoOf(run.startedAt),
    finishedAt: isoOf(run.finishedAt),
    total,
    checked: run.state === 'finished' ? total : Math.max(0, total - Number(remaining)),
    byState: Object.fromEntries(states.map(({ state, n }) => [state, Number(n)])),
  };
};
