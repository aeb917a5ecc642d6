import type { Core } from '@strapi/strapi';
import { secret } from './secrets';

/**
 * ROUNDUP_BUILD_HOOKS may hold build hooks as JSON, e.g.
 * [{"name":"netlify","url":"https://api.netlify.com/build_hooks/…","events":["roundup.publish"]}]
 */
const buildHooks = (json: string | undefined) => {
  if (!json) return [];
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new Error(`ROUNDUP_BUILD_HOOKS is not valid JSON: ${(error as Error).message}`);
  }
};

/**
 * ROUNDUP_GIT_TARGETS may hold Git targets as JSON, e.g.
 * [{"name":"site","url":"https://github.com/me/site.git","branch":"main","tokenEnv":"SITE_GIT_TOKEN"}]
 */
const gitTargets = (json: string | undefined) => {
  if (!json) return [];
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new Error(`ROUNDUP_GIT_TARGETS is not valid JSON: ${(error as Error).message}`);
  }
};

/** ROUNDUP_OUTBOUND_ALLOW: comma-separated hosts, IPs or CIDR ranges (optional :port) the plugin may reach though not public. */
const outboundAllow = (list: string | undefined) =>
  (list ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);

/** ROUNDUP_LINKCHECK_DEAD_AFTER: "failures,days", e.g. "1,0" to call a link dead at its first 404. */
const deadAfter = (value: string | undefined) => {
  if (!value) return { failures: 3, days: 3 };
  const [failures, days] = value.split(',').map((part) => Number(part.trim()));
  return { failures, days };
};

/** A comma-separated list from the environment, e.g. ROUNDUP_NEWSLETTER_PUSH_ON_PUBLISH=buttondown. */
const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);

/**
 * Strapi's email plugin sends through SMTP (nodemailer) when SMTP_HOST is set. Without it
 * the plugin falls back on sendmail, which the roundup's test send refuses, saying what to set.
 */
