import {
  MAX_REDIRECTS,
  nextHop,
  parseAllowlist,
  REDIRECT_STATUSES,
  type RequestHop,
} from '../core/outbound';
import { OutboundError } from './errors';
import { createGuard, systemResolver, type Resolver } from './guard';
import { sendHop, type HopAbort, type HopAnswer } from './send';

/**
 * The plugin's one way out: every request to a URL someone typed in (build
 * hooks, page captures, link checks) goes through an outbound client.
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

/** The answer: status, headers (lower-case names, repeats joined with ", "), the body read and whether it was cut short. */
export interface OutboundResponse extends HopAnswer {
  /** The URL that gave this response, after redirects. */
  url: string;
  /** Every redirect followed, in order: the URL that answered and its status. */
  redirects: Array<{ url: string; status: number }>;
}

export interface OutboundClientOptions {
  /** `outbound.allow` entries: hosts, IPs, CIDR ranges, each with an optional :port. */
  allow?: readonly string[];
  lookup?: Resolver;
  timeoutMs?: number;
  connectTimeoutMs?: number;
  maxBytes?: number;
  userAgent?: string;
}

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
  const checkUrl = createGuard(rules, lookup);

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
      const signal: HopAbort = { onAbort: (callback) => (abort = callback) };
      const inTime = <T>(work: Promise<T>) => Promise.race([work, deadline]);

      try {
        const redirects: OutboundResponse['redirects'] = [];
        let hop: RequestHop = {
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
          const answer = await inTime(sendHop(checked, hop, limits, signal, userAgent));
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

export type OutboundClient = ReturnType<typeof createOutboundClient>;
