import {
  classifyResponse,
  DEFAULT_RETRY,
  nextAttemptDelay,
  parseRetryAfter,
} from '../../plugins/roundup/server/src/core/webhooks';

const NOW = Date.parse('2026-07-31T10:00:00Z');
const HOUR = 3_600_000;

describe('classifyResponse', () => {
  it.each([
    [{ status: 200 }, 'delivered'],
    [{ status: 201 }, 'delivered'],
    [{ status: 202 }, 'delivered'],
    [{ status: 204 }, 'delivered'],
    [{ status: 299 }, 'delivered'],
    [{ error: 'timeout' as const }, 'retry'],
    [{ error: 'network' as const }, 'retry'],
    [{}, 'retry'],
    [{ status: 500 }, 'retry'],
    [{ status: 502 }, 'retry'],
    [{ status: 503 }, 'retry'],
    [{ status: 504 }, 'retry'],
    [{ status: 408 }, 'retry'],
    [{ status: 429 }, 'retry'],
    [{ status: 410 }, 'disable'],
    [{ status: 400 }, 'failed'],
    [{ status: 401 }, 'failed'],
    [{ status: 403 }, 'failed'],
    [{ status: 404 }, 'failed'],
    [{ status: 405 }, 'failed'],
    [{ status: 413 }, 'failed'],
    [{ status: 422 }, 'failed'],
    [{ status: 301 }, 'failed'],
    [{ status: 302 }, 'failed'],
    [{ status: 303 }, 'failed'],
    [{ status: 304 }, 'failed'],
    [{ status: 307 }, 'failed'],
    [{ status: 308 }, 'failed'],
    [{ status: 101 }, 'failed'],
  ])('%j → %s', (result, outcome) => {
    expect(classifyResponse({ ...result, now: NOW }).outcome).toBe(outcome);
  });

  it.each([
    [429, '120', 120_000],
    [503, 'Fri, 31 Jul 2026 10:05:00 GMT', 300_000],
    [500, 'soon', undefined],
    [503, undefined, undefined],
  ])('gives %d its Retry-After %j as %j ms', (status, retryAfterHeader, retryAfterMs) => {
    expect(classifyResponse({ status, retryAfterHeader, now: NOW })).toEqual(
      retryAfterMs === undefined ? { outcome: 'retry' } : { outcome: 'retry', retryAfterMs }
    );
  });

  it('ignores Retry-After on answers that are not retried', () => {
    expect(classifyResponse({ status: 301, retryAfterHeader: '60', now: NOW })).toEqual({
      outcome: 'failed',
    });
    expect(classifyResponse({ status: 410, retryAfterHeader: '60', now: NOW })).toEqual({
      outcome: 'disable',
    });
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120_000],
    ['0', 0],
    [' 30 ', 30_000],
    ['007', 7_000],
    ['2026', 2_026_000],
    // The three HTTP-date forms
    ['Fri, 31 Jul 2026 10:05:00 GMT', 300_000],
    ['Friday, 31-Jul-26 10:05:00 GMT', 300_000],
    ['Fri Jul 31 10:05:00 2026', 300_000],
    ['Sat Aug  1 10:00:00 2026', 24 * HOUR],
    // A date already past means now
    ['Fri, 31 Jul 2026 09:00:00 GMT', 0],
    ['Thu, 01 Jan 1970 00:00:00 GMT', 0],
    ['Sunday, 06-Nov-94 08:49:37 GMT', 0],
  ])('%j → %d ms', (header, ms) => {
    expect(parseRetryAfter(header, NOW)).toBe(ms);
  });

  it.each([
    undefined,
    null,
    '',
    '   ',
    'soon',
    'soon 1',
    '1.5',
    '-1',
    '+5',
    '5 minutes',
    '2026-07-31T10:05:00Z',
    'Fri, 31 Jul 2026 10:05:00 PST',
    'Fri, 31 Jul 2026 10:05:00',
    'fri, 31 jul 2026 10:05:00 gmt',
    'Fri, 31 Feb 2026 10:05:00 GMT',
    'Fri, 31 Jul 2026 25:00:00 GMT',
    'Fri, 31 Jul 2026 10:61:00 GMT',
  ])('%j → undefined', (header) => {
    expect(parseRetryAfter(header, NOW)).toBeUndefined();
  });
});

