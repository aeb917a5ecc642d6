import type { Core } from '@strapi/strapi';
import { matchesEtag } from '../core/http-cache';
import type { RenderedOutput } from '../services/client/rendered';

/** The request context a controller action gets (Koa's, with Strapi's response helpers). */
export type Context = Parameters<Core.ControllerHandler>[0];

/**
 * Sends a cached output with its validators: a strong ETag, Last-Modified and
 * Cache-Control; a matching If-None-Match gets 304 with no body.
 */
export const sendCacheable = (
  ctx: Context,
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
