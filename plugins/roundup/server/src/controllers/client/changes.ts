import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { decodeCursor } from '../../core/changes';
import { CHANGES_PAGE } from '../../core/limits';
import { getPluginService } from '../../utils/get-service';
import { parseInput } from '../../utils/validation';

const changesQuery = z
  .object({
    since: z
      .string()
      .transform((text, ctx) => {
        const cursor = decodeCursor(text);
        if (!cursor) {
          ctx.addIssue({
            code: 'custom',
            message: 'must be a nextCursor this server returned',
          });
          return z.NEVER;
        }
        return cursor;
      })
      .optional(),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(CHANGES_PAGE.maxLimit)
      .default(CHANGES_PAGE.defaultLimit),
  })
  .strict();

const changes = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/roundup/changes?since=&limit=: what changed for readers since a cursor. */
  async find(ctx: { query: unknown; body: unknown; set: (name: string, value: string) => void }) {
    const { since, limit } = parseInput(changesQuery, ctx.query, 'query');
    const page = await getPluginService(strapi, 'changes').page({ since: since ?? null, limit });
    // Every answer may differ from the last: nothing on the way may keep one.
    ctx.set('Cache-Control', 'no-store');
    ctx.body = page;
  },
});

export default changes;
