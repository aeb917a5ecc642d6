import type { LinkState } from '../../../../shared/contracts/link-health';
import type { CheckVerdict, DeadAnswer } from './classify';

export type { LinkState };

export const LINK_STATES: readonly LinkState[] = [
  'unchecked',
  'ok',
  'moved',
  'probably-gone',
  'unknown',
  'dead',
];

export interface DeadAfter {
  /** How many checks must give the same dead answer… */
  failures: number;
  /** …spread over at least this many days. */
  days: number;
}

export interface RecheckPolicy {
  /** A link that answered well is not checked again for this long. */
  healthyMs: number;
  /** A dead, moved or probably-gone link is looked at again after this long. */
  settledMs: number;
}

/** What is kept of a link's checks between runs. */
export interface LinkHistory {
  state: LinkState;
  /** The dead answer the current run of failures gives, if any. */
  deadAnswer: DeadAnswer | null;
  /** How many checks in a row gave it (unknown answers in between neither count nor break the run). */
  failures: number;
  /** When the first of them was. */
  firstFailureAt: number | null;
}

export const NEW_LINK: LinkHistory = {
  state: 'unchecked',
  deadAnswer: null,
  failures: 0,
  firstFailureAt: null,
};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A link's history after one more check: a dead answer counts towards the
 * rule (the same answer `failures` times over at least `days` days makes it
 * dead); a different dead answer starts the count again; any answer from the
 * site ends it. Until the rule is met a failing link is `unknown`.
 */
export const recordCheck = (
  previous: LinkHistory,
  verdict: CheckVerdict,
  now: number,
  deadAfter: DeadAfter
): LinkHistory => {
  if (verdict.kind === 'dead') {
    const continues = previous.deadAnswer === verdict.answer && previous.firstFailureAt !== null;
    const failures = continues ? previous.failures + 1 : 1;
    const firstFailureAt = continues ? previous.firstFailureAt! : now;
    const confirmed =
      failures >= deadAfter.failures && now - firstFailureAt >= deadAfter.days * DAY_MS;
    return {
      state: confirmed ? 'dead' : 'unknown',
      deadAnswer: verdict.answer,
      failures,
      firstFailureAt,
    };
  }
  if (verdict.kind === 'unknown') {
    // No news about the link: a dead link stays dead, a run of failures stays open.
    return { ...previous, state: previous.state === 'dead' ? 'dead' : 'unknown' };
  }
  return { state: verdict.kind, deadAnswer: null, failures: 0, firstFailureAt: null };
};

/**
 * When a link is due again: healthy links rest a week, settled ones (dead,
 * moved, probably gone) as configured, and failing or unknown ones are
 * looked at by the next run.
 */
export const nextCheckAt = (history: LinkHistory, now: number, policy: RecheckPolicy): number => {
  switch (history.state) {
    case 'ok':
      return now + policy.healthyMs;
    case 'dead':
    case 'moved':
    case 'probably-gone':
      return now + policy.settledMs;
    default:
      return now;
  }
};
