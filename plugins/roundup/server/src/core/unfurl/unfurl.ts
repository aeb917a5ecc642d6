import { decodePage } from './charset';
import { extractMetadata, oembedFacts, type PageMetadata } from './metadata';

/** One HTTP response as the guarded outbound client answers it. */
export interface FetchedPage {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  truncated: boolean;
  /** The final URL, after redirects. */
  url: string;
}

export interface FetchOptions {
  headers?: Record<string, string>;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  stopWhen?: (received: Buffer) => boolean;
}

/** The one way unfurl reaches the network: the guarded outbound client's `request`. */
export type FetchPage = (url: string, options: FetchOptions) => Promise<FetchedPage>;

export interface UnfurlLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export type UnfurlOutcome =
  { ok: true; metadata: PageMetadata; finalUrl: string } | { ok: false; reason: string };

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const OEMBED_MAX_BYTES = 64 * 1024;

const mediaType = (contentType: string | undefined) =>
  (contentType ?? '').split(';')[0].trim().toLowerCase();

export const isHtml = (contentType: string | undefined) => {
  const type = mediaType(contentType);
  // A page served with no type at all is still worth reading.
  return type === '' || HTML_TYPES.has(type);
};

const HEAD_END = [Buffer.from('</head'), Buffer.from('</HEAD'), Buffer.from('</Head')];

/** Where the page's head ends in `received`, or -1. */
export const headEnd = (received: Buffer): number => {
  const found = HEAD_END.map((marker) => received.indexOf(marker)).filter((i) => i >= 0);
  return found.length ? Math.min(...found) : -1;
};

/**
 * Whether reading can stop: the head has ended and already names the title
 * and the author (or an oEmbed endpoint that may). JSON-LD often sits in the
 * body, so a head without an author keeps the page reading, up to the cap.
 */
export const headSuffices = (
  received: Buffer,
  contentType?: string,
  pageUrl = 'http://localhost/'
): boolean => {
  const end = headEnd(received);
  if (end < 0) return false;
  const { text } = decodePage(received.subarray(0, end), contentType);
  const metadata = extractMetadata(text, pageUrl);
  return Boolean(metadata.title && (metadata.author || metadata.oembedUrl));
};

const formatBytes = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`
    : `${Math.round(bytes / 1024)} KiB`;

/**
 * Why a fetch failed, in a few words an editor can act on
 * (`refused, points to 10.0.0.5, a private address`); the configuration hint
 * the client adds after `;` is for the site owner, not the editor.
 */
export const fetchFailureReason = (error: unknown): string => {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message.split('; ')[0].trim().slice(0, 300) : '';
  if (typeof code === 'string' && code) {
    if (!text || text.toLowerCase() === code.toLowerCase()) return code;
    return text.toLowerCase().startsWith(code.toLowerCase()) ? text : `${code}, ${text}`;
  }
  return text || 'network error';
};

/**
 * Fetches `url` through `fetchPage` and reads its metadata; then, when the
 * page advertises oEmbed and still lacks its author or title, the oEmbed JSON
 * through the same `fetchPage`. Never throws: a failure is a reason.
 */
export const unfurl = async (
  url: string,
  fetchPage: FetchPage,
  limits: UnfurlLimits
): Promise<UnfurlOutcome> => {
  let page: FetchedPage;
  try {
    page = await fetchPage(url, {
      headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' },
      timeoutMs: limits.timeoutMs,
      maxBytes: limits.maxBytes,
      maxRedirects: limits.maxRedirects,
      stopWhen: (received) => headSuffices(received, undefined, url),
    });
  } catch (error) {
    return { ok: false, reason: fetchFailureReason(error) };
  }
  const contentType = page.headers['content-type'];
  if (page.status < 200 || page.status >= 300) return { ok: false, reason: `HTTP ${page.status}` };
  if (!isHtml(contentType)) return { ok: false, reason: `not HTML (${mediaType(contentType)})` };

  const { text } = decodePage(page.body, contentType);
  const metadata = extractMetadata(text, page.url);
  if (!metadata.title) {
    return {
      ok: false,
      reason: page.truncated
        ? `too large, no title in the first ${formatBytes(page.body.length)}`
        : 'the page has no title',
    };
  }

  if (metadata.oembedUrl && !metadata.author) {
    try {
      const oembed = await fetchPage(metadata.oembedUrl, {
        headers: { accept: 'application/json' },
        timeoutMs: limits.timeoutMs,
        maxBytes: OEMBED_MAX_BYTES,
        maxRedirects: limits.maxRedirects,
      });
      if (oembed.status >= 200 && oembed.status < 300 && !oembed.truncated) {
        const facts = oembedFacts(JSON.parse(oembed.body.toString('utf8')));
        metadata.author = facts.author;
        metadata.siteName ??= facts.siteName;
      }
    } catch {
      // oEmbed only adds to what the page said; the page's own metadata stands.
    }
  }
  return { ok: true, metadata, finalUrl: page.url };
};
