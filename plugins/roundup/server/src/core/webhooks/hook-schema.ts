import { z } from 'zod';
import { STRING_COLUMN_LENGTH } from '../limits';
import { httpUrlProblem } from '../url';
import {
  DEFAULT_DEBOUNCE_MS,
  DEFAULT_MAX_WAIT_MS,
  MAX_DEBOUNCE_MS,
  MAX_WAIT_LIMIT_MS,
} from './debounce';
import { ROUNDUP_EVENTS } from './payload';
import { DEFAULT_RETRY } from './retry';
import { parseWebhookSecret } from './signing';

/** Headers a hook may not set: the signature's, HTTP's own, and those the delivery sets. */
const FORBIDDEN_HEADERS = new Set([
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
  'content-length',
  'content-type',
  'user-agent',
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'expect',
  'proxy-authorization',
  'proxy-connection',
]);

const HEADER_NAME = /^[\w!#$%&'*+.^`|~-]+$/;
// What fetch accepts as a header value; anything else would fail every attempt.
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

const url = z
  .string({ error: 'must be an absolute http(s) URL' })
  .max(STRING_COLUMN_LENGTH, `must be at most ${STRING_COLUMN_LENGTH} characters`)
  .refine((value) => httpUrlProblem(value) === null, { error: 'must be an absolute http(s) URL' })
  // fetch refuses such a URL, so every attempt would fail.
  .refine((value) => !/^[a-z]+:\/\/[^/?#]*@/i.test(value), {
    error: 'must not hold a user name or password; send credentials in headers',
  });

const secret = z.string({ error: 'must be a "whsec_" secret' }).superRefine((value, ctx) => {
  try {
    parseWebhookSecret(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

const events = z
  .array(z.enum(ROUNDUP_EVENTS, { error: `must be one of ${ROUNDUP_EVENTS.join(', ')}` }), {
    error: 'must be a list of events',
  })
  .min(1, 'must name at least one event')
  .superRefine((list, ctx) => {
    list.forEach((event, index) => {
      if (list.indexOf(event) !== index) {
        ctx.addIssue({ code: 'custom', path: [index], message: `repeats ${event}` });
      }
    });
  });

const headers = z
  .record(z.string(), z.string({ error: 'must be a string' }), {
    error: 'must be an object of header names to values',
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    for (const [name, text] of Object.entries(value)) {
      const lower = name.toLowerCase();
      if (!HEADER_NAME.test(name)) {
        ctx.addIssue({ code: 'custom', path: [name], message: 'is not a valid header name' });
      } else if (FORBIDDEN_HEADERS.has(lower)) {
        ctx.addIssue({ code: 'custom', path: [name], message: 'is set by the delivery itself' });
      } else if (seen.has(lower)) {
        ctx.addIssue({ code: 'custom', path: [name], message: 'is given twice in another case' });
      } else if (!HEADER_VALUE.test(text)) {
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: 'must be one line of Latin-1 text without control characters',
        });
      }
      seen.add(lower);
    }
  });

const HOUR_MS = 60 * 60 * 1000;

const milliseconds = (min: number, max: number) =>
  z
    .number({ error: 'must be a number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

const retry = z
  .strictObject({
    baseDelayMs: milliseconds(1, HOUR_MS).default(DEFAULT_RETRY.baseDelayMs),
    maxDelayMs: milliseconds(1, 24 * HOUR_MS).default(DEFAULT_RETRY.maxDelayMs),
    maxAttempts: z
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(100, 'must be at most 100')
      .default(DEFAULT_RETRY.maxAttempts),
  })
  .refine((schedule) => schedule.maxDelayMs >= schedule.baseDelayMs, {
    error: 'must not be shorter than baseDelayMs',
    path: ['maxDelayMs'],
  });

/** A build hook as config files and the admin API give it; unknown keys are refused. */
export const buildHookSchema = z
  .strictObject({
    name: z
      .string({ error: 'must be a string' })
      .trim()
      .min(1, 'must not be empty')
      .max(100, 'must be at most 100 characters'),
    url,
    events,
    secret: secret.optional(),
    headers: headers.optional(),
    debounceMs: milliseconds(0, MAX_DEBOUNCE_MS).default(DEFAULT_DEBOUNCE_MS),
    maxWaitMs: milliseconds(0, MAX_WAIT_LIMIT_MS).default(DEFAULT_MAX_WAIT_MS),
    retry: retry.default(() => ({ ...DEFAULT_RETRY })),
  })
  .refine((hook) => hook.maxWaitMs >= hook.debounceMs, {
    error: 'must not be shorter than debounceMs',
    path: ['maxWaitMs'],
  });

export type BuildHookInput = z.input<typeof buildHookSchema>;
export type BuildHook = z.output<typeof buildHookSchema>;

export interface HookIssue {
  /** Dotted: `url`, `events.1`, `retry.maxAttempts`, `headers.Host`; `hook` for the whole. */
  path: string;
  message: string;
}

/** Zod's issues as one `{ path, message }` per field, to show as `path: message`. */
export const hookIssues = (error: z.ZodError): HookIssue[] =>
  error.issues.flatMap((issue) => {
    const at = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: [...at, key].join('.'),
        message: 'is not a build hook setting',
      }));
    }
    return [{ path: at.join('.') || 'hook', message: issue.message }];
  });

/** A retry schedule as config gives it (build hooks, newsletter pushes). */
export { retry as retryScheduleSchema };
