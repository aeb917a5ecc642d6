import type { Core } from '@strapi/strapi';
import {
  createOutboundClient,
  type OutboundClient,
  type OutboundRequestOptions,
} from '../../outbound';
import { getPluginConfig } from '../../utils/config';

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
  };
};

export type OutboundService = ReturnType<typeof outbound>;
export default outbound;
