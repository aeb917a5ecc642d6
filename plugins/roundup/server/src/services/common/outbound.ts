import { promises as dns } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Core } from '@strapi/strapi';
import {
  checkResolved,
  checkTarget,
  isLocalhost,
  LOCALHOST_ADDRESSES,
  parseAllowlist,
  type OutboundErrorCode,
  type Target,
} from '../../core/outbound';
import { getPluginConfig } from '../../utils/config';

/**
 * The plugin's one way out: every request to a URL someone typed in (build
 * hooks, page captures, link checks) goes through here.
 *
 * Before any byte is sent a request is refused (OutboundError, code
 * `refused`, the message naming the reason) when its URL is not http(s),
 * holds credentials, uses a port other than 80/443, or its host is, or
 * resolves to, an address that is not global unicast — unless an
 * `outbound.allow` entry permits the host, address or range (and port).
 * The connection then goes to exactly the addresses that were checked (the
 * socket's `lookup` answers with them), so a name that resolves once to a
 * public and then to a private address cannot slip through. Redirects are
 * followed only when asked (`maxRedirects`, at most 5), each hop checked the
 * same way. A connect timeout, a total timeout and a body size cap apply to
 * every request.
 *
 * ```ts
 * const outbound = getPluginService(strapi, 'outbound');
 * const page = await outbound.request('https://example.com/post', {
 *   maxRedirects: 5,
 *   maxBytes: 512 * 1024,
 *   stopWhen: (received) => received.includes('</head>'),
 * });
 * // page.status, page.headers (lower-case names), page.body (Buffer),
 * // page.truncated, page.url (after redirects), page.redirects
 * await outbound.check(url); // resolves and classifies without sending; throws OutboundError
 * ```
 *
 * Tests build a client of their own with a stubbed resolver:
 * `createOutboundClient({ allow: ['127.0.0.1:4000'], lookup: async (host) => [...] })`.
 */

export type { OutboundErrorCode };

export class OutboundError extends Error {
  constructor(
    readonly code: OutboundErrorCode,
    message: string,
    /** The URL of the request (or redirect hop) that failed. */
    readonly url: string
  ) {
    super(message);
    this.name = 'OutboundError';
  }
}

export interface OutboundRequestOptions {
  /** Default GET. */
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The whole request, redirects and body included; default outbound.timeoutMs. */
  timeoutMs?: number;
  /** Until each connection is established; default outbound.connectTimeoutMs. */
  connectTimeoutMs?: number;
  /** The body is read no further than this (`truncated: true`); default outbound.maxBytes. */
  maxBytes?: number;
  /** 0 (default): a 3xx is returned as it is. At most 5; every hop is checked again. */
  maxRedirects?: number;
  /** Called with the body received so far after each chunk; true stops reading. */
  stopWhen?: (received: Buffer) => boolean;
  /** Called each time a request (or redirect hop) has been written to its connection. */
  onSent?: () => void;
}

export interface OutboundResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
  /** Whether reading stopped before the end of the body (maxBytes or stopWhen). */
  truncated: boolean;
  /** The URL that gave this response, after redirects. */
  url: string;
  /** Every redirect followed, in order: the URL that answered and its status. */
  redirects: Array<{ url: string; status: number }>;
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all its addresses; tests pass a stub. */
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

export interface OutboundClientOptions {
  /** `outbound.allow` entries: hosts, IPs, CIDR ranges, each with an optional :port. */
  allow?: readonly string[];
  lookup?: Resolver;
  timeoutMs?: number;
  connectTimeoutMs?: number;
  maxBytes?: number;
  userAgent?: string;
}

export const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// Headers that must not follow a redirect to another origin.
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

