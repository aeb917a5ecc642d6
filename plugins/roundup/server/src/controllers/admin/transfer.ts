import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { getPluginConfig } from '../../utils/config';
import { NotFoundError, PayloadTooLargeError } from '../../utils/errors';
import { getPluginService } from '../../utils/get-service';
import type { Context } from '../../utils/http';
import { parseInput } from '../../utils/validation';

const importBody = z
  .object({
    markdown: z.string({ message: 'must be the text of a Markdown post' }),
    fileName: z.string().max(255).optional(),
    date: z.string().max(10, 'must be a date written YYYY-MM-DD').optional(),
    publish: z.boolean().default(false),
    dryRun: z.boolean().default(false),
    replace: z.boolean().default(false),
  })
  .strict();

const exportQuery = z.object({ status: z.enum(['draft', 'published']).default('draft') }).strict();

/** Jekyll posts in (POST /roundup/import) and out (GET /roundup/roundups/:documentId/export). */
const transfer = ({ strapi }: { strapi: Core.Strapi }) => ({
  async import(ctx: Context) {
    const limit = getPluginConfig(strapi).import.maxBytes;
    const length = Number(ctx.request.length ?? 0);
    const markdown = ctx.request.body?.markdown;
    if (length > limit || (typeof markdown === 'string' && Buffer.byteLength(markdown) > limit)) {
      throw new PayloadTooLargeError(
        `An import may be at most ${limit} bytes (roundup.config.import.maxBytes)`
      );
    }
    const body = parseInput(importBody, ctx.request.body, 'body');
    const { status, body: result } = await getPluginService(strapi, 'importer').import(body);
    ctx.status = status;
    ctx.body = result;
  },

  async export(ctx: Context) {
    const { status } = parseInput(exportQuery, ctx.query, 'query');
    const exported = await getPluginService(strapi, 'importer').export(
      ctx.params.documentId,
      status
    );
    if (!exported)
      throw new NotFoundError(`No ${status} version of roundup "${ctx.params.documentId}"`);
    ctx.set('Content-Disposition', `attachment; filename="${exported.fileName}"`);
    ctx.type = 'text/markdown; charset=utf-8';
    ctx.body = exported.markdown;
  },
});

export default transfer;
