import { classifyOutcome, type CheckOutcome, type DeadAnswer } from './classify';
import { nextCheckAt, recordCheck, type DeadAfter, type LinkState } from './history';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A link's history as its result row holds it (numbers may come back as digits). */
export interface StoredHistory {
  state: LinkState;
  deadAnswer: DeadAnswer | null;
  failures: number | null;
  firstFailureAt: number | string | null;
}

export interface ResultPolicy {
  deadAfter: DeadAfter;
  /** Healthy and settled links are checked again after this many days. */
  recheckDays: number;
}

const asNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/** A result row's fields for a link that has a new URL: nothing known about it yet. */
export const resetFor = (url: string, now: number) => ({
  url,
  state: 'unchecked' as LinkState,
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

/** The fields a result row takes after one check of its link at `now`. */
export const resultAfterCheck = (
  stored: StoredHistory,
  outcome: CheckOutcome,
  now: number,
  { deadAfter, recheckDays }: ResultPolicy
) => {
  const verdict = classifyOutcome(outcome);
  const previous = {
    state: stored.state,
    deadAnswer: stored.deadAnswer ?? null,
    failures: Number(stored.failures ?? 0),
    firstFailureAt: asNumber(stored.firstFailureAt),
  };
  const history = recordCheck(previous, verdict, now, deadAfter);
  return {
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
  };
};
