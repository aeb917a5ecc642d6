import { createHash } from 'node:crypto';

/** `hugo` is Markdown for Hugo; `email` (a whole HTML document for mail clients) and `text` are the newsletter's two parts. */
export type RenderFormat = 'markdown' | 'html' | 'hugo' | 'email' | 'text';

export const CONTENT_TYPES: Record<RenderFormat, string> = {
  markdown: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  hugo: 'text/markdown; charset=utf-8',
  email: 'text/html; charset=utf-8',
  text: 'text/plain; charset=utf-8',
};

/**
 * The format a rendered request asks for: `?format=` wins, then the Accept
 * header (text/markdown or text/html, by quality), then Markdown.
 */
export const negotiateFormat = (
  format: RenderFormat | undefined,
  accept: string | undefined
): RenderFormat => {
  if (format) return format;
  const ranked = (accept ?? '')
    .split(',')
    .map((part, index) => {
      const [type, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { type: type.trim(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter(({ q }) => Number.isFinite(q) && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { type } of ranked) {
    if (type === 'text/markdown' || type === 'text/x-markdown') return 'markdown';
    if (type === 'text/html') return 'html';
  }
  return 'markdown';
};

/** A strong entity tag of a response body. */
export const strongEtag = (body: string | Buffer): string =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** True when an If-None-Match header names `etag` (or is `*`). */
export const matchesEtag = (ifNoneMatch: string | undefined, etag: string): boolean => {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag === etag || tag === `W/${etag}`);
};
