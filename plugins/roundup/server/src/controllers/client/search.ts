import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import type { RoundupConfig } from '../../config';
import { SEARCH_QUERY_LENGTH } from '../../core/limits';
import { getPluginConfig } from '../../utils/config';
import { getPluginService } from '../../utils/get-service';
import type { Context } from '../../utils/http';
import { parseInput } from '../../utils/validation';

const makeSearchQuery = ({ defaultPageSize, maxPageSize }: RoundupConfig) =>
  z
    .object({
      q: z
        .string({ message: 'is required: the words to search for' })
        .trim()
        .min(1, 'is required: the words to search for')
        .max(SEARCH_QUERY_LENGTH, `must be at most ${SEARCH_QUERY_LENGTH} characters`),
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(maxPageSize).default(defaultPageSize),
    })
    .strict();

// One schema per configuration, made once (zod compiles a schema at its first parse).
const searchQueries = new WeakMap<RoundupConfig, ReturnType<typeof makeSearchQuery>>();
const searchQuery = (config: RoundupConfig) => {
  let schema = searchQueries.get(config);
  if (!schema) searchQueries.set(config, (schema = makeSearchQuery(config)));
  return schema;
};

const search = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/roundup/search?q=&page=&pageSize=: published links matching the words of `q`. */
  async find(ctx: Context) {
    const query = parseInput(searchQuery(getPluginConfig(strapi)), ctx.query, 'query');
    const { results, pagination } = await getPluginService(strapi, 'search').published(query);
    // A search reads the live roundups: an unpublished link must not linger in a cache.
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: results, meta: { pagination } };
  },
});

export default search;
