/** What unfurl reads from a page about itself, and what quick-add's unfurl route answers. */

export interface PageMetadata {
  title: string | null;
  author: string | null;
  description: string | null;
  siteName: string | null;
  /** The canonical URL the page declares (`<link rel=canonical>`, else `og:url`), absolute http(s). */
  canonicalUrl: string | null;
  /** The JSON oEmbed endpoint the page advertises, absolute http(s). */
  oembedUrl: string | null;
}

/** POST /roundup/unfurl: the page's facts and where its redirects ended, or why it was not read. */
export type UnfurlPreview =
  ({ ok: true; finalUrl: string } & PageMetadata) | { ok: false; reason: string };
