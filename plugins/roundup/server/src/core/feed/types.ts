import type { Roundup } from '../model';

export type FeedFormat = 'rss' | 'atom' | 'json';

export interface FeedSite {
  title: string;
  /** The site's absolute URL, e.g. https://example.com or https://example.com/blog */
  url: string;
  description?: string | null;
  /** The absolute URL the feed is served at; a feed without it cannot name itself. */
  feedUrl?: string | null;
}

/** One published roundup: its summary, its timestamps (ISO 8601) and its rendered HTML. */
export interface FeedItem extends Pick<Roundup, 'title' | 'slug' | 'date' | 'excerpt'> {
  publishedAt: string;
  updatedAt: string;
  contentHtml?: string | null;
}

export interface FeedInput {
  site: FeedSite;
  /** Where a roundup lives on the site, e.g. /:year/:month/:day/:slug/ */
  permalink: string;
  /** Newest first; the feed keeps this order. */
  items: FeedItem[];
}

/** What a format renderer gets: every item's permalink and timestamps resolved. */
export interface FeedDocument {
  site: FeedSite;
  items: (FeedItem & { link: string; published: Date; updated: Date })[];
  /** The latest `updated` of the items; the epoch for an empty feed, so output stays stable. */
  updated: Date;
}
