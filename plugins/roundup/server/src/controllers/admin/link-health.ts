import type { Core } from '@strapi/strapi';
import type { LinkCheckAnswer, LinkHealthList } from '../../../../shared/contracts/link-health';
import { z } from 'zod';
import { LINK_STATES } from '../../core/link-health';
import { SEARCH_QUERY_LENGTH } from '../../core/limits';
import { getPluginService } from '../../utils/get-service';
import type { Context } from '../../utils/http';
import { parseInput } from '../../utils/validation';

const listQuery = z
  .object({
    state: z.enum(['ignored', ...LINK_STATES]).optional(),
    /** Words of the link's title, author, commentary or host (the search index). */
    q: z.string().trim().max(SEARCH_QUERY_LENGTH).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();
const idParam = z.object({ id: z.coerce.number().int().positive() });
const actionBody = z
  .object({ action: z.enum(['use-new-url', 'use-archived-copy', 'ignore', 'unignore']) })
  .strict();

/** Link health: start a check, follow it, list the links by state and fix them. */
const linkHealth = ({ strapi }: { strapi: Core.Strapi }) => ({
  async startCheck(ctx: Context) {
    const run = await getPluginService(strapi, 'link-checker').start('manual');
    ctx.status = 202;
    ctx.body = { data: run };
  },

  async currentCheck(ctx: Context) {
    ctx.body = {
      data: await getPluginService(strapi, 'link-checker').current(),
    } satisfies LinkCheckAnswer;
  },

  async find(ctx: Context) {
    const query = parseInput(listQuery, ctx.query, 'query');
    const { results, pagination, counts } = await getPluginService(strapi, 'link-health').list(
      query as never
    );
    ctx.body = { data: results, meta: { pagination, counts } } satisfies LinkHealthList;
  },

  async act(ctx: Context) {
    const { id } = parseInput(idParam, ctx.params, 'query');
    const { action } = parseInput(actionBody, ctx.request.body, 'body');
    ctx.body = { data: await getPluginService(strapi, 'link-health').act(id, action) };
  },
});

export default linkHealth;
