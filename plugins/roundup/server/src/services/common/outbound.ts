import type { Core } from '@strapi/strapi';
import {
  createOutboundClient,
  OutboundError,
  type OutboundClient,
  type OutboundRequestOptions,
} from '../../outbound';
import { getPluginConfig } from '../../utils/config';
import { fieldProblems } from '../../utils/validation';

/** The service `outbound`: the guarded client (see `outbound/client.ts`) built from the plugin's `outbound` config. */
const outbound = ({ strapi }: { strapi: Core.Strapi }) => {
  let client: OutboundClient | null = null;
  const get = () => {
    if (!client) {
      const { allow, timeoutMs, connectTimeoutMs, maxBytes } = getPluginConfig(strapi).outbound;
      client = createOutboundClient({ allow, timeoutMs, connectTimeoutMs, maxBytes });
    }
    return client;
  };
  return {
    request: (url: string, options?: OutboundRequestOptions) => get().request(url, options),
    check: (url: string) => get().check(url),
    /**
     * For a URL an editor gives (a build hook's, a Git target's): a 400 naming
     * `url` when the guard would refuse to reach it (or its host does not resolve).
     */
    async checkField(url: string) {
      try {
        await get().check(url);
      } catch (error) {
        if (error instanceof OutboundError)
          throw fieldProblems([{ path: 'url', message: error.message }]);
        throw error;
      }
    },
  };
};

export type OutboundService = ReturnType<typeof outbound>;
export default outbound;
