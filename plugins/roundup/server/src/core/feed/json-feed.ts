import type { FeedDocument } from './types';

/** JSON Feed 1.1; an item without HTML carries its excerpt as text, as one of the two is required. */
export const renderJsonFeed = ({ site, items }: FeedDocument): string =>
  `${JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: site.title,
      home_page_url: site.url,
      ...(site.feedUrl ? { feed_url: site.feedUrl } : {}),
      ...(site.description ? { description: site.description } : {}),
      items: items.map((item) => ({
        id: item.link,
        url: item.link,
        title: item.title,
        ...(item.contentHtml
          ? { content_html: item.contentHtml }
          : { content_text: item.excerpt || item.title }),
        ...(item.excerpt ? { summary: item.excerpt } : {}),
        date_published: item.published.toISOString(),
        date_modified: item.updated.toISOString(),
      })),
    },
    null,
    2
  )}\n`;
