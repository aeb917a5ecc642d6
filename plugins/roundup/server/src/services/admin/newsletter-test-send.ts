import type { Core } from '@strapi/strapi';
import { takeFromBucket, type Bucket } from '../../core/capture/rate-limit';
import { getPluginConfig } from '../../utils/config';
import { BadGatewayError, RateLimitError, ServiceUnavailableError } from '../../utils/errors';
import { getPluginService } from '../../utils/get-service';

interface EmailService {
  send(options: { to: string; subject: string; text: string; html: string }): Promise<unknown>;
}

const NO_PROVIDER =
  "No email provider is set up: configure one for Strapi's email plugin in config/plugins.ts " +
  '(the demo app sets up nodemailer from SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASS and EMAIL_FROM)';

/**
 * Test sends: the roundup as one multipart/alternative message (text and
 * HTML) to one address, through Strapi's email plugin and whatever provider
 * the app configured. Each editor may send a few at once, then a few a minute.
 */
const newsletterTestSend = ({ strapi }: { strapi: Core.Strapi }) => {
  const buckets = new Map<string, Bucket>();

  /** What stops a test send on this server, in words an administrator can act on; null when nothing. */
  const problem = (): string | null => {
    if (!strapi.plugin('email')) return `${NO_PROVIDER}; Strapi's email plugin is not loaded`;
    const provider = (strapi.config.get('plugin::email') as { provider?: string } | undefined)
      ?.provider;
    if (!provider) return NO_PROVIDER;
    // Strapi's default: on most servers it hands mail to a sendmail that delivers nothing.
    if (provider === 'sendmail' && !getPluginConfig(strapi).newsletter.testSend.allowSendmail)
      return NO_PROVIDER;
    return null;
  };

  const takeRateLimit = (editor: string) => {
    const { rateLimit } = getPluginConfig(strapi).newsletter.testSend;
    const { allowed, bucket, retryAfterSeconds } = takeFromBucket(
      buckets.get(editor),
      Date.now(),
      rateLimit
    );
    buckets.set(editor, bucket);
    if (buckets.size > 10_000) buckets.delete(buckets.keys().next().value as string);
    return { allowed, retryAfterSeconds };
  };

  return {
    problem,

    /** Sends the draft of `documentId` to `to`; what was sent, once the provider accepted it. */
    async send(documentId: string, to: string, editor: string) {
      const unavailable = problem();
      if (unavailable) throw new ServiceUnavailableError(unavailable);
      const limit = takeRateLimit(editor);
      if (!limit.allowed)
        throw new RateLimitError(
          `Too many test emails; try again in ${limit.retryAfterSeconds} s`,
          {
            retryAfter: limit.retryAfterSeconds,
          }
        );
      const content = await getPluginService(strapi, 'newsletter-content').load(
        documentId,
        'draft'
      );
      const subject = `[Test] ${content.subject}`;
      try {
        await (strapi.plugin('email').service('email') as EmailService).send({
          to,
          subject,
          text: content.text,
          html: content.html,
        });
      } catch (error) {
        throw new BadGatewayError(
          `The email provider did not accept the message: ${(error as Error).message ?? error}`
        );
      }
      return { to, subject };
    },
  };
};

export type NewsletterTestSendService = ReturnType<typeof newsletterTestSend>;
export default newsletterTestSend;