const systemResolver: Resolver = async (host) =>
  (await dns.lookup(host, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

interface CheckedTarget {
  target: Target;
  /** Where to connect: the checked addresses (empty for an IP literal, which needs no lookup). */
  addresses: ResolvedAddress[];
}

/** A socket `lookup` that answers with the checked addresses only, never asking DNS again. */
const pinnedLookup =
  (addresses: ResolvedAddress[]): LookupFunction =>
  (hostname, options, callback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    const usable = addresses.filter((entry) => !family || entry.family === family);
    if (usable.length === 0) {
      const error = Object.assign(
        new Error(`No checked ${family ? `IPv${family} ` : ''}address for ${hostname}`),
        {
          code: 'ENOTFOUND',
        }
      );
      (callback as (error: Error) => void)(error);
    } else if (options.all) {
      (callback as any)(null, usable);
    } else {
      callback(null, usable[0].address, usable[0].family);
    }
  };

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

/** An outbound client with its own allowlist, resolver and limits (the service wraps one). */
export const createOutboundClient = ({
  allow = [],
  lookup = systemResolver,
  timeoutMs: defaultTimeoutMs = 10_000,
  connectTimeoutMs: defaultConnectTimeoutMs = 5_000,
  maxBytes: defaultMaxBytes = 1024 * 1024,
  userAgent = 'strapi-plugin-roundup',
}: OutboundClientOptions = {}) => {
  const { rules, problems } = parseAllowlist(allow);
  if (problems.length) {
    throw new Error(problems.map((p) => `outbound.allow.${p.index}: ${p.message}`).join('; '));
  }

  const resolve = async (target: Target, url: string): Promise<ResolvedAddress[]> => {
    if (isLocalhost(target)) return LOCALHOST_ADDRESSES;
    try {
      return await lookup(target.host);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        code === 'ENOTFOUND' || code === 'ENODATA'
          ? 'does not resolve'
          : `could not be resolved (${code ?? String(error)})`;
      throw new OutboundError('dns', `${target.host} ${reason}`, url);
    }
  };

  /** Checks a URL and resolves its host; throws OutboundError when refused. */
  const checkUrl = async (url: string): Promise<CheckedTarget> => {
    const checked = checkTarget(url, rules);
    if (!checked.ok) throw new OutboundError('refused', checked.reason, url);
    const { target } = checked;
    if (target.literal) return { target, addresses: [] };
    const addresses = await resolve(target, url);
    const refusal = checkResolved(
      target,
      addresses.map((entry) => entry.address),
      rules
    );
    if (refusal) throw new OutboundError('refused', refusal, url);
    return { target, addresses };
  };

  interface Hop {
    method: string;
    headers: Record<string, string>;
    body?: Buffer;
  }

  const sendOnce = (
    { target, addresses }: CheckedTarget,
    hop: Hop,
    limits: {
      connectTimeoutMs: number;
      maxBytes: number;
      stopWhen?: (received: Buffer) => boolean;
      onSent?: () => void;
    },
    signal: { onAbort: (abort: (error: OutboundError) => void) => void }
  ) =>
    new Promise<{
      status: number;
      headers: Record<string, string>;
      body: Buffer;
      truncated: boolean;
    }>((resolvePromise, reject) => {
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

  return {
    /** Whether `url` may be requested: resolves and classifies without sending; throws OutboundError. */
    async check(url: string): Promise<void> {
      await checkUrl(url);
    },

    async request(url: string, options: OutboundRequestOptions = {}): Promise<OutboundResponse> {
      const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
      const limits = {
        connectTimeoutMs: options.connectTimeoutMs ?? defaultConnectTimeoutMs,
        maxBytes: options.maxBytes ?? defaultMaxBytes,
        stopWhen: options.stopWhen,
        onSent: options.onSent,
      };
      const maxRedirects = Math.max(0, Math.min(MAX_REDIRECTS, options.maxRedirects ?? 0));
      let current = url;
      let abort: ((error: OutboundError) => void) | null = null;
      let timer: NodeJS.Timeout | undefined;
      // One deadline for everything: lookups, connections, redirects and bodies.
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const error = new OutboundError(
            'timeout',
            `No complete answer from ${current} within ${timeoutMs} ms`,
            current
          );
          abort?.(error);
          reject(error);
        }, timeoutMs);
      });
      deadline.catch(() => undefined);
      const signal = { onAbort: (callback: (error: OutboundError) => void) => (abort = callback) };
      const inTime = <T>(work: Promise<T>) => Promise.race([work, deadline]);

      try {
        const redirects: OutboundResponse['redirects'] = [];
        let hop: Hop = {
          method: (options.method ?? 'GET').toUpperCase(),
          headers: Object.fromEntries(
            Object.entries(options.headers ?? {}).filter(
              ([name]) => !['host', 'content-length'].includes(name.toLowerCase())
            )
          ),
          body: options.body === undefined ? undefined : Buffer.from(options.body),
        };
        let checked = await inTime(checkUrl(current));
        for (;;) {
          const answer = await inTime(sendOnce(checked, hop, limits, signal));
          const location = answer.headers.location;
          if (!REDIRECT_STATUSES.has(answer.status) || !location || maxRedirects === 0) {
            return { ...answer, url: current, redirects };
          }
          if (redirects.length >= maxRedirects) {
            throw new OutboundError(
              'too-many-redirects',
              `More than ${maxRedirects} redirects, the last to ${location}`,
              current
            );
          }
          let next: URL;
          try {
            next = new URL(location, current);
          } catch {
            throw new OutboundError(
              'refused',
              `redirected to ${location}, which is not a URL`,
              current
            );
          }
          redirects.push({ url: current, status: answer.status });
          hop = nextHop(hop, answer.status, new URL(current).origin === next.origin);
          try {
            checked = await inTime(checkUrl(next.href));
          } catch (error) {
            if (error instanceof OutboundError && error.code === 'refused') {
              throw new OutboundError(
                'refused',
                `redirected to ${next.href}, which ${error.message}`,
                next.href
              );
            }
            throw error;
          }
          current = next.href;
        }
      } finally {
        clearTimeout(timer);
      }
    },
  };
};

/** The request a redirect asks for: GET without a body after 303 (and 301/302 of a POST); credentials stay at their origin. */
const nextHop = (
  hop: { method: string; headers: Record<string, string>; body?: Buffer },
  status: number,
  sameOrigin: boolean
) => {
  const toGet =
    status === 303
      ? hop.method !== 'HEAD'
      : (status === 301 || status === 302) && hop.method === 'POST';
  const headers = Object.fromEntries(
    Object.entries(hop.headers).filter(([name]) => {
      const lower = name.toLowerCase();
      if (!sameOrigin && CREDENTIAL_HEADERS.includes(lower)) return false;
      return !(toGet && (lower === 'content-type' || lower.startsWith('content-')));
    })
  );
  return toGet ? { method: 'GET', headers, body: undefined } : { ...hop, headers };
};

export type OutboundClient = ReturnType<typeof createOutboundClient>;

/** The service `outbound`: a client built from the plugin's `outbound` config. */
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
