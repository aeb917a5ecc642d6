import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { FIELD_LIMITS } from '../../core/limits';
import { INBOX_PAGE_SIZE } from '../../services/admin/editor';
import { getPluginService } from '../../utils/get-service';
import { parseInput } from '../../utils/validation';

const listQuery = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

const inboxQuery = z
  .object({
    q: z.string().trim().max(200).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(INBOX_PAGE_SIZE).default(INBOX_PAGE_SIZE),
  })
  .strict();

const required = (what: string) => ({ message: `${what} is required` });
const atMost = (limit: number) => `must be at most ${limit} characters`;

const newRoundup = z
  .object({
    title: z.string(required('A title')).max(FIELD_LIMITS.roundup.title, atMost(FIELD_LIMITS.roundup.title)).trim().min(1, 'A title is required'),
    date: z.string(required('A date')).max(10, 'must be a date as YYYY-MM-DD').regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD'),
    slug: z.string().max(FIELD_LIMITS.roundup.slug, atMost(FIELD_LIMITS.roundup.slug)).trim().optional(),
  })
  .strict();

const optionalText = (max: number) =>
  z
    .string()
    .max(max, atMost(max))
    .nullish()
    .transform((value) => (value && value.trim() ? value : null));

const newEntry = z
  .object({
    title: z.string(required('A title')).max(FIELD_LIMITS.entry.title, atMost(FIELD_LIMITS.entry.title)).trim().min(1, 'A title is required'),
    url: z.string(required('A URL')).max(FIELD_LIMITS.entry.url, atMost(FIELD_LIMITS.entry.url)).trim().min(1, 'A URL is required'),
    author: optionalText(FIELD_LIMITS.entry.author),
    description: optionalText(FIELD_LIMITS.entry.description),
    category: z.string(required('A section')).min(1, 'A section is required').max(64),
  })
  .strict();

const fromInbox = z.object({ entry: z.string().min(1, 'must be a link documentId').max(64) }).strict();

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
      const { q, ...paging } = parseInput(inboxQuery, ctx.query, 'query');
      ctx.body = await service().inbox({ q: q || undefined, ...paging });
    },

    async addEntry(ctx: any) {
      const raw = ctx.request.body ?? {};
      const input =
        raw && typeof raw === 'object' && 'entry' in raw
          ? parseInput(fromInbox, raw, 'body')
          : parseInput(newEntry, raw, 'body');
      ctx.body = await service().addEntry(ctx.params.documentId, input);
      ctx.status = 201;
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
