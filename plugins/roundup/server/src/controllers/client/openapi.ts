import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { getPluginConfig } from '../../utils/config';
import { getPluginService } from '../../utils/get-service';
import { sendCacheable, type Context } from '../../utils/http';
import { parseInput } from '../../utils/validation';

const noQuery = z.object({}).strict();

const openapi = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/roundup/openapi.json: the OpenAPI 3.1 document of the public routes. */
  async find(ctx: Context) {
    parseInput(noQuery, ctx.query, 'query');
    sendCacheable(
      ctx,
      getPluginService(strapi, 'openapi').output(),
      getPluginConfig(strapi).cacheControl
    );
  },
});

export default openapi;
