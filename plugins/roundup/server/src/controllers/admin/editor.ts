import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { FIELD_LIMITS } from '../../core/limits';
import { INBOX_PAGE_SIZE } from '../../services/admin/editor';
import { VERSION_KEYS } from '../../services/common/content-version';
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
    title: z
      .string(required('A title'))
      .max(FIELD_LIMITS.roundup.title, atMost(FIELD_LIMITS.roundup.title))
      .trim()
      .min(1, 'A title is required'),
    date: z
      .string(required('A date'))
      .max(10, 'must be a date as YYYY-MM-DD')
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD'),
    slug: z
      .string()
      .max(FIELD_LIMITS.roundup.slug, atMost(FIELD_LIMITS.roundup.slug))
      .trim()
      .optional(),
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
    title: z
      .string(required('A title'))
      .max(FIELD_LIMITS.entry.title, atMost(FIELD_LIMITS.entry.title))
      .trim()
      .min(1, 'A title is required'),
    url: z
      .string(required('A URL'))
      .max(FIELD_LIMITS.entry.url, atMost(FIELD_LIMITS.entry.url))
      .trim()
      .min(1, 'A URL is required'),
    author: optionalText(FIELD_LIMITS.entry.author),
    description: optionalText(FIELD_LIMITS.entry.description),
    category: z.string(required('A section')).min(1, 'A section is required').max(64),
  })
  .strict();

const fromInbox = z
  .object({ entry: z.string().min(1, 'must be a link documentId').max(64) })
  .strict();

/** The editor's page: GET/POST /roundup/roundups, /roundups/:documentId/{editor,entries,preview,publish,unpublish}, /inbox. */
const editor = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getPluginService(strapi, 'editor');

  /**
   * Answers with `compute()` as JSON, kept in the output cache under the
   * editor's version: a write to any link, roundup or section, through any
   * instance, evicts it, and until then a read costs one small query
   * instead of the page's joins. Editors reopen these pages far more often
   * than they write.
   */
  const answerCached = async (ctx: any, name: string, compute: () => Promise<unknown>) => {
    const output = await getPluginService(strapi, 'rendered').cached(
      `editor\u0000${name}`,
      [VERSION_KEYS.editor],
      async () => ({
        body: JSON.stringify(await compute()),
        contentType: 'application/json; charset=utf-8',
        lastModified: new Date(0),
      })
    );
    ctx.type = output.contentType;
    ctx.body = output.body;
  };

  return {
    async list(ctx: any) {
      const { page, pageSize } = parseInput(listQuery, ctx.query, 'query');
      await answerCached(ctx, `list\u0000${page}\u0000${pageSize}`, () =>
        service().list({ page, pageSize })
      );
    },

    async create(ctx: any) {
      const body = parseInput(newRoundup, ctx.request.body, 'body');
      ctx.status = 201;
      ctx.body = await service().create(body);
    },

    async view(ctx: any) {
      const { documentId } = ctx.params;
      await answerCached(ctx, `view\u0000${documentId}`, () => service().view(documentId));
    },

    async inbox(ctx: any) {
      const { q, page, pageSize } = parseInput(inboxQuery, ctx.query, 'query');
      // Searches are as many as their words: only the plain pages are kept.
      if (q) ctx.body = await service().inbox({ q, page, pageSize });
      else
        await answerCached(ctx, `inbox\u0000${page}\u0000${pageSize}`, () =>
          service().inbox({ page, pageSize })
        );
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
