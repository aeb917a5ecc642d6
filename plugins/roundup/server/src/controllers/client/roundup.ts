import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import type { RoundupConfig } from '../../config';
import { negotiateFormat } from '../../core/http-cache';
import { getPluginConfig } from '../../utils/config';
import { NotFoundError } from '../../utils/errors';
import { getPluginService } from '../../utils/get-service';
import { sendCacheable, type Context } from '../../utils/http';
import { parseInput } from '../../utils/validation';

const makeListQuery = ({ defaultPageSize, maxPageSize }: RoundupConfig) =>
  z
    .object({
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(maxPageSize).default(defaultPageSize),
    })
    .strict();

// One schema per configuration, made once: zod compiles a schema at its first parse, and a
// schema made per request cost the cached list a sixth of its time.
const listQueries = new WeakMap<RoundupConfig, ReturnType<typeof makeListQuery>>();
const listQuery = (config: RoundupConfig) => {
  let schema = listQueries.get(config);
  if (!schema) listQueries.set(config, (schema = makeListQuery(config)));
  return schema;
};

const noQuery = z.object({}).strict();

const renderedQuery = z
  .object({
    format: z
      .enum(['markdown', 'html', 'hugo', 'email', 'text'], {
        message: 'must be markdown, html, hugo, email or text',
      })
      .optional(),
  })
  .strict();

const notFound = (slug: string) => new NotFoundError(`No published roundup with slug "${slug}"`);

const roundup = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/roundup/roundups: published roundups, newest first. */
  async find(ctx: Context) {
    const config = getPluginConfig(strapi);
    const query = parseInput(listQuery(config), ctx.query, 'query');
    const output = await getPluginService(strapi, 'rendered').listPage(query);
    sendCacheable(ctx, output, config.cacheControl);
  },

  /** GET /api/roundup/roundups/:slug: one published roundup, its sections in order. */
  async findOne(ctx: Context) {
    parseInput(noQuery, ctx.query, 'query');
    const output = await getPluginService(strapi, 'rendered').roundup(ctx.params.slug, 'json');
    if (!output) throw notFound(ctx.params.slug);
    sendCacheable(ctx, output, getPluginConfig(strapi).cacheControl);
  },

  /** GET /api/roundup/roundups/:slug/rendered: Markdown with front matter, an HTML fragment, Hugo's Markdown, an email or text. */
  async rendered(ctx: Context) {
    const { format } = parseInput(renderedQuery, ctx.query, 'query');
    const chosen = negotiateFormat(format, ctx.get('Accept'));
    const output = await getPluginService(strapi, 'rendered').roundup(ctx.params.slug, chosen);
    if (!output) throw notFound(ctx.params.slug);
    sendCacheable(ctx, output, getPluginConfig(strapi).cacheControl, { varyAccept: true });
  },
});

export default roundup;