describe('nextAttemptDelay', () => {
  const schedule = { baseDelayMs: 5_000, maxDelayMs: 10 * HOUR };
  const EXPONENTIAL = [5_000, 20_000, 80_000, 320_000, 1_280_000, 5_120_000, 20_480_000, 10 * HOUR];

  it('grows ×4 from the base to the cap, the upper bound of the jitter', () => {
    expect(EXPONENTIAL.map((_, i) => nextAttemptDelay(i + 1, schedule, () => 1))).toEqual(
      EXPONENTIAL
    );
  });

  it('never waits less than half the exponential delay (equal jitter)', () => {
    expect(EXPONENTIAL.map((_, i) => nextAttemptDelay(i + 1, schedule, () => 0))).toEqual(
      EXPONENTIAL.map((ms) => ms / 2)
    );
  });

  it('stays within [half, whole] of the exponential delay and never above the cap', () => {
    for (let attempt = 1; attempt <= 40; attempt += 1) {
      const exponential = Math.min(schedule.maxDelayMs, 5_000 * 4 ** (attempt - 1));
      for (const random of [0, 0.1, 0.5, 0.9, 0.999999]) {
        const delay = nextAttemptDelay(attempt, schedule, () => random);
        expect(delay).toBeGreaterThanOrEqual(exponential / 2);
        expect(delay).toBeLessThanOrEqual(exponential);
        expect(delay).toBeLessThanOrEqual(schedule.maxDelayMs);
        expect(Number.isInteger(delay)).toBe(true);
      }
    }
  });

  it('spreads with the random draw', () => {
    expect(nextAttemptDelay(3, schedule, () => 0.5)).toBe(60_000);
  });

  it('keeps a broken random source within bounds', () => {
    expect(nextAttemptDelay(1, schedule, () => -3)).toBe(2_500);
    expect(nextAttemptDelay(1, schedule, () => 7)).toBe(5_000);
  });

  it('treats an attempt below 1 as the first', () => {
    expect(nextAttemptDelay(0, schedule, () => 1)).toBe(5_000);
    expect(nextAttemptDelay(-2, schedule, () => 1)).toBe(5_000);
  });

  it.each([
    ['a longer Retry-After wins', 2, 60_000, 60_000],
    ['a shorter Retry-After loses to the backoff', 3, 1_000, 80_000],
    ['Retry-After is capped at maxDelayMs', 1, 48 * HOUR, 10 * HOUR],
    ['a Retry-After of 0 changes nothing', 2, 0, 20_000],
  ])('%s', (_, attempt, retryAfterMs, delay) => {
    expect(nextAttemptDelay(attempt, schedule, () => 1, retryAfterMs)).toBe(delay);
  });
});

describe('DEFAULT_RETRY', () => {
  const retriesSpan = (random: number) => {
    let total = 0;
    for (let attempt = 1; attempt < DEFAULT_RETRY.maxAttempts; attempt += 1) {
      total += nextAttemptDelay(attempt, DEFAULT_RETRY, () => random);
    }
    return total / HOUR;
  };

  it('starts after 5 s and waits at most 10 h', () => {
    expect(DEFAULT_RETRY).toEqual({ baseDelayMs: 5_000, maxDelayMs: 10 * HOUR, maxAttempts: 16 });
  });

  it('spreads its retries over about three days', () => {
    expect(retriesSpan(0)).toBeCloseTo(43.8, 1);
    expect(retriesSpan(0.5)).toBeCloseTo(65.7, 1);
    expect(retriesSpan(1)).toBeCloseTo(87.6, 1);
  });
});
