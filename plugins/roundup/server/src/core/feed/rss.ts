import type { FeedDocument } from './types';
import { htmlText, xmlText } from './xml';

/** RSS 2.0, with the full HTML in content:encoded and the feed's own URL as atom:link. */
export const renderRss = ({ site, items, updated }: FeedDocument): string =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
    '<channel>',
    `<title>${xmlText(site.title)}</title>`,
    `<link>${xmlText(site.url)}</link>`,
    `<description>${xmlText(site.description || site.title)}</description>`,
    site.feedUrl
      ? `<atom:link href="${xmlText(site.feedUrl)}" rel="self" type="application/rss+xml"/>`
      : '',
    items.length > 0 ? `<lastBuildDate>${updated.toUTCString()}</lastBuildDate>` : '',
    ...items.flatMap((item) => [
      '<item>',
      `<title>${xmlText(item.title)}</title>`,
      `<link>${xmlText(item.link)}</link>`,
      `<guid isPermaLink="true">${xmlText(item.link)}</guid>`,
      `<pubDate>${item.published.toUTCString()}</pubDate>`,
      item.excerpt ? `<description>${xmlText(htmlText(item.excerpt))}</description>` : '',
      item.contentHtml ? `<content:encoded>${xmlText(item.contentHtml)}</content:encoded>` : '',
      '</item>',
    ]),
    '</channel>',
    '</rss>',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
