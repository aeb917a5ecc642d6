import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { answeringConflicts } from '../../utils/http';
import { getPluginService } from '../../utils/get-service';
import { parseInput } from '../../utils/validation';

const listQuery = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

const inboxQuery = z.object({ q: z.string().trim().max(200).optional() }).strict();

const required = (what: string) => ({ message: `${what} is required` });

const newRoundup = z
  .object({
    title: z.string(required('A title')).trim().min(1, 'A title is required').max(255),
    date: z.string(required('A date')).regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD'),
    slug: z.string().trim().max(255).optional(),
  })
  .strict();

const optionalText = (max?: number) => {
  const text = max ? z.string().max(max) : z.string();
  return text.nullish().transform((value) => (value && value.trim() ? value : null));
};

const newEntry = z
  .object({
    title: z.string(required('A title')).trim().min(1, 'A title is required').max(500),
    url: z.string(required('A URL')).trim().min(1, 'A URL is required').max(2048),
    author: optionalText(255),
    description: optionalText(),
    category: z.string(required('A section')).min(1, 'A section is required'),
  })
  .strict();

const fromInbox = z.object({ entry: z.string().min(1, 'must be a link documentId') }).strict();

/** The editor's page: GET/POST /roundup/roundups, /roundups/:documentId/{editor,entries,preview,publish,unpublish}, /inbox. */
const editor = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getPluginService(strapi, 'editor');

  return {
    async list(ctx: any) {
      ctx.body = await service().list(parseInput(listQuery, ctx.query, 'query'));
    },

    async create(ctx: any) {
      const body = parseInput(newRoundup, ctx.request.body, 'body');
      ctx.status = 201;
      ctx.body = await service().create(body);
    },

    async view(ctx: any) {
      ctx.body = await service().view(ctx.params.documentId);
    },

    async inbox(ctx: any) {
      const { q } = parseInput(inboxQuery, ctx.query, 'query');
      ctx.body = await service().inbox({ q: q || undefined });
    },

    async addEntry(ctx: any) {
      const raw = ctx.request.body ?? {};
      const input =
        raw && typeof raw === 'object' && 'entry' in raw
          ? parseInput(fromInbox, raw, 'body')
          : parseInput(newEntry, raw, 'body');
      await answeringConflicts(ctx, async () => {
        ctx.body = await service().addEntry(ctx.params.documentId, input);
        ctx.status = 201;
      });
    },

    async preview(ctx: any) {
      ctx.body = await service().preview(ctx.params.documentId);
    },

    async publish(ctx: any) {
      ctx.body = await service().publish(ctx.params.documentId);
    },

    async unpublish(ctx: any) {
      ctx.body = await service().unpublish(ctx.params.documentId);
    },
  };
};

export default editor;
