import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { getPluginService } from '../../utils/get-service';
import type { Context } from '../../utils/http';
import { parseInput } from '../../utils/validation';

const noQuery = z.object({}).strict();

const category = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/roundup/categories: the sections, in their default order. */
  async find(ctx: Context) {
    parseInput(noQuery, ctx.query, 'query');
    ctx.body = { data: await getPluginService(strapi, 'published').categories(), meta: {} };
  },
});

export default category;
