/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the latest published roundups, as
 * plain functions of plain data.
 */
import { renderAtom } from './atom';
import { renderJsonFeed } from './json-feed';
import { roundupPermalink } from './permalink';
import { renderRss } from './rss';
import type { FeedDocument, FeedFormat, FeedInput } from './types';

export type { FeedFormat, FeedInput, FeedItem, FeedSite } from './types';
export { roundupPermalink } from './permalink';
export { xmlText } from './xml';

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

const RENDERERS: Record<FeedFormat, (document: FeedDocument) => string> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJsonFeed,
};

const instant = (value: string, what: string): Date => {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`${what} is not a timestamp: ${value}`);
  return date;
};

/** The feed document in `format`, items in the order given. */
export const renderFeed = (format: FeedFormat, { site, permalink, items }: FeedInput): string => {
  const resolved = items.map((item) => ({
    ...item,
    link: roundupPermalink(permalink, site.url, item),
    published: instant(item.publishedAt, `publishedAt of roundup "${item.slug}"`),
    updated: instant(item.updatedAt, `updatedAt of roundup "${item.slug}"`),
  }));
  const updated = new Date(Math.max(0, ...resolved.map((item) => item.updated.getTime())));
  return RENDERERS[format]({ site, items: resolved, updated });
};
