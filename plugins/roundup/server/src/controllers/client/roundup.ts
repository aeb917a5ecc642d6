import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import type { RoundupConfig } from '../../config';
import { getPluginConfig } from '../../utils/config';
import { getPluginService } from '../../utils/get-service';
import { parseInput } from '../../utils/validation';

const listQuery = ({ defaultPageSize, maxPageSize }: RoundupConfig) =>
  z
    .object({
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(maxPageSize).default(defaultPageSize),
    })
    .strict();

const noQuery = z.object({}).strict();

const roundup = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/roundup/roundups: published roundups, newest first. */
  async find(ctx: any) {
    const query = parseInput(listQuery(getPluginConfig(strapi)), ctx.query, 'query');
    const { results, pagination } = await getPluginService(strapi, 'published').list(query);
    ctx.body = { data: results, meta: { pagination } };
  },

  /** GET /api/roundup/roundups/:slug: one published roundup, its sections in order. */
  async findOne(ctx: any) {
    parseInput(noQuery, ctx.query, 'query');
    const found = await getPluginService(strapi, 'published').findBySlug(ctx.params.slug);
    if (!found) throw new errors.NotFoundError(`No published roundup with slug "${ctx.params.slug}"`);
    ctx.body = { data: found, meta: {} };
  },
});

export default roundup;
