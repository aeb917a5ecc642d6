import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import type { GitTargetAnswer, GitTargetList } from '../../../../shared/contracts/git-targets';
import { getPluginService } from '../../utils/get-service';
import type { Context } from '../../utils/http';
import { parseInput } from '../../utils/validation';

const idParam = z.object({ id: z.coerce.number().int().positive() });
const resolveBody = z
  .object({
    path: z.string({ error: 'must name the file' }).min(1, 'must name the file'),
    choice: z.enum(['overwrite', 'skip'], { error: 'must be "overwrite" or "skip"' }),
  })
  .strict();

/**
 * Git targets on the Build hooks page: their state, adding and changing those
 * made in the admin panel (the body is checked by the config's own schema in
 * the service), "Sync now", and answers to conflicts.
 */
const gitTargets = ({ strapi }: { strapi: Core.Strapi }) => {
  const admin = () => getPluginService(strapi, 'git-admin');
  return {
    async find(ctx: Context) {
      ctx.body = { data: await admin().list() } satisfies GitTargetList;
    },

    async create(ctx: Context) {
      ctx.status = 201;
      ctx.body = { data: await admin().create(ctx.request.body) } satisfies GitTargetAnswer;
    },

    async update(ctx: Context) {
      const { id } = parseInput(idParam, ctx.params, 'query');
      ctx.body = { data: await admin().update(id, ctx.request.body) } satisfies GitTargetAnswer;
    },

    async delete(ctx: Context) {
      const { id } = parseInput(idParam, ctx.params, 'query');
      await admin().remove(id);
      ctx.status = 204;
      ctx.body = null;
    },

    async sync(ctx: Context) {
      const { id } = parseInput(idParam, ctx.params, 'query');
      ctx.status = 202;
      ctx.body = { data: { delivery: await admin().sync(id) } };
    },

    async resolve(ctx: Context) {
      const { id } = parseInput(idParam, ctx.params, 'query');
      await admin().resolve(id, parseInput(resolveBody, ctx.request.body, 'body'));
      ctx.status = 202;
      ctx.body = { data: { delivery: id } };
    },
  };
};

export default gitTargets;
