import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { NEWSLETTER_SERVICES } from '../../config/newsletter';
import { RateLimitError, ValidationError } from '../../utils/errors';
import { getPluginService } from '../../utils/get-service';
import type { Context } from '../../utils/http';
import { parseInput } from '../../utils/validation';

const testBody = z
  .object({
    to: z.email({ message: 'must be an email address' }).max(254).optional(),
  })
  .strict();

const pushBody = z
  .object({
    service: z.enum(NEWSLETTER_SERVICES, { message: 'must be "buttondown" or "mailchimp"' }),
  })
  .strict();

/** The roundup as a newsletter, from the editor's page: its state, a test email, a pushed draft. */
const newsletter = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /roundups/:documentId/newsletter */
  async status(ctx: Context) {
    const editor = ctx.state.user?.email ?? null;
    ctx.body = {
      data: await getPluginService(strapi, 'newsletter-push').status(ctx.params.documentId, editor),
    };
  },

  /** POST /roundups/:documentId/newsletter/test: 202 once the email provider accepted it. */
  async test(ctx: Context) {
    const { to } = parseInput(testBody, ctx.request.body, 'body');
    const address = to ?? ctx.state.user?.email;
    if (!address) throw new ValidationError('to: is required (your account has no email address)');
    try {
      ctx.body = {
        data: await getPluginService(strapi, 'newsletter-test-send').send(
          ctx.params.documentId,
          address,
          String(ctx.state.user?.id ?? 'unknown')
        ),
      };
      ctx.status = 202;
    } catch (error) {
      if (error instanceof RateLimitError) ctx.set('Retry-After', String(error.details.retryAfter));
      throw error;
    }
  },

  /** POST /roundups/:documentId/newsletter/push: the draft made or updated in the service. */
  async push(ctx: Context) {
    const { service } = parseInput(pushBody, ctx.request.body, 'body');
    ctx.status = 202;
    ctx.body = {
      data: await getPluginService(strapi, 'newsletter-push').push(ctx.params.documentId, service),
    };
  },
});

export default newsletter;
