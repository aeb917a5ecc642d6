import http from 'node:http';
import https from 'node:https';
import type { RequestHop } from '../core/outbound';
import { OutboundError } from './errors';
import { pinnedLookup, type CheckedTarget } from './guard';

/** What one hop may take: until it connects, how much body it reads, and when it stops reading. */
export interface HopLimits {
  connectTimeoutMs: number;
  maxBytes: number;
  stopWhen?: (received: Buffer) => boolean;
  onSent?: () => void;
}

/** One hop's answer: its status, headers (lower-case names) and as much of the body as was read. */
export interface HopAnswer {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
  /** Whether reading stopped before the end of the body (maxBytes or stopWhen). */
  truncated: boolean;
}

/** How the request's deadline ends a hop in flight. */
export interface HopAbort {
  onAbort: (abort: (error: OutboundError) => void) => void;
}

const headersOf = (message: http.IncomingMessage) => {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
};

const networkError = (error: NodeJS.ErrnoException, url: string): OutboundError => {
  if (error instanceof OutboundError) return error;
  if (error.code === 'ECONNREFUSED')
    return new OutboundError(
      'connection-refused',
      `Connection refused by ${new URL(url).host}`,
      url
    );
  return new OutboundError('network', error.message || String(error.code ?? error), url);
};

/** Sends one hop to the addresses the guard checked, reading the answer within `limits`. */
export const sendHop = (
  { target, addresses }: CheckedTarget,
  hop: RequestHop,
  limits: HopLimits,
  signal: HopAbort,
  userAgent: string
) =>
  new Promise<HopAnswer>((resolvePromise, reject) => {
    const url = target.url.href;
    const transport = target.protocol === 'https:' ? https : http;
    let settled = false;
    let request: http.ClientRequest;
    try {
      request = transport.request({
        protocol: target.protocol,
        host: target.host,
        port: target.port,
        path: `${target.url.pathname}${target.url.search}`,
        method: hop.method,
        headers: {
          'user-agent': userAgent,
          ...hop.headers,
          host: target.url.host,
          ...(hop.body ? { 'content-length': String(hop.body.length) } : {}),
        },
        agent: false,
        // IP literals connect as they are; names connect to the checked addresses only.
        ...(target.literal ? {} : { lookup: pinnedLookup(addresses), servername: target.host }),
      });
    } catch (error) {
      // A header value Node will not send, for one.
      reject(new OutboundError('network', (error as Error).message, url));
      return;
    }
    const fail = (error: OutboundError) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      reject(error);
      request.destroy();
    };
    const connectTimer = setTimeout(
      () =>
        fail(
          new OutboundError(
            'timeout',
            `No connection to ${target.url.host} within ${limits.connectTimeoutMs} ms`,
            url
          )
        ),
      limits.connectTimeoutMs
    );
    request.on('socket', (socket) => {
      socket.once(target.protocol === 'https:' ? 'secureConnect' : 'connect', () =>
        clearTimeout(connectTimer)
      );
    });
    signal.onAbort(fail);
    if (limits.onSent) request.on('finish', limits.onSent);
    request.on('error', (error) => fail(networkError(error, url)));
    request.on('response', (response) => {
      clearTimeout(connectTimer);
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      const finish = () => {
        if (settled) return;
        settled = true;
        resolvePromise({
          status: response.statusCode ?? 0,
          headers: headersOf(response),
          body: Buffer.concat(chunks, size),
          truncated,
        });
      };
      response.on('data', (chunk: Buffer) => {
        if (settled) return;
        const room = limits.maxBytes - size;
        if (chunk.length > room) {
          chunks.push(chunk.subarray(0, room));
          size += room;
          truncated = true;
        } else {
          chunks.push(chunk);
          size += chunk.length;
        }
        const stop = truncated || (limits.stopWhen?.(Buffer.concat(chunks, size)) ?? false);
        if (stop) {
          truncated = truncated || !response.complete;
          finish();
          request.destroy();
        }
      });
      response.on('end', finish);
      response.on('error', (error) => fail(networkError(error, url)));
      response.on('aborted', () =>
        fail(
          new OutboundError(
            'network',
            `The connection to ${target.url.host} closed mid-answer`,
            url
          )
        )
      );
    });
    request.end(hop.body);
  });
