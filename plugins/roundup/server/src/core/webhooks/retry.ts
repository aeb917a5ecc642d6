export type DeliveryOutcome = 'delivered' | 'retry' | 'failed' | 'disable';

export interface AttemptVerdict {
  outcome: DeliveryOutcome;
  /** How long the receiver asked us to wait (Retry-After), for a retry. */
  retryAfterMs?: number;
}

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].join('|');
const LONG_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = MONTHS.join('|');
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
// The three forms of HTTP-date a recipient must accept (RFC 9110, section 5.6.7).
const IMF_FIXDATE = new RegExp(`^(?:${DAYS}), (\\d{2}) (${MONTH}) (\\d{4}) ${TIME} GMT$`);
const RFC_850 = new RegExp(
  `^(?:${LONG_DAYS.join('|')}), (\\d{2})-(${MONTH})-(\\d{2}) ${TIME} GMT$`
);
const ASCTIME = new RegExp(`^(?:${DAYS}) (${MONTH}) ([ \\d]\\d) ${TIME} (\\d{4})$`);
const FIFTY_YEARS_MS = 50 * 365.25 * 24 * 60 * 60 * 1000;

const utc = (year: number, month: string, day: number, h: string, m: string, s: string) => {
  const [hours, minutes, seconds] = [Number(h), Number(m), Number(s)];
  if (hours > 23 || minutes > 59 || seconds > 60) return undefined;
  const at = Date.UTC(year, MONTHS.indexOf(month), day, hours, minutes, seconds);
  // Date.UTC rolls 31 Feb over into March; an HTTP date naming it is unreadable instead.
  return new Date(Date.UTC(year, MONTHS.indexOf(month), day)).getUTCDate() === day ? at : undefined;
};

const parseHttpDate = (value: string, now: number): number | undefined => {
  let match = IMF_FIXDATE.exec(value);
  if (match) return utc(Number(match[3]), match[2], Number(match[1]), match[4], match[5], match[6]);
  match = ASCTIME.exec(value);
  if (match) return utc(Number(match[6]), match[1], Number(match[2]), match[3], match[4], match[5]);
  match = RFC_850.exec(value);
  if (!match) return undefined;
  // A two-digit year more than 50 years ahead means the last century (RFC 9110).
  let year = 2000 + Number(match[3]);
  if (Date.UTC(year, 0) > now + FIFTY_YEARS_MS) year -= 100;
  return utc(year, match[2], Number(match[1]), match[4], match[5], match[6]);
};

/**
 * A Retry-After header (delay in seconds, or an HTTP date) as milliseconds
 * from `now`; undefined when absent or unreadable, 0 for a date already past.
 */
export const parseRetryAfter = (header: string | null | undefined, now: number) => {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = parseHttpDate(value, now);
  return at === undefined ? undefined : Math.max(0, at - now);
};

/**
 * What one attempt's result means: 2xx is delivered; network errors,
 * timeouts, 5xx, 408 and 429 are retried, honouring Retry-After; 410 Gone
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
  retryAfterHeader?: string | null;
  now: number;
}): AttemptVerdict => {
  if (error || status === undefined) return { outcome: 'retry' };
  if (status >= 200 && status < 300) return { outcome: 'delivered' };
  if (status === 410) return { outcome: 'disable' };
  if (status >= 500 || status === 408 || status === 429) {
    const retryAfterMs = parseRetryAfter(retryAfterHeader, now);
    return retryAfterMs === undefined ? { outcome: 'retry' } : { outcome: 'retry', retryAfterMs };
  }
  return { outcome: 'failed' };
};

export interface RetrySchedule {
  /** The wait after the first failed attempt, before jitter. */
  baseDelayMs: number;
  /** No wait is longer, Retry-After included. */
  maxDelayMs: number;
  /** Attempts in all, the first one included. */
  maxAttempts: number;
}

/**
 * Close to Standard Webhooks' schedule (5 s, 5 min, 30 min, 2 h, 5 h, 10 h,
 * 10 h, …): waits of 5 s × 4ⁿ capped at 10 h, each 50–100 % of that after
 * jitter, so the 15 retries of 16 attempts span 44 to 88 hours (66 on average).
 */
export const DEFAULT_RETRY: Readonly<RetrySchedule> = Object.freeze({
  baseDelayMs: 5_000,
  maxDelayMs: 10 * 60 * 60 * 1000,
  maxAttempts: 16,
});

const GROWTH = 4;

/**
 * The wait after the `attempt`-th failed attempt: baseDelayMs × 4^(attempt−1),
 * capped at maxDelayMs, with equal jitter (half fixed, half `random()`) so a
 * receiver coming back is not hit by every pending delivery at once. A longer
 * Retry-After wins, still capped at maxDelayMs.
 */
export const nextAttemptDelay = (
  attempt: number,
  { baseDelayMs, maxDelayMs }: Pick<RetrySchedule, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number,
  retryAfterMs?: number
): number => {
  const exponential = Math.min(maxDelayMs, baseDelayMs * GROWTH ** Math.max(0, attempt - 1));
  const jitter = Math.min(1, Math.max(0, random()));
  const backoff = Math.round(exponential / 2 + (exponential / 2) * jitter);
  return Math.min(maxDelayMs, Math.max(backoff, retryAfterMs ?? 0));
};
