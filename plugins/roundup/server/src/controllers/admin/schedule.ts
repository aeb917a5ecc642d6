import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { getPluginService } from '../../utils/get-service';
import type { Context } from '../../utils/http';
import { parseInput } from '../../utils/validation';

// Longer than any time or zone written out; the core says what is wrong with a shorter one.
const time = z.string('must be a time as a string').max(64, 'must be at most 64 characters');

const scheduleBody = z
  .object({
    publishAt: time.nullable().optional(),
    unpublishAt: time.nullable().optional(),
    timeZone: z
      .string('must be an IANA time zone such as Europe/Berlin')
      .max(64, 'must be at most 64 characters')
      .optional(),
  })
  .strict()
  .refine((body) => body.publishAt !== undefined || body.unpublishAt !== undefined, {
    message: 'publishAt or unpublishAt is required (null cancels one)',
    path: ['publishAt'],
  });

const cancelQuery = z.object({ action: z.enum(['publish', 'unpublish']).optional() }).strict();
const noQuery = z.object({}).strict();

/** A roundup's schedule: GET/PUT/DELETE /roundup/roundups/:documentId/schedule, GET /roundup/schedules. */
const schedule = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getPluginService(strapi, 'schedule');
  return {
    async find(ctx: Context) {
      ctx.body = await service().view(ctx.params.documentId);
    },

    async update(ctx: Context) {
      const body = parseInput(scheduleBody, ctx.request.body, 'body');
      ctx.body = await service().set(ctx.params.documentId, body);
    },

    async delete(ctx: Context) {
      const { action } = parseInput(cancelQuery, ctx.query, 'query');
      ctx.body = await service().cancel(ctx.params.documentId, action);
    },

    async waiting(ctx: Context) {
      parseInput(noQuery, ctx.query, 'query');
      ctx.body = await service().waiting();
    },
  };
};

export default schedule;
