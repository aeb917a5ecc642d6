export const ROUNDUP_EVENTS = ['roundup.publish', 'roundup.unpublish', 'roundup.update', 'roundup.delete'] as const;
export type RoundupEventType = (typeof ROUNDUP_EVENTS)[number];

/** The JSON body of a rebuild request. */
export const buildRebuildPayload = ({
  type,
  timestamp,
  roundup,
  events,
}: {
  type: RoundupEventType;
  timestamp: Date;
  roundup: { documentId: string | null; slug: string | null; title: string | null };
  events: number;
}) => ({
  type,
  timestamp: timestamp.toISOString(),
  data: { roundup: { documentId: roundup.documentId, slug: roundup.slug, title: roundup.title }, events },
});

export type Outcome = 'delivered' | 'retry' | 'failed' | 'disable';

/** Reads Retry-After (seconds or an HTTP date) as milliseconds from `now`, or undefined. */
export const parseRetryAfter = (header: string | undefined, now: number): number | undefined => {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
};

/**
 * What one attempt's result means: 2xx is delivered; network errors,
 * timeouts, 5xx, 408 and 429 are retried (honouring Retry-After); 410 Gone
 * disables the hook; any other answer, redirects included, fails for good.
 */
export const classifyResponse = ({
  status,
  error,
  retryAfterHeader,
  now,
}: {
  status?: number;
  error?: 'timeout' | 'network';
  retryAfterHeader?: string;
  now: number;
}): { outcome: Outcome; retryAfterMs?: number } => {
  if (error || status === undefined) return { outcome: 'retry' };
  if (status >= 200 && status < 300) return { outcome: 'delivered' };
  if (status === 410) return { outcome: 'disable' };
  if (status >= 500 || status === 408 || status === 429) {
    return { outcome: 'retry', retryAfterMs: parseRetryAfter(retryAfterHeader, now) };
  }
  return { outcome: 'failed' };
};

export interface RetrySchedule {
  baseDelayMs: number;
  maxDelayMs: number;
  maxAttempts: number;
}

/**
 * Close to Standard Webhooks' schedule (5 s, 5 min, 30 min, 2 h, 5 h, 10 h,
 * 10 h, …): exponential from 5 s, capped at 10 h, 12 attempts over about
 * three days.
 */
export const DEFAULT_RETRY: RetrySchedule = {
  baseDelayMs: 5_000,
  maxDelayMs: 10 * 60 * 60 * 1000,
  maxAttempts: 12,
};

/**
 * The wait before attempt `attempt + 1` after `attempt` failed ones:
 * base × 4^(attempt−1) (5 s, 20 s, 80 s, 5 min, 21 min, 85 min, 5.7 h, 10 h…),
 * capped, with equal jitter (half fixed, half random) so that a fleet of
 * failing deliveries spreads out.
 */
export const nextAttemptDelay = (
  attempt: number,
  { baseDelayMs, maxDelayMs }: Pick<RetrySchedule, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number
): number => {
  const exponential = Math.min(maxDelayMs, baseDelayMs * 4 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random());
};

/**
 * When a pending delivery is due: `debounceMs` after the last event (trailing
 * edge), but never later than `maxWaitMs` after the first, so a steady stream
 * of changes still delivers.
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
