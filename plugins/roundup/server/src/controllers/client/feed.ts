import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { FEED_CONTENT_TYPES, renderFeed } from '../../core/feed';
import { getPluginConfig } from '../../utils/config';
import { VERSION_KEYS } from '../../services/common/content-version';
import { getPluginService } from '../../utils/get-service';
import { sendCacheable, type Context } from '../../utils/http';
import { parseInput } from '../../utils/validation';

const feedQuery = z
  .object({
    format: z
      .enum(['rss', 'atom', 'json'], { message: 'must be rss, atom or json' })
      .default('rss'),
  })
  .strict();

const feed = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/roundup/feed?format=rss|atom|json: the latest published roundups. */
  async find(ctx: Context) {
    const { format } = parseInput(feedQuery, ctx.query, 'query');
    const config = getPluginConfig(strapi);
    const feedUrl = `${ctx.origin}${ctx.path}?format=${format}`;
    const output = await getPluginService(strapi, 'rendered').cached(
      `feed\u0000${feedUrl}`,
      [VERSION_KEYS.published, VERSION_KEYS.sections],
      async () => {
        const published = getPluginService(strapi, 'published');
        const renderer = getPluginService(strapi, 'rendered').renderer();
        const { results } = await published.list({ page: 1, pageSize: config.feed.count });
        const items = [];
        let lastModified = 0;
        for (const summary of results) {
          const loaded = await published.load(summary.slug);
          if (!loaded) continue;
          lastModified = Math.max(lastModified, loaded.lastModified.getTime());
          items.push({ ...loaded.roundup, contentHtml: renderer.html(loaded.roundup) });
        }
        const body = renderFeed(format, {
          site: {
            title: config.feed.title,
            description: config.feed.description,
            url: config.feed.siteUrl,
            feedUrl,
          },
          permalink: config.feed.permalink,
          items,
        });
        return {
          body,
          contentType: FEED_CONTENT_TYPES[format],
          lastModified: new Date(lastModified),
        };
      }
    );
    sendCacheable(ctx, output, config.cacheControl);
  },
});

export default feed;
