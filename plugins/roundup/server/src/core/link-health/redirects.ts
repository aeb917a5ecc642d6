/** The most redirects one check follows, each hop paced and recorded. */
export const CHECK_MAX_REDIRECTS = 5;

/** What a check does after an answer: follow its redirect, or stop there (and why). */
export type HopStep =
  | { kind: 'final' }
  | { kind: 'follow'; to: string }
  /** A Location that is not a URL: the answer stands as it is, without a body read. */
  | { kind: 'unreadable-location' }
  /** A redirect to something other than http(s). */
  | { kind: 'refused' };

/** The step after an answer with `status` (and `location`) to `current`. */
export const stepAfter = (
  status: number,
  location: string | undefined,
  current: string
): HopStep => {
  if (status < 300 || status >= 400 || !location) return { kind: 'final' };
  let next: URL;
  try {
    next = new URL(location, current);
  } catch {
    return { kind: 'unreadable-location' };
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') return { kind: 'refused' };
  return { kind: 'follow', to: next.toString() };
};
