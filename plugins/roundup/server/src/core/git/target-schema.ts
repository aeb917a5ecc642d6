import { z } from 'zod';
import { STRING_COLUMN_LENGTH } from '../limits';
import { httpUrlProblem } from '../url';
import {
  DEFAULT_DEBOUNCE_MS,
  DEFAULT_MAX_WAIT_MS,
  MAX_DEBOUNCE_MS,
  MAX_WAIT_LIMIT_MS,
} from '../webhooks/debounce';
import { retryScheduleSchema } from '../webhooks/hook-schema';
import { DEFAULT_RETRY } from '../webhooks/retry';
import { pathTemplateProblem } from './path-template';

export const DEFAULT_GIT_PATH = '_posts/{date}-{slug}.md';
export const DEFAULT_GIT_MESSAGE = 'Publish "{title}"';
export const DEFAULT_GIT_REMOVE_MESSAGE = 'Remove "{title}"';

const milliseconds = (min: number, max: number) =>
  z
    .number({ error: 'must be a number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

const line = (max: number) =>
  z
    .string({ error: 'must be a string' })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !/[\r\n]/.test(value), { error: 'must be one line' });

/** A name Git accepts for a branch (the rules of git check-ref-format, kept to plain characters). */
const isBranchName = (name: string) =>
  /^[\w./-]{1,200}$/.test(name) &&
  !name.split('/').some((part) => part === '' || part.startsWith('.') || part.endsWith('.lock')) &&
  !name.includes('..') &&
  !name.endsWith('.');

/** A Git target as config files give it: a branch of a repository the published roundups are committed to. */
export const gitTargetSchema = z
  .strictObject({
    name: line(100),
    url: z
      .string({ error: 'must be an absolute http(s) URL' })
      .max(STRING_COLUMN_LENGTH, `must be at most ${STRING_COLUMN_LENGTH} characters`)
      .refine((value) => httpUrlProblem(value) === null, {
        error: 'must be an absolute http(s) URL',
      })
      .refine((value) => !/^[a-z]+:\/\/[^/?#]*@/i.test(value), {
        error: 'must not hold a user name or password; name the token in tokenEnv',
      }),
    branch: z
      .string({ error: 'must be a branch name' })
      .refine(isBranchName, { error: 'must be a branch name' })
      .default('main'),
    path: z
      .string({ error: 'must be a path template' })
      .superRefine((value, ctx) => {
        const problem = pathTemplateProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .default(DEFAULT_GIT_PATH),
    /** The environment variable holding the token; the token itself is never stored. */
    tokenEnv: z
      .string({ error: 'must name an environment variable' })
      .regex(/^[a-z_]\w{0,99}$/i, 'must name an environment variable')
      .optional(),
    /** The user name sent with the token (GitHub and GitLab accept any). */
    username: line(100).default('x-access-token'),
    format: z
      .enum(['markdown', 'hugo'], { error: 'must be "markdown" or "hugo"' })
      .default('markdown'),
    author: z
      .strictObject({
        name: line(100).default('Roundup'),
        email: line(200).default('roundup@localhost'),
      })
      .default({ name: 'Roundup', email: 'roundup@localhost' }),
    message: line(200).default(DEFAULT_GIT_MESSAGE),
    removeMessage: line(200).default(DEFAULT_GIT_REMOVE_MESSAGE),
    debounceMs: milliseconds(0, MAX_DEBOUNCE_MS).default(DEFAULT_DEBOUNCE_MS),
    maxWaitMs: milliseconds(0, MAX_WAIT_LIMIT_MS).default(DEFAULT_MAX_WAIT_MS),
    retry: retryScheduleSchema.default(() => ({ ...DEFAULT_RETRY })),
  })
  .refine((target) => target.maxWaitMs >= target.debounceMs, {
    error: 'must not be shorter than debounceMs',
    path: ['maxWaitMs'],
  });

export type GitTargetInput = z.input<typeof gitTargetSchema>;
export type GitTarget = z.output<typeof gitTargetSchema>;

/** Problems with a Git target from the admin panel, each named by its dotted path. */
export const gitTargetIssues = (error: z.ZodError): { path: string; message: string }[] =>
  error.issues.flatMap((issue) => {
    const at = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: [...at, key].join('.'),
        message:
          key === 'token'
            ? 'is never stored; name the environment variable that holds it in tokenEnv'
            : 'is not a Git target setting',
      }));
    }
    return [{ path: at.join('.') || 'target', message: issue.message }];
  });
