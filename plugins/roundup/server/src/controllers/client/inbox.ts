import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { captureFormPage } from '../../core/capture/form-page';
import { FIELD_LIMITS } from '../../core/limits';
import { httpUrlProblem } from '../../core/url';
import { getPluginConfig } from '../../utils/config';
import { getPluginService } from '../../utils/get-service';
import type { Context } from '../../utils/http';
import { parseInput } from '../../utils/validation';
import { PayloadTooLargeError, RateLimitError } from '../../utils/errors';

const optionalText = (max?: number) => {
  const text = max ? z.string().max(max) : z.string();
  return text.nullish().transform((value) => (value && value.trim() ? value.trim() : null));
};

const captureBody = z
  .object({
    url: z
      .string({ message: 'A URL is required' })
      .trim()
      .min(1, 'A URL is required')
      .max(FIELD_LIMITS.entry.url)
      .superRefine((value, context) => {
        const problem = httpUrlProblem(value);
        if (problem) context.addIssue({ code: 'custom', message: problem });
      }),
    title: optionalText(FIELD_LIMITS.entry.title),
    /** The page's own document title (the bookmarklet's): a stand-in until unfurl finds the page's real title. */
    pageTitle: optionalText(500),
    author: optionalText(FIELD_LIMITS.entry.author),
    commentary: optionalText(FIELD_LIMITS.entry.description),
    category: optionalText(255),
    source: optionalText(FIELD_LIMITS.entry.captureSource),
  })
  .strict();

/** Who is capturing: the API token or the Users & Permissions user, for the rate limit. */
const callerKey = (ctx: Context): string => {
  const { strategy, credentials } = ctx.state?.auth ?? {};
  return `${strategy?.name ?? 'unknown'}:${credentials?.id ?? ctx.ip}`;
};

/** The capture API: POST /api/roundup/inbox, its sections, and the bookmarklet's window. */
const inbox = ({ strapi }: { strapi: Core.Strapi }) => ({
  async capture(ctx: Context) {
    const { maxBytes } = getPluginConfig(strapi).capture;
    // The declared length, and the parsed body for a request sent without one (chunked).
    const size =
      Number(ctx.request.length ?? 0) || Buffer.byteLength(JSON.stringify(ctx.request.body ?? {}));
    if (size > maxBytes) {
      throw new PayloadTooLargeError(
        `A capture may be at most ${maxBytes} bytes (roundup.config.capture.maxBytes)`
      );
    }
    const service = getPluginService(strapi, 'capture');
    const limit = service.takeRateLimit(callerKey(ctx));
    if (!limit.allowed) {
      ctx.set('Retry-After', String(limit.retryAfterSeconds));
      throw new RateLimitError(`Too many captures; try again in ${limit.retryAfterSeconds} s`, {
        retryAfter: limit.retryAfterSeconds,
      });
    }
    const input = parseInput(captureBody, ctx.request.body, 'body');
    const { created, link } = await service.capture(input);
    ctx.status = created ? 201 : 200;
    ctx.body = { data: link, meta: { duplicate: !created } };
  },

  async sections(ctx: Context) {
    ctx.body = { data: await getPluginService(strapi, 'capture').sections(), meta: {} };
  },

  /** A static page with no data: the token the bookmarklet hands it is what authorises the capture. */
  async form(ctx: Context) {
    const page = captureFormPage();
    ctx.set('Content-Security-Policy', page.contentSecurityPolicy);
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = page.html;
  },
});

export default inbox;
