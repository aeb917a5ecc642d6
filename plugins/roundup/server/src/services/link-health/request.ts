import type { Core } from '@strapi/strapi';
import { getPluginService } from '../../utils/get-service';
import { OutboundError } from '../../outbound';

/** One HTTP request, as the checker makes it: no redirects followed, the body read up to `maxBytes`. */
export interface CheckRequestOptions {
  method: 'HEAD' | 'GET';
  headers: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
  /** Called when the request has been written to its connection (the host's pacing counts from then). */
  onSent: () => void;
}

export interface CheckResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export type CheckRequest = (url: string, options: CheckRequestOptions) => Promise<CheckResponse>;

/**
 * Every check goes out through the guarded outbound client, one hop at a
 * time (the checker follows redirects itself, to pace and record each hop).
 * Failures are OutboundErrors; anything else thrown becomes a network error.
 */
export const outboundRequest =
  (strapi: Core.Strapi): CheckRequest =>
  async (url, { method, headers, timeoutMs, maxBytes, onSent }) => {
    try {
      const {
        status,
        headers: answered,
        body,
      } = await getPluginService(strapi, 'outbound').request(url, {
        method,
        headers,
        timeoutMs,
        maxBytes,
        maxRedirects: 0,
        onSent,
      });
      return { status, headers: answered, body };
    } catch (error) {
      if (error instanceof OutboundError) throw error;
      throw new OutboundError('network', String((error as Error)?.message ?? error), url);
    }
  };
