/** How politely one host is treated: requests at once, and the gap between two of them. */
export interface HostPolicy {
  maxConcurrent: number;
  intervalMs: number;
}

export interface HostState {
  inFlight: number;
  /** Requests started but not yet written to their connection: until they leave, nobody knows when the next may. */
  unsent: number;
  /** When the latest request to the host left (was written to its connection). */
  lastSentAt: number | null;
  /** Not before this time (a Retry-After the host sent). */
  notBefore: number;
}

export const IDLE_HOST: HostState = { inFlight: 0, unsent: 0, lastSentAt: null, notBefore: 0 };

export type PacingDecision = { go: true } | { go: false; waitMs: number | null };

/**
 * Whether a request to a host may start now, and if not how long to wait
 * (null: until one of its requests leaves or ends). The interval counts from
 * when the previous request left, not when it started: a request that stalls
 * between the two would otherwise reach the host too soon after the one before.
 */
export const mayStart = (host: HostState, now: number, policy: HostPolicy): PacingDecision => {
  if (host.inFlight >= policy.maxConcurrent || host.unsent > 0) return { go: false, waitMs: null };
  const earliest = Math.max(
    host.notBefore,
    host.lastSentAt === null ? 0 : host.lastSentAt + policy.intervalMs
  );
  return earliest <= now ? { go: true } : { go: false, waitMs: earliest - now };
};

/** When the host may get its next request, as far as the interval goes (`now` if it may already). */
export const quietAt = (host: HostState, now: number, policy: HostPolicy) =>
  Math.max(now, host.lastSentAt === null ? now : host.lastSentAt + policy.intervalMs);

export const started = (host: HostState): HostState => ({
  ...host,
  inFlight: host.inFlight + 1,
  unsent: host.unsent + 1,
});

/** A request was written to its connection. */
export const sent = (host: HostState, now: number): HostState => ({
  ...host,
  unsent: Math.max(0, host.unsent - 1),
  lastSentAt: Math.max(host.lastSentAt ?? now, now),
});

/**
 * A request ended; `retryAfterMs` is how long the host asked us to leave it
 * alone. One that ended without `sent` may still have reached the host as it
 * failed, so it counts as sent now.
 */
export const finished = (
  host: HostState,
  now: number,
  { wasSent, retryAfterMs }: { wasSent: boolean; retryAfterMs?: number }
): HostState => {
  const settled = wasSent ? host : sent(host, now);
  return {
    ...settled,
    inFlight: Math.max(0, settled.inFlight - 1),
    notBefore:
      retryAfterMs === undefined
        ? settled.notBefore
        : Math.max(settled.notBefore, now + retryAfterMs),
  };
};

/** The key requests are paced by: the host name with its port, lower-cased. */
export const hostKey = (url: string) => {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
};

/**
 * Whether to ask again after a 429 or 503 that named a Retry-After: once, and
 * only when the wait fits in what a run is willing to wait for one host.
 */
export const retryAfterWait = (
  status: number | undefined,
  retryAfterMs: number | undefined,
  attempt: number,
  maxWaitMs: number
): number | null => {
  if (status !== 429 && status !== 503) return null;
  if (retryAfterMs === undefined || attempt > 1 || retryAfterMs > maxWaitMs) return null;
  return retryAfterMs;
};

/**
 * The links in an order that alternates hosts, so that workers checking in
 * parallel spread over many hosts instead of queueing behind one.
 */
export const interleaveByHost = <Link extends { url: string }>(links: Link[]): Link[] => {
  const byHost = new Map<string, Link[]>();
  for (const link of links) {
    const key = hostKey(link.url);
    const queue = byHost.get(key);
    if (queue) queue.push(link);
    else byHost.set(key, [link]);
  }
  const queues = [...byHost.values()];
  const order: Link[] = [];
  for (let round = 0; order.length < links.length; round += 1) {
    for (const queue of queues) if (round < queue.length) order.push(queue[round]);
  }
  return order;
};
