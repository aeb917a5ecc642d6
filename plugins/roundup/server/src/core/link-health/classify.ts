import { canonicalUrl } from '../canonical-url';
import type { OutboundErrorCode } from '../outbound';

/** What the outbound client reports when a request gets no HTTP answer. */
export type RequestErrorCode = OutboundErrorCode;

export interface RedirectHop {
  url: string;
  status: number;
}

/** Everything one check of a link learned: the last answer, or the error instead of one. */
export interface CheckOutcome {
  /** The link's URL, as checked. */
  url: string;
  /** Status of the last answer (after following redirects). */
  status?: number;
  error?: RequestErrorCode;
  /** The URL that gave the last answer. */
  finalUrl: string;
  /** Each URL that answered with a redirect, in order. */
  redirects: RedirectHop[];
  /** Headers of the last answer, names lower-cased. */
  headers?: Record<string, string>;
  /** The start of the last answer's body, when a GET fetched one. */
  bodyStart?: string;
}

/** The answers that may mean a link is dead; the same one, repeated, makes it dead. */
export type DeadAnswer = 'not-found' | 'dns' | 'connection-refused';

export type CheckVerdict =
  | { kind: 'ok' }
  | { kind: 'moved'; newUrl: string }
  | { kind: 'probably-gone' }
  | { kind: 'dead'; answer: DeadAnswer }
  | { kind: 'unknown'; reason: string };

const PERMANENT = new Set([301, 308]);

/** A 403/503 from Cloudflare's bot challenge, or LinkedIn's 999: a wall, not an answer. */
export const isBotWall = (
  status: number | undefined,
  headers: Record<string, string> = {},
  bodyStart = ''
) => {
  if (status === 999) return true;
  if (headers['cf-mitigated'] === 'challenge') return true;
  if ((status === 403 || status === 503) && (headers.server ?? '').toLowerCase() === 'cloudflare') {
    return bodyStart.includes('challenge-platform') || bodyStart.includes('Just a moment');
  }
  return false;
};

/**
 * Whether a HEAD's answer is worth a GET: servers that refuse or break on HEAD
 * (405, 403, 5xx, and any other error status) often answer GET properly. A
 * 429 is not: it asks us to slow down, not to ask again differently.
 */
export const needsGetAfterHead = (status: number | undefined, error?: RequestErrorCode) => {
  if (error) return error === 'network';
  return status !== undefined && status >= 400 && status !== 429;
};

const isHomePage = (url: URL) => (url.pathname === '/' || url.pathname === '') && url.search === '';

/** The same page: equal but for http→https, a trailing slash, tracking parameters or the fragment. */
const samePage = (a: string, b: string) => {
  const strip = (url: string) => canonicalUrl(url)?.replace(/^https?:/, '') ?? url;
  return strip(a) === strip(b);
};

/**
 * Where a redirect chain permanently leads: the target of its leading
 * permanent hops (301/308), or null when the first hop is temporary.
 */
const permanentTarget = (redirects: RedirectHop[], finalUrl: string): string | null => {
  let target: string | null = null;
  for (let i = 0; i < redirects.length; i += 1) {
    if (!PERMANENT.has(redirects[i].status)) break;
    target = redirects[i + 1]?.url ?? finalUrl;
  }
  return target;
};

const reasonOf = (status: number) => {
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server-error';
  return `http-${status}`;
};

/**
 * What one check says about a link. Only 404/410, a name that does not
 * resolve and a refused connection are answers that may mean dead; rate
 * limits, server errors, timeouts and bot walls say nothing about the link.
 */
export const classifyOutcome = (outcome: CheckOutcome): CheckVerdict => {
  const { error, status, redirects, finalUrl, url } = outcome;
  if (error === 'dns' || error === 'connection-refused') return { kind: 'dead', answer: error };
  if (error || status === undefined) return { kind: 'unknown', reason: error ?? 'no-answer' };
  if (isBotWall(status, outcome.headers, outcome.bodyStart))
    return { kind: 'unknown', reason: 'bot-wall' };
  if (status === 404 || status === 410) return { kind: 'dead', answer: 'not-found' };
  if (status >= 300 && status < 400)
    return { kind: 'unknown', reason: 'redirect-without-location' };
  if (status < 200 || status >= 300) return { kind: 'unknown', reason: reasonOf(status) };
  if (redirects.length === 0) return { kind: 'ok' };

  let original: URL;
  let final: URL;
  try {
    original = new URL(url);
    final = new URL(finalUrl);
  } catch {
    return { kind: 'ok' };
  }
  if (isHomePage(final) && !isHomePage(original)) return { kind: 'probably-gone' };
  const target = permanentTarget(redirects, finalUrl);
  if (target && !samePage(url, target)) return { kind: 'moved', newUrl: target };
  return { kind: 'ok' };
};