const email = (env: Core.Config.Shared.ConfigParams['env']) =>
  env('SMTP_HOST')
    ? {
        email: {
          config: {
            provider: 'nodemailer',
            providerOptions: {
              host: env('SMTP_HOST'),
              port: env.int('SMTP_PORT', 587),
              secure: env.bool('SMTP_SECURE', false),
              ...(env('SMTP_USER')
                ? { auth: { user: env('SMTP_USER'), pass: env('SMTP_PASS', '') } }
                : {}),
            },
            settings: {
              defaultFrom: env('EMAIL_FROM', 'Roundup <roundup@localhost>'),
              defaultReplyTo: env('EMAIL_FROM', 'Roundup <roundup@localhost>'),
            },
          },
        },
      }
    : {};

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  ...email(env),
  roundup: {
    enabled: true,
    resolve: './plugins/roundup',
    config: {
      cache: { enabled: env.bool('ROUNDUP_RENDER_CACHE', true), maxEntries: 500 },
      feed: {
        title: env('ROUNDUP_SITE_TITLE', "What I've been reading"),
        description: 'Monthly roundups of articles, videos and tools.',
        siteUrl: env('ROUNDUP_SITE_URL', 'http://localhost:4000'),
        permalink: env('ROUNDUP_PERMALINK', '/:year/:month/:day/:slug/'),
        count: 20,
      },
      // sanitize (default): editors' raw HTML in the Markdown output goes through the allowlist.
      markdown: {
        rawHtml: env('ROUNDUP_MARKDOWN_RAW_HTML', 'sanitize'),
        liquidTags: ['post_url', 'link'],
      },
      capture: {
        maxBytes: 16 * 1024,
        rateLimit: {
          burst: env.int('ROUNDUP_CAPTURE_BURST', 10),
          perMinute: env.float('ROUNDUP_CAPTURE_PER_MINUTE', 30),
        },
      },
      unfurl: {
        enabled: env.bool('ROUNDUP_UNFURL', true),
        timeoutMs: env.int('ROUNDUP_UNFURL_TIMEOUT_MS', 8000),
        maxBytes: env.int('ROUNDUP_UNFURL_MAX_BYTES', 1024 * 1024),
        maxRedirects: 5,
      },
      webhooks: {
        hooks: buildHooks(env('ROUNDUP_BUILD_HOOKS')),
        pollIntervalMs: env.int('ROUNDUP_WEBHOOK_POLL_MS', 1000),
        timeoutMs: env.int('ROUNDUP_WEBHOOK_TIMEOUT_MS', 10_000),
      },
      // The tokens stay in the environment variables each target names (tokenEnv).
      git: {
        targets: gitTargets(env('ROUNDUP_GIT_TARGETS')),
        maxBytes: env.int('ROUNDUP_GIT_MAX_BYTES', 64 * 1024 * 1024),
        timeoutMs: env.int('ROUNDUP_GIT_TIMEOUT_MS', 60_000),
      },
      outbound: {
        allow: outboundAllow(env('ROUNDUP_OUTBOUND_ALLOW')),
      },
      schedule: {
        cron: env('ROUNDUP_SCHEDULE_CRON', '*/10 * * * * *'),
        leaseMs: env.int('ROUNDUP_SCHEDULE_LEASE_MS', 300_000),
      },
      linkCheck: {
        enabled: env.bool('ROUNDUP_LINKCHECK_ENABLED', true),
        cron: env('ROUNDUP_LINKCHECK_CRON', '0 3 * * *'),
        deadAfter: deadAfter(env('ROUNDUP_LINKCHECK_DEAD_AFTER')),
        hostIntervalMs: env.int('ROUNDUP_LINKCHECK_HOST_INTERVAL_MS', 1000),
        leaseTtlMs: env.int('ROUNDUP_LINKCHECK_LEASE_MS', 60_000),
        ...(env('ROUNDUP_LINKCHECK_CONTACT_URL')
          ? { contactUrl: env('ROUNDUP_LINKCHECK_CONTACT_URL') }
          : {}),
      },
      newsletter: {
        lang: env('ROUNDUP_NEWSLETTER_LANG', 'en'),
        testSend: {
          rateLimit: {
            burst: env.int('ROUNDUP_NEWSLETTER_TEST_BURST', 5),
            perMinute: env.float('ROUNDUP_NEWSLETTER_TEST_PER_MINUTE', 2),
          },
          allowSendmail: false,
        },
        pushOnPublish: list(env('ROUNDUP_NEWSLETTER_PUSH_ON_PUBLISH')),
        retry: {
          baseDelayMs: env.int('ROUNDUP_NEWSLETTER_RETRY_BASE_MS', 5_000),
          maxDelayMs: 10 * 60 * 60 * 1000,
          maxAttempts: 8,
        },
        // The API keys stay in these environment variables; the plugin reads them when it pushes.
        buttondown: {
          apiKeyEnv: 'BUTTONDOWN_API_KEY',
          baseUrl: env('ROUNDUP_BUTTONDOWN_API_URL', 'https://api.buttondown.com'),
        },
        mailchimp: {
          apiKeyEnv: 'MAILCHIMP_API_KEY',
          ...(env('ROUNDUP_MAILCHIMP_LIST_ID') ? { listId: env('ROUNDUP_MAILCHIMP_LIST_ID') } : {}),
          ...(env('ROUNDUP_MAILCHIMP_FROM_NAME')
            ? { fromName: env('ROUNDUP_MAILCHIMP_FROM_NAME') }
            : {}),
          ...(env('ROUNDUP_MAILCHIMP_REPLY_TO')
            ? { replyTo: env('ROUNDUP_MAILCHIMP_REPLY_TO') }
            : {}),
          ...(env('ROUNDUP_MAILCHIMP_API_URL')
            ? { baseUrl: env('ROUNDUP_MAILCHIMP_API_URL') }
            : {}),
        },
      },
      // PostgreSQL's text search configuration for the archive search: english (stemmed), simple, german…
      search: { language: env('ROUNDUP_SEARCH_LANGUAGE', 'english') },
    },
  },
  'users-permissions': {
    config: {
      jwtSecret: secret(env, 'JWT_SECRET', 'users-permissions-jwt'),
    },
  },
});
