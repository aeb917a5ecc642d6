import { z } from 'zod';
import { DEFAULT_RETRY, retryScheduleSchema } from '../core/webhooks';

export const NEWSLETTER_SERVICES = ['buttondown', 'mailchimp'] as const;

const envName = z
  .string()
  .regex(
    /^[A-Z_][A-Z\d_]{0,99}$/,
    'must name an environment variable, such as "BUTTONDOWN_API_KEY"'
  );
const apiUrl = z.url({ protocol: /^https?$/, message: 'must be an absolute http(s) URL' });

/**
 * The roundup as a newsletter: the email format, test sends through Strapi's
 * email plugin, and drafts pushed to Buttondown or Mailchimp. API keys are read
 * from the environment variables named here, never from the database.
 */
export const newsletterSchema = z
  .object({
    /** The email document's `lang`. */
    lang: z
      .string()
      .regex(
        /^[a-z]{2,3}(?:-[A-Za-z\d]{1,8}){0,3}$/,
        'must be a language tag such as "en" or "pt-BR"'
      ),
    /** Test emails one editor may send at once, and then per minute. */
    testSend: z
      .object({
        rateLimit: z
          .object({ burst: z.number().int().min(1), perMinute: z.number().min(0.1) })
          .strict(),
        /**
         * Strapi's email plugin falls back on `sendmail`, which on most servers drops mail
         * without a word; test sends refuse it unless this is on.
         */
        allowSendmail: z.boolean(),
      })
      .strict(),
    /** Services that get a draft pushed each time a roundup is published. */
    pushOnPublish: z.array(
      z.enum(NEWSLETTER_SERVICES, { message: 'must hold "buttondown" or "mailchimp"' })
    ),
    /** How a push that failed on the service's side (5xx, 429, no answer) is retried. */
    retry: retryScheduleSchema,
    buttondown: z.object({ apiKeyEnv: envName, baseUrl: apiUrl }).strict(),
    mailchimp: z
      .object({
        apiKeyEnv: envName,
        /** The audience the campaign is made for (Mailchimp's list id). */
        listId: z.string().min(1).max(100).optional(),
        /** The campaign's sender name and reply-to address (Mailchimp requires both). */
        fromName: z.string().min(1).max(100).optional(),
        replyTo: z.email({ message: 'must be an email address' }).optional(),
        /** Without it, the API of the data centre the key names (`…-us6` → us6.api.mailchimp.com). */
        baseUrl: apiUrl.optional(),
      })
      .strict(),
  })
  .strict();

export type NewsletterConfig = z.output<typeof newsletterSchema>;

export const NEWSLETTER_DEFAULTS: z.input<typeof newsletterSchema> = {
  lang: 'en',
  testSend: { rateLimit: { burst: 5, perMinute: 2 }, allowSendmail: false },
  pushOnPublish: [],
  retry: { ...DEFAULT_RETRY, maxAttempts: 8 },
  buttondown: { apiKeyEnv: 'BUTTONDOWN_API_KEY', baseUrl: 'https://api.buttondown.com' },
  mailchimp: { apiKeyEnv: 'MAILCHIMP_API_KEY' },
};
