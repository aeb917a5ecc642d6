import { ValidationError } from './errors';
import type { z } from 'zod';

const formatPath = (path: PropertyKey[]) =>
  path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`
    )
    .join('');

/**
 * Parses untrusted input at the edge: the value `schema` describes, or a
 * ValidationError (400) whose message and details name every bad field.
 */
export const parseInput = <Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  where: 'query' | 'body'
): z.output<Schema> => {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = formatPath(issue.path) || where;
    const message = unknownKeys.length
      ? `Unknown ${where === 'query' ? 'query parameter' : 'field'}${unknownKeys.length > 1 ? 's' : ''}: ${unknownKeys.join(', ')}`
      : `${path}: ${issue.message}`;
    return {
      path: unknownKeys.length ? [...issue.path, ...unknownKeys] : issue.path,
      message,
      name: 'ValidationError',
    };
  });
  throw new ValidationError(problems.map((p) => p.message).join('; '), { errors: problems });
};

/**
 * A ValidationError (400) for problems found after parsing, each named by its
 * dotted path (`url`, `sections[0].entries[1].url`) in the message and details.
 */
export const fieldProblems = (problems: { path: string; message: string }[]) =>
  new ValidationError(problems.map((p) => `${p.path}: ${p.message}`).join('; '), {
    errors: problems.map((p) => ({
      path: p.path.split('.'),
      message: `${p.path}: ${p.message}`,
      name: 'ValidationError',
    })),
  });
