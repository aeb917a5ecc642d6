import type { Core } from '@strapi/strapi';
import {
  CHECK_MAX_REDIRECTS,
  finished,
  hostKey,
  IDLE_HOST,
  mayStart,
  needsGetAfterHead,
  quietAt,
  retryAfterWait,
  sent,
  started,
  stepAfter,
  type CheckOutcome,
  type HostState,
  type RedirectHop,
  type RequestErrorCode,
} from '../../core/link-health';
import { parseRetryAfter } from '../../core/webhooks';
import { OutboundError } from '../../outbound';
import { getPluginConfig } from '../../utils/config';
import { getPluginService } from '../../utils/get-service';

const MAX_PER_HOST = 2;
const BODY_BYTES = 16 * 1024;

/** Thrown into a check in progress when the checker stops. */
export class Stopped extends Error {}

interface CheckResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * How the link checker asks a URL: through the guarded outbound client, one
 * hop at a time (HEAD, then GET when HEAD fails, once more after a short
 * Retry-After), each request paced per host, redirects followed here so that
 * each hop is paced and recorded. `isStopping` ends waits and checks early.
 */
export const createLinkFetcher = (strapi: Core.Strapi, isStopping: () => boolean) => {
  const hosts = new Map<string, HostState>();
  const waiting = new Set<() => void>();

  const config = () => getPluginConfig(strapi).linkCheck;
  const pacing = () => ({ maxConcurrent: MAX_PER_HOST, intervalMs: config().hostIntervalMs });
  const userAgent = () => {
    const { contactUrl } = config();
    return `strapi-plugin-roundup-linkcheck/1.0 (+${contactUrl ?? getPluginConfig(strapi).feed.siteUrl})`;
  };

  /** Sleeps `ms` (or until woken, when null); stopping wakes every sleeper. */
  const sleep = (ms: number | null) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        if (timer) clearTimeout(timer);
        waiting.delete(wake);
        resolve();
      };
      const timer = ms === null ? null : setTimeout(wake, ms);
      waiting.add(wake);
    });
  const wakeAll = () => [...waiting].forEach((wake) => wake());

  /** One request, no redirect followed; anything but an OutboundError becomes a network error. */
  const request = async (
    url: string,
    method: 'HEAD' | 'GET',
    onSent: () => void
  ): Promise<CheckResponse> => {
    try {
      const { status, headers, body } = await getPluginService(strapi, 'outbound').request(url, {
        method,
        headers: { 'user-agent': userAgent(), accept: '*/*' },
        timeoutMs: config().timeoutMs,
        maxBytes: method === 'GET' ? BODY_BYTES : 1024,
        maxRedirects: 0,
        onSent,
      });
      return { status, headers, body };
    } catch (error) {
      if (error instanceof OutboundError) throw error;
      throw new OutboundError('network', String((error as Error)?.message ?? error), url);
    }
  };

  /** Sends one request once its host's pacing allows, and records what the host asked for. */
  const paced = async (url: string, method: 'HEAD' | 'GET'): Promise<CheckResponse> => {
    const key = hostKey(url);
    const host = () => hosts.get(key) ?? IDLE_HOST;
    for (;;) {
      if (isStopping()) throw new Stopped();
      const decision = mayStart(host(), Date.now(), pacing());
      if (decision.go) break;
      await sleep(decision.waitMs);
    }
    hosts.set(key, started(host()));
    let wasSent = false;
    let retryAfterMs: number | undefined;
    try {
      const response = await request(url, method, () => {
        if (wasSent) return;
        wasSent = true;
        hosts.set(key, sent(host(), Date.now()));
        wakeAll();
      });
      if (response.status === 429 || response.status === 503) {
        retryAfterMs = parseRetryAfter(response.headers['retry-after'], Date.now());
      }
      return response;
    } finally {
      hosts.set(key, finished(host(), Date.now(), { wasSent, retryAfterMs }));
      wakeAll();
    }
  };

  /** One URL's answer: HEAD, then GET when HEAD fails, and once more after a short Retry-After. */
  const ask = async (url: string): Promise<CheckResponse | { error: RequestErrorCode }> => {
    let method: 'HEAD' | 'GET' = 'HEAD';
    let retried = 0;
    for (;;) {
      let response: CheckResponse;
      try {
        response = await paced(url, method);
      } catch (failure) {
        if (failure instanceof Stopped) throw failure;
        const code = failure instanceof OutboundError ? failure.code : 'network';
        if (method === 'HEAD' && needsGetAfterHead(undefined, code)) {
          method = 'GET';
          continue;
        }
        return { error: code };
      }
      const retryAfterMs = parseRetryAfter(response.headers['retry-after'], Date.now());
      const { maxRetryAfterMs } = config();
      if (retryAfterWait(response.status, retryAfterMs, retried + 1, maxRetryAfterMs) !== null) {
        retried += 1; // the host's pacing now waits out the Retry-After
        continue;
      }
      if (method === 'HEAD' && needsGetAfterHead(response.status)) {
        method = 'GET';
        continue;
      }
      return response;
    }
  };

  return {
    /** Checks one URL, following redirects one hop at a time so that each hop is paced and recorded. */
    async check(url: string): Promise<CheckOutcome> {
      const redirects: RedirectHop[] = [];
      let current = url;
      for (let hop = 0; hop <= CHECK_MAX_REDIRECTS; hop += 1) {
        const answer = await ask(current);
        if ('error' in answer) return { url, finalUrl: current, redirects, error: answer.error };
        const { status, headers } = answer;
        const step = stepAfter(status, headers.location, current);
        if (step.kind === 'unreadable-location')
          return { url, finalUrl: current, redirects, status, headers };
        if (step.kind === 'refused') return { url, finalUrl: current, redirects, error: 'refused' };
        if (step.kind === 'follow') {
          redirects.push({ url: current, status });
          current = step.to;
          continue;
        }
        return {
          url,
          finalUrl: current,
          redirects,
          status,
          headers,
          bodyStart: answer.body.toString('utf8', 0, 4096),
        };
      }
      return { url, finalUrl: current, redirects, error: 'too-many-redirects' };
    },

    /** Wakes every request waiting for its host (stopping). */
    wakeAll,

    /** When every host may get its next request, so another instance can take over politely. */
    quietAt(now: number) {
      return Math.max(now, ...[...hosts.values()].map((host) => quietAt(host, now, pacing())));
    },
  };
};

export type LinkFetcher = ReturnType<typeof createLinkFetcher>;
