import type { Core } from '@strapi/strapi';
import type { CaptureTokenList } from '../../../../shared/contracts/capture-tokens';
import type { UnfurlPreview } from '../../../../shared/contracts/unfurl';
import { z } from 'zod';
import { URL_LENGTH } from '../../core/limits';
import { getPluginService } from '../../utils/get-service';
import type { Context } from '../../utils/http';
import { parseInput } from '../../utils/validation';

const tokenId = z.object({ id: z.coerce.number().int().min(1, 'must be a token id') });
const unfurlBody = z
  .object({
    url: z
      .url({ protocol: /^https?$/, message: 'must be an absolute http(s) URL' })
      .max(URL_LENGTH, `must be at most ${URL_LENGTH} characters`),
  })
  .strict();

/** Where the bookmarklet's capture window lives on this server, as the editor's browser reaches it. */
const formUrl = (strapi: Core.Strapi, ctx: Context) => {
  const prefix = (strapi.config.get('api.rest.prefix') as string | undefined) ?? '/api';
  return `${ctx.origin}${prefix}/roundup/capture`;
};

/** The editor's capture tokens and bookmarklet, unfurl on paste, and Retry of a failed unfurl. */
const capture = ({ strapi }: { strapi: Core.Strapi }) => {
  const tokens = () => getPluginService(strapi, 'capture-tokens');

  return {
    async listTokens(ctx: Context) {
      ctx.body = {
        tokens: await tokens().list(ctx.state.user),
        formUrl: formUrl(strapi, ctx),
      } satisfies CaptureTokenList;
    },

    async createToken(ctx: Context) {
      ctx.status = 201;
      ctx.body = await tokens().create(ctx.state.user, formUrl(strapi, ctx));
    },

    async tokenBookmarklet(ctx: Context) {
      const { id } = parseInput(tokenId, ctx.params, 'query');
      ctx.body = await tokens().bookmarklet(ctx.state.user, id, formUrl(strapi, ctx));
    },

    async revokeToken(ctx: Context) {
      const { id } = parseInput(tokenId, ctx.params, 'query');
      await tokens().revoke(ctx.state.user, id);
      ctx.status = 204;
    },

    /** Quick-add: what the pasted URL's page says about itself. */
    async unfurl(ctx: Context) {
      const { url } = parseInput(unfurlBody, ctx.request.body, 'body');
      const outcome = await getPluginService(strapi, 'unfurl').preview(url);
      ctx.body = (
        outcome.ok ? { ok: true, ...outcome.metadata, finalUrl: outcome.finalUrl } : outcome
      ) satisfies UnfurlPreview;
    },

    /** Retry: unfurls one link again now and answers its inbox card. */
    async retryUnfurl(ctx: Context) {
      await getPluginService(strapi, 'unfurl').refresh(ctx.params.documentId);
      ctx.body = await getPluginService(strapi, 'inbox').card(ctx.params.documentId);
    },
  };
};

export default capture;
