import type { Core } from '@strapi/strapi';
import type { BuildHookList, DeliveryList } from '../../../../shared/contracts/build-hooks';
import { z } from 'zod';
import { publicHook } from '../../services/webhooks/hooks';
import { getPluginService } from '../../utils/get-service';
import type { Context } from '../../utils/http';
import { parseInput } from '../../utils/validation';

const idParam = z.object({ id: z.coerce.number().int().positive() });
const deliveriesQuery = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
    hook: z.coerce.number().int().positive().optional(),
    target: z.coerce.number().int().positive().optional(),
  })
  .strict();

/** Build hooks and their deliveries, for the settings page and for programs. */
const buildHooks = ({ strapi }: { strapi: Core.Strapi }) => {
  const hooks = () => getPluginService(strapi, 'hooks');

  return {
    async find(ctx: Context) {
      ctx.body = { data: (await hooks().list()).map(publicHook) } satisfies BuildHookList;
    },

    async findOne(ctx: Context) {
      const { id } = parseInput(idParam, ctx.params, 'query');
      ctx.body = { data: publicHook(await hooks().find(id)) };
    },

    async create(ctx: Context) {
      ctx.status = 201;
      ctx.body = { data: publicHook(await hooks().create(ctx.request.body)) };
    },

    async update(ctx: Context) {
      const { id } = parseInput(idParam, ctx.params, 'query');
      ctx.body = { data: publicHook(await hooks().update(id, ctx.request.body)) };
    },

    async delete(ctx: Context) {
      const { id } = parseInput(idParam, ctx.params, 'query');
      await hooks().remove(id);
      ctx.status = 204;
      ctx.body = null;
    },

    /** "Rebuild now": one delivery, sent at once. */
    async trigger(ctx: Context) {
      const { id } = parseInput(idParam, ctx.params, 'query');
      const hook = await hooks().find(id);
      const delivery = await getPluginService(strapi, 'outbox').enqueueNow(
        hook,
        'roundup.update',
        null
      );
      await getPluginService(strapi, 'dispatcher').tick();
      ctx.status = 202;
      ctx.body = { data: { delivery: delivery.id } };
    },

    async deliveries(ctx: Context) {
      const { page, pageSize, hook, target } = parseInput(deliveriesQuery, ctx.query, 'query');
      const { rows, pagination } = await getPluginService(strapi, 'outbox').list({
        page,
        pageSize,
        hookId: hook,
        targetId: target,
      });
      ctx.body = {
        data: rows.map((row) => ({
          id: row.id,
          hook: { id: row.hookId, name: row.hookName },
          event: row.event,
          roundup: row.roundupDocumentId
            ? { documentId: row.roundupDocumentId, slug: row.roundupSlug, title: row.roundupTitle }
            : null,
          events: row.events,
          state: row.state,
          attempts: row.attempts,
          lastStatus: row.lastStatus ?? null,
          lastError: row.lastError ?? null,
          responseExcerpt: row.responseExcerpt ?? null,
          webhookId: row.webhookId,
          lastEventAt: new Date(Number(row.lastEventAt)).toISOString(),
          dueAt: row.state === 'pending' ? new Date(Number(row.dueAt)).toISOString() : null,
          deliveredAt: row.deliveredAt ? new Date(Number(row.deliveredAt)).toISOString() : null,
          commitId: row.commitId ?? null,
          conflicts:
            row.conflicts?.map(({ path, remoteCommit }) => ({ path, remoteCommit })) ?? null,
        })),
        meta: { pagination },
      } satisfies DeliveryList;
    },
  };
};

export default buildHooks;
