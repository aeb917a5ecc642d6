import { z } from 'zod';
import { DEFAULT_RETRY, ROUNDUP_EVENTS } from './delivery';
import { parseWebhookSecret } from './signing';

/** Headers a hook may not set: the signature's own, and those HTTP itself manages. */
const FORBIDDEN_HEADERS = new Set([
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
  'content-length',
  'content-type',
  'host',
  'connection',
  'transfer-encoding',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'proxy-authorization',
  'proxy-connection',
]);

const httpUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && Boolean(url.hostname);
    } catch {
      return false;
    }
  },
  { message: 'must be an absolute http(s) URL' }
);

const secret = z.string().superRefine((value, ctx) => {
  try {
    parseWebhookSecret(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

const headers = z.record(z.string(), z.string()).superRefine((value, ctx) => {
  for (const name of Object.keys(value)) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      ctx.addIssue({ code: 'custom', path: [name], message: 'is not a valid header name' });
    } else if (FORBIDDEN_HEADERS.has(name.toLowerCase())) {
      ctx.addIssue({ code: 'custom', path: [name], message: 'is set by the delivery itself' });
    }
  }
});

/** A build hook as config files and the admin API give it; unknown keys are refused. */
export const buildHookSchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(100),
    url: httpUrl,
    events: z
      .array(z.enum(ROUNDUP_EVENTS, { message: `must be one of ${ROUNDUP_EVENTS.join(', ')}` }))
      .min(1, 'must name at least one event'),
    secret: secret.optional(),
    headers: headers.optional(),
    debounceMs: z.number().int().min(0).max(3_600_000).default(5_000),
    maxWaitMs: z.number().int().min(0).max(86_400_000).default(60_000),
    retry: z
      .object({
        baseDelayMs: z.number().int().min(1).default(DEFAULT_RETRY.baseDelayMs),
        maxDelayMs: z.number().int().min(1).default(DEFAULT_RETRY.maxDelayMs),
        maxAttempts: z.number().int().min(1).max(100).default(DEFAULT_RETRY.maxAttempts),
      })
      .strict()
      .default(DEFAULT_RETRY),
  })
  .strict()
  .refine((hook) => hook.maxWaitMs >= hook.debounceMs, {
    message: 'must not be shorter than debounceMs',
    path: ['maxWaitMs'],
  });

export type BuildHookInput = z.input<typeof buildHookSchema>;
export type BuildHook = z.output<typeof buildHookSchema>;

/** Zod's issues as `{ path, message }`, the path dotted (`retry.maxAttempts`, `events.1`). */
export const hookIssues = (error: z.ZodError) =>
  error.issues.flatMap((issue) => {
    const at = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...at, key].join('.'), message: 'is not a build hook setting' }));
    }
    return [{ path: at.join('.') || 'hook', message: issue.message }];
  });
