import type { GitHttpRequest, GitHttpResponse, HttpClient } from 'isomorphic-git';
import type { OutboundRequestOptions, OutboundResponse } from '../../outbound';
import { OutboundError } from '../../outbound';

type Request = (url: string, options: OutboundRequestOptions) => Promise<OutboundResponse>;

async function* once(chunk: Uint8Array): AsyncIterableIterator<Uint8Array> {
  yield chunk;
}

const collect = async (body: AsyncIterableIterator<Uint8Array> | undefined) => {
  if (!body) return undefined;
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks);
};

/**
 * isomorphic-git's HTTP, through the plugin's outbound client: the guard
 * checks every request (public addresses only unless allowed), and each one
 * has the Git limits of time and size. An answer cut at the size cap fails
 * rather than reaching Git half read.
 */
export const gitHttp = (
  request: Request,
  { timeoutMs, maxBytes }: { timeoutMs: number; maxBytes: number }
): HttpClient => ({
  async request({ url, method, headers, body }: GitHttpRequest): Promise<GitHttpResponse> {
    const payload = await collect(body);
    if (payload && payload.length > maxBytes) {
      throw new OutboundError('network', `The push is larger than ${maxBytes} bytes`, url);
    }
    const response = await request(url, {
      method: method ?? 'GET',
      headers: headers ?? {},
      body: payload,
      timeoutMs,
      maxBytes,
    });
    if (response.truncated) {
      throw new OutboundError('network', `The answer is larger than ${maxBytes} bytes`, url);
    }
    return {
      url: response.url,
      method,
      headers: response.headers,
      body: once(response.body),
      statusCode: response.status,
      statusMessage: '',
    };
  },
});
