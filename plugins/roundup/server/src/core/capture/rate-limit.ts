/** A token bucket: `tokens` left at time `at` (ms). */
export interface Bucket {
  tokens: number;
  at: number;
}

export interface RateLimit {
  /** Captures allowed at once. */
  burst: number;
  /** Captures a minute once the burst is spent. */
  perMinute: number;
}

/**
 * Takes one capture from `bucket` at `now`: allowed, or refused with how many
 * whole seconds until the next one is allowed (for `Retry-After`).
 */
export const takeFromBucket = (
  bucket: Bucket | undefined,
  now: number,
  limit: RateLimit
): { allowed: boolean; bucket: Bucket; retryAfterSeconds: number } => {
  const perMs = limit.perMinute / 60_000;
  const refilled = bucket
    ? Math.min(limit.burst, bucket.tokens + (now - bucket.at) * perMs)
    : limit.burst;
  if (refilled >= 1)
    return { allowed: true, bucket: { tokens: refilled - 1, at: now }, retryAfterSeconds: 0 };
  return {
    allowed: false,
    bucket: { tokens: refilled, at: now },
    retryAfterSeconds: Math.max(1, Math.ceil((1 - refilled) / perMs / 1000)),
  };
};
