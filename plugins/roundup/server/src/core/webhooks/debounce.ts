/** Edits closer together than this make one rebuild. */
export const DEFAULT_DEBOUNCE_MS = 5_000;
/** Steady editing still rebuilds at least this often. */
export const DEFAULT_MAX_WAIT_MS = 60_000;
export const MAX_DEBOUNCE_MS = 60 * 60 * 1000;
export const MAX_WAIT_LIMIT_MS = 24 * 60 * 60 * 1000;

/**
 * When a pending delivery is due: `debounceMs` after the last event (trailing
 * edge), but never later than `maxWaitMs` after the first, so a steady stream
 * of changes still delivers. All times in milliseconds.
 */
export const debounceDeadline = ({
  firstEventAt,
  lastEventAt,
  debounceMs,
  maxWaitMs,
}: {
  firstEventAt: number;
  lastEventAt: number;
  debounceMs: number;
  maxWaitMs: number;
}): number => Math.min(lastEventAt + debounceMs, firstEventAt + maxWaitMs);
