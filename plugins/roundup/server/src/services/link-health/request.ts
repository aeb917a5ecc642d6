import type { RequestErrorCode } from '../../core/link-health';

/** One HTTP request, as the checker makes it: no redirects followed, the body read up to `maxBytes`. */
export interface CheckRequestOptions {
  method: 'HEAD' | 'GET';
  headers: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
}

export interface CheckResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export type CheckRequest = (url: string, options: CheckRequestOptions) => Promise<CheckResponse>;

/** A request that got no HTTP answer, with the reason in the outbound client's terms. */
export class CheckRequestError extends Error {
  constructor(readonly code: RequestErrorCode, message: string) {
    super(message);
    this.name = 'CheckRequestError';
  }
}

const errorCode = (failure: unknown): RequestErrorCode => {
  const error = failure as Error & { cause?: { code?: string } };
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'timeout';
  const code = error.cause?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'dns';
  if (code === 'ECONNREFUSED') return 'connection-refused';
  return 'network';
};

/** The request every check makes: Node's fetch, redirects returned as they are, the body cut at `maxBytes`. */
export const fetchRequest: CheckRequest = async (url, { method, headers, timeoutMs, maxBytes }) => {
  let response: Response;
  try {
    response = await fetch(url, { method, headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  } catch (failure) {
    throw new CheckRequestError(errorCode(failure), String((failure as Error).message));
  }
  const chunks: Buffer[] = [];
  let size = 0;
  if (response.body && maxBytes > 0) {
    const reader = response.body.getReader();
    while (size < maxBytes) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done || !value) break;
      chunks.push(Buffer.from(value));
      size += value.length;
    }
    await reader.cancel().catch(() => {});
  } else {
    await response.body?.cancel().catch(() => {});
  }
  const answered: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    answered[name] = value;
  });
  return { status: response.status, headers: answered, body: Buffer.concat(chunks).subarray(0, maxBytes) };
};
