import { z } from 'zod';
import { parseAllowEntry } from '../core/outbound';
import { gitTargetSchema } from '../core/git';
import { buildHookSchema } from '../core/webhooks';
import { NEWSLETTER_DEFAULTS, newsletterSchema } from './newsletter';

/**
 * Liquid's own tags and Jekyll's highlight block: none is a link tag, and a block an
 * editor leaves open would fail the site's build.
 */
const LIQUID_OWN_TAGS = new Set(
  (
    'assign break capture case comment continue cycle decrement echo else elsif for highlight ' +
    'if ifchanged include include_relative increment liquid raw render tablerow unless when'
  ).split(' ')
);

const templateFile = z.string().min(1, 'must be a path to a Liquid template file');

const cronRule = z
  .string()
  .refine(
    (rule) => [5, 6].includes(rule.trim().split(/\s+/).length),
    'must be a cron expression of 5 or 6 fields'
  );

/** The plugin's options, under `roundup.config` in the app's config/plugins.ts. */
export const configSchema = z
  .object({
    /** Page size of GET /api/roundup/roundups when the request names none. */
    defaultPageSize: z.number().int().min(1).max(100),
    /** The largest page size a request may ask for. */
    maxPageSize: z.number().int().min(1).max(1000),
    /** Cache-Control of rendered roundups, their JSON and the feeds. */
    cacheControl: z.string().min(1),
    /** The in-memory cache of rendered output, keyed by the content version. */
    cache: z
      .object({
        enabled: z.boolean(),
        maxEntries: z.number().int().min(1),
      })
      .strict(),
    /** Liquid templates overriding the default Markdown and HTML, relative to the app. */
    templates: z
      .object({
        markdown: templateFile.optional(),
        html: templateFile.optional(),
        email: templateFile.optional(),
        text: templateFile.optional(),
      })
      .strict(),
    /** The site the feeds link to. */
    feed: z
      .object({
        title: z.string().min(1),
        description: z.string(),
        siteUrl: z.url({ protocol: /^https?$/, message: 'must be an absolute http(s) URL' }),
        /** Where a roundup lives on the site: :year :month :day :slug. */
        permalink: z.string().startsWith('/', 'must start with /'),
        /** How many of the latest roundups a feed carries. */
        count: z.number().int().min(1).max(100),
      })
      .strict(),
    /** What editors' Markdown may bring into the Markdown output, the page the site builds. */
    markdown: z
      .object({
        /** `sanitize`: raw HTML through the HTML output's allowlist; `keep`: as written (trusted editors). */
        rawHtml: z.enum(['sanitize', 'keep'], { message: 'must be "sanitize" or "keep"' }),
        /** Liquid tags that reach the site as written; every other tag and `{{ }}` is shown as text. */
        liquidTags: z.array(
          z
            .string()
            .regex(/^[a-z_]{1,40}$/, 'must hold Liquid tag names such as "post_url"')
            .refine(
              (name) => !LIQUID_OWN_TAGS.has(name) && !name.startsWith('end'),
              'must hold link tags such as "post_url", not Liquid\'s own tags'
            )
        ),
      })
      .strict(),
    /** Imports of Markdown posts. */
    import: z.object({ maxBytes: z.number().int().min(1024) }).strict(),
    /** Links captured through POST /api/roundup/inbox. */
    capture: z
      .object({
        /** The largest request body a capture may send. */
        maxBytes: z
          .number()
          .int()
          .min(1024)
          .max(1024 * 1024),
        /** Captures one token (or user) may make at once, and then per minute. */
        rateLimit: z
          .object({ burst: z.number().int().min(1), perMinute: z.number().min(0.1) })
          .strict(),
      })
      .strict(),
    /** Reading a captured page's title, author and description, through the outbound client. */
    unfurl: z
      .object({
        enabled: z.boolean(),
        timeoutMs: z.number().int().min(100).max(60_000),
        /** Bytes read at most from one page; reading stops at `</head>` when the head suffices. */
        maxBytes: z
          .number()
          .int()
          .min(16 * 1024)
          .max(16 * 1024 * 1024),
        maxRedirects: z.number().int().min(0).max(5),
      })
      .strict(),
    /** Rebuild webhooks: hooks declared here, and how the outbox is worked. */
    webhooks: z
      .object({
        hooks: z.array(buildHookSchema),
        /** How often each instance looks for due deliveries. */
        pollIntervalMs: z.number().int().min(10).max(60_000),
        /** How long a receiver may take to answer. */
        timeoutMs: z.number().int().min(100).max(120_000),
        /** How long an instance holds a claimed delivery before another may take it over. */
        claimTtlMs: z.number().int().min(1000),
        /** How many deliveries an instance sends at once. */
        batchSize: z.number().int().min(1).max(100),
      })
      .strict(),
    /** Git targets: repositories the published roundups are committed to (docs/git-publishing.md). */
    git: z
      .object({
        targets: z.array(gitTargetSchema).superRefine((targets, ctx) => {
          targets.forEach((target, index) => {
            if (targets.findIndex((other) => other.name === target.name) !== index)
              ctx.addIssue({ code: 'custom', path: [index, 'name'], message: 'is used twice' });
          });
        }),
        /** The most one fetch or push may carry. */
        maxBytes: z
          .number()
          .int()
          .min(64 * 1024)
          .max(1024 * 1024 * 1024),
        /** How long one fetch or push may take. */
        timeoutMs: z.number().int().min(100).max(600_000),
      })
      .strict(),
    /** The link checker: which links are dead, moved or gone, found on a schedule or on demand. */
    linkCheck: z
      .object({
        /** Runs the check on `cron`; off, a check runs only when asked for. */
        enabled: z.boolean(),
        /** When the scheduled check runs (cron syntax, server time). */
        cron: cronRule,
        /** A link is dead after the same dead answer on `failures` checks over at least `days` days. */
        deadAfter: z
          .object({
            failures: z.number().int().min(1).max(100),
            days: z.number().min(0).max(365),
          })
          .strict(),
        /** The least time between two requests to one host. */
        hostIntervalMs: z.number().int().min(10).max(600_000),
        /** A link that answered well (or is settled as dead or moved) is not checked again for this long. */
        recheckDays: z.number().min(0).max(365),
        /** How long one request may take. */
        timeoutMs: z.number().int().min(100).max(120_000),
        /** How long a check waits on a Retry-After before calling the link unknown. */
        maxRetryAfterMs: z.number().int().min(0).max(600_000),
        /** How many links are checked at once (each host still gets at most 2 requests at once). */
        concurrency: z.number().int().min(1).max(64),
        /** How long an instance holds a running check before another may take it over. */
        leaseTtlMs: z.number().int().min(500).max(3_600_000),
        /** Where a site owner who sees the checker in their logs learns what it is; the feed's site without it. */
        contactUrl: z
          .url({ protocol: /^https?$/, message: 'must be an absolute http(s) URL' })
          .optional(),
      })
      .strict(),
    /** Scheduled publishing: how often each instance looks for due changes, and how long it holds one. */
    schedule: z
      .object({
        /** When each instance looks for due changes (cron syntax; six fields count seconds). */
        cron: cronRule,
        /** How long an instance holds a change it runs before another may take it over. */
        leaseMs: z.number().int().min(1000).max(3_600_000),
      })
      .strict(),
    /** Every request the plugin sends to a URL someone typed in (build hooks, captures, link checks). */
    outbound: z
      .object({
        /** Hosts, IPs and CIDR ranges (each with an optional :port) that may be reached though not public. */
        allow: z.array(
          z.string().superRefine((entry, ctx) => {
            const rule = parseAllowEntry(entry);
            if (typeof rule === 'string') ctx.addIssue({ code: 'custom', message: rule });
          })
        ),
        /** The longest a request may take, redirects and body included. */
        timeoutMs: z.number().int().min(100).max(300_000),
        /** The longest a connection may take to be established. */
        connectTimeoutMs: z.number().int().min(100).max(120_000),
        /** Responses are read no further than this many bytes. */
        maxBytes: z
          .number()
          .int()
          .min(1024)
          .max(100 * 1024 * 1024),
      })
      .strict(),
    newsletter: newsletterSchema,
    /** Full-text search of the archive (GET /api/roundup/search, the inbox search). */
    search: z
      .object({
        /** PostgreSQL's text search configuration (`english`, `simple`, `german`…); SQLite and MariaDB ignore it. */
        language: z
          .string()
          .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must name a PostgreSQL text search configuration'),
      })
      .strict(),
  })
  .strict()
  .refine((config) => config.defaultPageSize <= config.maxPageSize, {
    message: 'defaultPageSize must not exceed maxPageSize',
    path: ['defaultPageSize'],
  });

