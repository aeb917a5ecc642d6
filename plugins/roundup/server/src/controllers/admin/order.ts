import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { getPluginService } from '../../utils/get-service';
import type { Context } from '../../utils/http';
import { parseInput } from '../../utils/validation';

const orderBody = z
  .object({
    sections: z.array(
      z
        .object({
          category: z.string().min(1, 'must be a category documentId'),
          entries: z.array(z.string().min(1, 'must be an entry documentId')),
          parent: z.string().min(1, 'must be a section documentId or null').nullable().optional(),
        })
        .strict()
    ),
    version: z.string().min(1).optional(),
  })
  .strict();

const order = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /roundup/roundups/:documentId/order */
  async get(ctx: Context) {
    ctx.body = await getPluginService(strapi, 'order').get(ctx.params.documentId);
  },

  /** PUT /roundup/roundups/:documentId/order */
  async update(ctx: Context) {
    const body = parseInput(orderBody, ctx.request.body, 'body');
    ctx.body = await getPluginService(strapi, 'order').set(ctx.params.documentId, body);
  },
});

export default order;
