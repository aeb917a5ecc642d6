import { matchesEtag } from '../core/http-cache';
import type { RenderedOutput } from '../services/client/rendered';

/**
 * Runs a controller action; a ConflictError it throws answers 409 in Strapi's
 * usual error envelope (Strapi's error middleware knows no 409 of its own).
 */
export const answeringConflicts = async (ctx: { status: number; body: unknown }, action: () => Promise<void>) => {
  try {
    await action();
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    ctx.status = 409;
    ctx.body = { data: null, error: { status: 409, name: error.name, message: error.message, details: error.details } };
  }
};

export class ConflictError extends Error {
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {}
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

/**
 * Sends a cached output with its validators: a strong ETag, Last-Modified and
 * Cache-Control; a matching If-None-Match gets 304 with no body.
 */
export const sendCacheable = (
  ctx: any,
  output: RenderedOutput,
  cacheControl: string,
  { varyAccept = false }: { varyAccept?: boolean } = {}
) => {
  ctx.set('ETag', output.etag);
  ctx.set('Last-Modified', output.lastModified.toUTCString());
  ctx.set('Cache-Control', cacheControl);
  if (varyAccept) ctx.vary('Accept');
  if (matchesEtag(ctx.get('If-None-Match'), output.etag)) {
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  ctx.type = output.contentType;
  ctx.body = output.body;
};
