import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { FIELD_LIMITS, MARKDOWN_LENGTH, URL_LENGTH } from '../../core/limits';
import { httpUrlProblem } from '../../core/url';
import { INBOX_PAGE_SIZE } from '../../services/admin/inbox';
import { VERSION_KEYS } from '../../services/common/content-version';
import { getPluginService } from '../../utils/get-service';
import type { Context } from '../../utils/http';
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

const atMost = (limit: number) => `must be at most ${limit} characters`;

/** Text the editor must fill in, at most `max` characters, named as `what` when missing. */
const requiredText = (what: string, max: number) =>
  z
    .string({ message: `${what} is required` })
    .max(max, atMost(max))
    .trim()
    .min(1, `${what} is required`);

const optionalText = (max: number) =>
  z
    .string()
    .max(max, atMost(max))
    .nullish()
    .transform((value) => (value && value.trim() ? value : null));

const newRoundup = z
  .object({
    title: requiredText('A title', FIELD_LIMITS.roundup.title),
    date: z
      .string({ message: 'A date is required' })
      .max(10, 'must be a date as YYYY-MM-DD')
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD'),
    slug: z
      .string()
      .max(FIELD_LIMITS.roundup.slug, atMost(FIELD_LIMITS.roundup.slug))
      .trim()
      .optional(),
  })
  .strict();

const newEntry = z
  .object({
    title: requiredText('A title', FIELD_LIMITS.entry.title),
    url: requiredText('A URL', FIELD_LIMITS.entry.url),
    author: optionalText(FIELD_LIMITS.entry.author),
    description: optionalText(FIELD_LIMITS.entry.description),
    category: z
      .string({ message: 'A section is required' })
      .min(1, 'A section is required')
      .max(64),
  })
  .strict();

/** A section's note in one roundup: Markdown, or empty to remove it. */
const noteText = z.string().max(MARKDOWN_LENGTH, `must be at most ${MARKDOWN_LENGTH} characters`);

/** A heading link: an http(s) URL, or empty to remove it. */
const headingUrl = z
  .string({ message: 'must be a URL, or empty to remove the link' })
  .max(URL_LENGTH, atMost(URL_LENGTH))
  .trim()
  .superRefine((url, check) => {
    const problem = url === '' ? null : httpUrlProblem(url);
    if (problem) check.addIssue({ code: 'custom', message: problem });
  });

const sectionNote = z.object({ note: noteText }).strict();
const sectionLink = z.object({ url: headingUrl }).strict();
/** Both at once: either may be left out, not both. */
const sectionText = z
  .object({ note: noteText.optional(), url: headingUrl.optional() })
  .strict()
  .refine((text) => text.note !== undefined || text.url !== undefined, {
    message: 'give note, url or both',
    path: ['note'],
  });

const fromInbox = z
  .object({ entry: z.string().min(1, 'must be a link documentId').max(64) })
  .strict();

/** The editor's page: GET/POST /roundup/roundups, /roundups/:documentId/{editor,entries,preview,publish,unpublish}, /inbox. */
const editor = ({ strapi }: { strapi: Core.Strapi }) => {
  const roundupPage = () => getPluginService(strapi, 'roundup-page');
  const writes = () => getPluginService(strapi, 'editor-writes');
  const inbox = () => getPluginService(strapi, 'inbox');

  /**
   * Answers with `compute()` as JSON, kept in the output cache under the
   * editor's version: a write to any link, roundup or section, through any
   * instance, evicts it, and until then a read costs one small query
   * instead of the page's joins. Editors reopen these pages far more often
   * than they write.
   */
  const answerCached = async (ctx: Context, name: string, compute: () => Promise<unknown>) => {
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
    async list(ctx: Context) {
      const { page, pageSize } = parseInput(listQuery, ctx.query, 'query');
      await answerCached(ctx, `list\u0000${page}\u0000${pageSize}`, () =>
        roundupPage().list({ page, pageSize })
      );
    },

    async create(ctx: Context) {
      const body = parseInput(newRoundup, ctx.request.body, 'body');
      ctx.status = 201;
      ctx.body = await writes().create(body);
    },

    async view(ctx: Context) {
      const { documentId } = ctx.params;
      await answerCached(ctx, `view\u0000${documentId}`, () => roundupPage().view(documentId));
    },

    async inbox(ctx: Context) {
      const { q, page, pageSize } = parseInput(inboxQuery, ctx.query, 'query');
      // Searches are as many as their words: only the plain pages are kept.
      if (q) ctx.body = await inbox().page({ q, page, pageSize });
      else
        await answerCached(ctx, `inbox\u0000${page}\u0000${pageSize}`, () =>
          inbox().page({ page, pageSize })
        );
    },

    async addEntry(ctx: Context) {
      const raw: unknown = ctx.request.body ?? {};
      const input =
        raw && typeof raw === 'object' && 'entry' in raw
          ? parseInput(fromInbox, raw, 'body')
          : parseInput(newEntry, raw, 'body');
      ctx.body = await writes().addEntry(ctx.params.documentId, input);
      ctx.status = 201;
    },

    async setSectionNote(ctx: Context) {
      const { note } = parseInput(sectionNote, ctx.request.body ?? {}, 'body');
      ctx.body = await writes().setSectionNote(ctx.params.documentId, ctx.params.category, note);
    },

    async setSectionLink(ctx: Context) {
      const { url } = parseInput(sectionLink, ctx.request.body ?? {}, 'body');
      ctx.body = await writes().setSectionLink(ctx.params.documentId, ctx.params.category, url);
    },

    async setSectionText(ctx: Context) {
      const text = parseInput(sectionText, ctx.request.body ?? {}, 'body');
      ctx.body = await writes().setSectionText(ctx.params.documentId, ctx.params.category, text);
    },

    async preview(ctx: Context) {
      ctx.body = await roundupPage().preview(ctx.params.documentId);
    },

    async publish(ctx: Context) {
      ctx.body = await writes().publish(ctx.params.documentId);
    },

    async unpublish(ctx: Context) {
      ctx.body = await writes().unpublish(ctx.params.documentId);
    },
  };
};

export default editor;
