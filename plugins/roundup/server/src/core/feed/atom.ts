import type { FeedDocument } from './types';
import { xmlText } from './xml';

/** Atom 1.0 (RFC 4287); the site's title stands in as the author every feed must have. */
export const renderAtom = ({ site, items, updated }: FeedDocument): string =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<title type="text">${xmlText(site.title)}</title>`,
    site.description ? `<subtitle type="text">${xmlText(site.description)}</subtitle>` : '',
    `<id>${xmlText(site.feedUrl || site.url)}</id>`,
    `<link rel="alternate" type="text/html" href="${xmlText(site.url)}"/>`,
    site.feedUrl
      ? `<link rel="self" type="application/atom+xml" href="${xmlText(site.feedUrl)}"/>`
      : '',
    `<updated>${updated.toISOString()}</updated>`,
    `<author><name>${xmlText(site.title)}</name></author>`,
    ...items.flatMap((item) => [
      '<entry>',
      `<title type="text">${xmlText(item.title)}</title>`,
      `<id>${xmlText(item.link)}</id>`,
      `<link rel="alternate" type="text/html" href="${xmlText(item.link)}"/>`,
      `<published>${item.published.toISOString()}</published>`,
      `<updated>${item.updated.toISOString()}</updated>`,
      item.excerpt ? `<summary type="text">${xmlText(item.excerpt)}</summary>` : '',
      item.contentHtml ? `<content type="html">${xmlText(item.contentHtml)}</content>` : '',
      '</entry>',
    ]),
    '</feed>',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
