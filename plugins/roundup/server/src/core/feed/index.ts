/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the latest roundups. Plain functions
 * of plain data; every text is escaped for its format.
 */
export type FeedFormat = 'rss' | 'atom' | 'json';

export interface FeedSite {
  title: string;
  description: string;
  /** The site's absolute URL, e.g. https://example.com */
  url: string;
  /** The absolute URL this feed is served at. */
  feedUrl: string;
}

export interface FeedItem {
  title: string;
  slug: string;
  /** YYYY-MM-DD */
  date: string;
  excerpt: string | null;
  publishedAt: string;
  updatedAt: string;
  contentHtml: string;
}

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** A roundup's address on the site from a pattern such as /:year/:month/:day/:slug/. */
export const roundupPermalink = (pattern: string, siteUrl: string, item: Pick<FeedItem, 'date' | 'slug'>): string => {
  const [year, month, day] = item.date.split('-');
  const path = pattern
    .replace(/:year/g, year)
    .replace(/:month/g, month)
    .replace(/:day/g, day)
    .replace(/:slug/g, encodeURIComponent(item.slug));
  return new URL(path, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).toString();
};

// Characters XML 1.0 does not allow at all, even escaped.
const XML_ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export const xmlText = (text: string): string =>
  text.replace(XML_ILLEGAL, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);

const rfc822 = (iso: string) => new Date(iso).toUTCString();
const rfc3339 = (iso: string) => new Date(iso).toISOString();
const latest = (items: FeedItem[]) =>
  items.reduce((max, item) => (item.updatedAt > max ? item.updatedAt : max), '1970-01-01T00:00:00.000Z');

const rss = (site: FeedSite, items: FeedItem[], link: (item: FeedItem) => string) =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${xmlText(site.title)}</title>`,
    `<link>${xmlText(site.url)}</link>`,
    `<description>${xmlText(site.description || site.title)}</description>`,
    `<atom:link href="${xmlText(site.feedUrl)}" rel="self" type="application/rss+xml"/>`,
    `<lastBuildDate>${rfc822(latest(items))}</lastBuildDate>`,
    ...items.map((item) =>
      [
        '<item>',
        `<title>${xmlText(item.title)}</title>`,
        `<link>${xmlText(link(item))}</link>`,
        `<guid isPermaLink="true">${xmlText(link(item))}</guid>`,
        `<pubDate>${rfc822(item.publishedAt)}</pubDate>`,
        item.excerpt ? `<description>${xmlText(item.excerpt)}</description>` : '',
        '</item>',
      ]
        .filter(Boolean)
        .join('\n')
    ),
    '</channel>',
    '</rss>',
    '',
  ].join('\n');

const atom = (site: FeedSite, items: FeedItem[], link: (item: FeedItem) => string) =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<title>${xmlText(site.title)}</title>`,
    site.description ? `<subtitle>${xmlText(site.description)}</subtitle>` : '',
    `<id>${xmlText(site.feedUrl)}</id>`,
    `<link rel="alternate" type="text/html" href="${xmlText(site.url)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${xmlText(site.feedUrl)}"/>`,
    `<updated>${rfc3339(latest(items))}</updated>`,
    `<author><name>${xmlText(site.title)}</name></author>`,
    ...items.map((item) =>
      [
        '<entry>',
        `<title type="text">${xmlText(item.title)}</title>`,
        `<id>${xmlText(link(item))}</id>`,
        `<link rel="alternate" type="text/html" href="${xmlText(link(item))}"/>`,
        `<published>${rfc3339(item.publishedAt)}</published>`,
        `<updated>${rfc3339(item.updatedAt)}</updated>`,
        item.excerpt ? `<summary type="text">${xmlText(item.excerpt)}</summary>` : '',
        `<content type="html">${xmlText(item.contentHtml)}</content>`,
        '</entry>',
      ]
        .filter(Boolean)
        .join('\n')
    ),
    '</feed>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');

const jsonFeed = (site: FeedSite, items: FeedItem[], link: (item: FeedItem) => string) =>
  `${JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: site.title,
      home_page_url: site.url,
      feed_url: site.feedUrl,
      ...(site.description ? { description: site.description } : {}),
      items: items.map((item) => ({
        id: link(item),
        url: link(item),
        title: item.title,
        content_html: item.contentHtml,
        ...(item.excerpt ? { summary: item.excerpt } : {}),
        date_published: rfc3339(item.publishedAt),
        date_modified: rfc3339(item.updatedAt),
      })),
    },
    null,
    2
  )}\n`;

/** The feed document in `format`, items in the order given (newest first). */
export const renderFeed = (
  format: FeedFormat,
  { site, permalink, items }: { site: FeedSite; permalink: string; items: FeedItem[] }
): string => {
  const link = (item: FeedItem) => roundupPermalink(permalink, site.url, item);
  if (format === 'rss') return rss(site, items, link);
  if (format === 'atom') return atom(site, items, link);
  return jsonFeed(site, items, link);
};