export type RoundupConfig = z.output<typeof configSchema>;

const defaults: z.input<typeof configSchema> = {
  defaultPageSize: 10,
  maxPageSize: 100,
  cacheControl: 'public, max-age=60, stale-while-revalidate=300',
  cache: { enabled: true, maxEntries: 500 },
  templates: {},
  feed: {
    title: 'Roundups',
    description: '',
    siteUrl: 'http://localhost:4000',
    permalink: '/:year/:month/:day/:slug/',
    count: 20,
  },
  markdown: { rawHtml: 'sanitize', liquidTags: ['post_url', 'link'] },
  import: { maxBytes: 1024 * 1024 },
  capture: { maxBytes: 16 * 1024, rateLimit: { burst: 10, perMinute: 30 } },
  unfurl: { enabled: true, timeoutMs: 8000, maxBytes: 1024 * 1024, maxRedirects: 5 },
  webhooks: {
    hooks: [],
    pollIntervalMs: 1000,
    timeoutMs: 10_000,
    claimTtlMs: 60_000,
    batchSize: 10,
  },
  git: { targets: [], maxBytes: 64 * 1024 * 1024, timeoutMs: 60_000 },
  linkCheck: {
    enabled: true,
    cron: '0 3 * * *',
    deadAfter: { failures: 3, days: 3 },
    hostIntervalMs: 1000,
    recheckDays: 7,
    timeoutMs: 15_000,
    maxRetryAfterMs: 60_000,
    concurrency: 8,
    leaseTtlMs: 60_000,
  },
  schedule: { cron: '*/10 * * * * *', leaseMs: 300_000 },
  outbound: {
    allow: [],
    timeoutMs: 10_000,
    connectTimeoutMs: 5_000,
    maxBytes: 1024 * 1024,
  },
  newsletter: NEWSLETTER_DEFAULTS,
  search: { language: 'english' },
};

export default {
  default: defaults,
  validator(config: unknown) {
    const result = configSchema.safeParse(config);
    if (result.success) return;
    const messages = result.error.issues.map((issue) => {
      const at = issue.path.join('.');
      if (issue.code === 'unrecognized_keys') {
        const keys = issue.keys.map((k) => `"${at ? `${at}.` : ''}${k}"`).join(', ');
        return `unknown key${issue.keys.length > 1 ? 's' : ''} ${keys}`;
      }
      return `"${at}" ${issue.message}`;
    });
    throw new Error(messages.join('; '));
  },
};
