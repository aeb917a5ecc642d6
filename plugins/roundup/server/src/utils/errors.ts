import { createRequire } from 'node:module';
import path from 'node:path';
import type { Context } from './http';

/**
 * The plugin's own errors. Controllers answer them through the response
 * helpers Strapi gives every request (see `answerError`), so their status never
 * depends on which copy of `@strapi/utils` an app ends up with. Should one
 * escape a controller, Strapi still answers it with its `status`.
 */
export class RoundupError extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 413 | 429 | 502 | 503,
    name: string,
    message: string,
    readonly details: Record<string, unknown> = {}
  ) {
    super(message);
    this.name = name;
  }
}

/** An error class of the plugin's with its status and name fixed. */
const roundupError = (status: RoundupError['status'], name: string) =>
  class extends RoundupError {
    constructor(message: string, details: Record<string, unknown> = {}) {
      super(status, name, message, details);
    }
  };

/** 400, named like Strapi's own validation errors; `details.errors` names each field. */
export const ValidationError = roundupError(400, 'ValidationError');
/** 400 for a request that is well-formed but not allowed in the current state. */
export const ApplicationError = roundupError(400, 'ApplicationError');
export const NotFoundError = roundupError(404, 'NotFoundError');
export const ConflictError = roundupError(409, 'ConflictError');
export const PayloadTooLargeError = roundupError(413, 'PayloadTooLargeError');
/** 429: too many requests from one caller; the answer carries Retry-After. */
export const RateLimitError = roundupError(429, 'RateLimitError');

/** 502: a server the plugin relies on (an email provider) refused the request; its words in the message. */
export class BadGatewayError extends RoundupError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(502, 'BadGatewayError', message, details);
  }
}

/** 503: something the request needs is not set up on this server; the message says what to set. */
export class ServiceUnavailableError extends RoundupError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(503, 'ServiceUnavailableError', message, details);
  }
}

const RESPONSE_HELPERS = {
  400: 'badRequest',
  404: 'notFound',
  409: 'conflict',
  413: 'payloadTooLarge',
  429: 'tooManyRequests',
  502: 'badGateway',
  503: 'serviceUnavailable',
} as const;

/** Answers `error` in Strapi's error envelope through the request's own response helper. */
export const answerError = (ctx: Context, error: RoundupError) => {
  ctx[RESPONSE_HELPERS[error.status]](error.message, error.details);
  // The helpers name the error after the status (BadRequestError); keep the plugin's documented name.
  (ctx.body as { error: { name: string } }).error.name = error.name;
};

type Action = (ctx: Context, next?: unknown) => unknown;

/** Wraps every action of a controller factory so that a RoundupError becomes its answer. */
export const answeringRoundupErrors =
  <Deps, Controller extends Record<string, Action>>(factory: (deps: Deps) => Controller) =>
  (deps: Deps): Controller => {
    const controller = factory(deps);
    const wrapped = Object.entries(controller).map(([name, action]) => [
      name,
      async (ctx: Context, next?: unknown) => {
        try {
          return await action.call(controller, ctx, next);
        } catch (error) {
          if (error instanceof RoundupError) return answerError(ctx, error);
          throw error;
        }
      },
    ]);
    return Object.fromEntries(wrapped) as Controller;
  };

type StrapiValidationErrorClass = new (
  message: string,
  details?: unknown
) => Error & { details?: unknown };

let strapiValidationError: StrapiValidationErrorClass | null | undefined;

/**
 * The ValidationError class of the `@strapi/utils` copy that Strapi's own core
 * loads (its error middleware and the Document Service test errors with
 * `instanceof`): resolved from the app's `@strapi/strapi` through
 * `@strapi/core`, never the plugin's own import. Null if it cannot be found.
 */
const strapiValidationErrorClass = (appRoot: string): StrapiValidationErrorClass | null => {
  if (strapiValidationError !== undefined) return strapiValidationError;
  try {
    const fromApp = createRequire(path.join(appRoot, 'package.json'));
    const fromStrapi = createRequire(fromApp.resolve('@strapi/strapi'));
    const fromCore = createRequire(fromStrapi.resolve('@strapi/core'));
    strapiValidationError = fromCore('@strapi/utils').errors
      .ValidationError as StrapiValidationErrorClass;
  } catch {
    strapiValidationError = null;
  }
  return strapiValidationError;
};

/**
 * A 400 for writes refused inside the Document Service, where Strapi's own
 * controllers (the Content Manager's) are the ones answering: Strapi's own
 * ValidationError, or the plugin's, which Strapi answers by its status.
 */
export const documentValidationError = (
  appRoot: string,
  message: string,
  details: Record<string, unknown>
): Error & { details?: unknown } => {
  const StrapiValidationError = strapiValidationErrorClass(appRoot);
  return StrapiValidationError
    ? new StrapiValidationError(message, details)
    : new ValidationError(message, details);
};

/** True for a validation error, whichever copy of `@strapi/utils` (or the plugin) made it. */
export const isValidationError = (error: unknown): error is Error & { details?: unknown } =>
  error instanceof Error && error.name === 'ValidationError';
