import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SiteRequest {
  method: string;
  path: string;
  userAgent: string;
  /** When the request arrived, and how many of this site's requests were open then (itself included). */
  at: number;
  open: number;
}

export interface SiteReply {
  status: number;
  headers?: Record<string, string>;
  delayMs?: number;
  body?: string;
}

/** Answers a request: `count` is how many requests this path had before it. */
export type Route = SiteReply | ((request: { method: string; count: number }) => SiteReply);

/**
 * A web site on loopback for the link checker: scripted answers per path
 * (404 for unknown paths) and a log of every request with its arrival time
 * and the number of requests open at that moment.
 */
export const startSite = async (routes: Record<string, Route>) => {
  const log: SiteRequest[] = [];
  const counts = new Map<string, number>();
  let open = 0;
  const server = http.createServer((req, res) => {
    open += 1;
    const path = req.url ?? '/';
    log.push({ method: req.method ?? 'GET', path, userAgent: String(req.headers['user-agent'] ?? ''), at: Date.now(), open });
    const route = routes[path] ?? { status: 404 };
    const count = counts.get(path) ?? 0;
    counts.set(path, count + 1);
    const reply = typeof route === 'function' ? route({ method: req.method ?? 'GET', count }) : route;
    const answer = () => {
      res.on('close', () => (open -= 1));
      res.writeHead(reply.status, { 'content-type': 'text/html', ...reply.headers });
      res.end(req.method === 'HEAD' ? undefined : reply.body ?? '<html><title>page</title></html>');
    };
    req.resume();
    if (reply.delayMs) setTimeout(answer, reply.delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path: string) => `${origin}${path}`,
    log,
    requestsTo: (path: string) => log.filter((request) => request.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

export type Site = Awaited<ReturnType<typeof startSite>>;

/** The shortest gap between two consecutive arrivals in a log, and the most requests open at once. */
export const pacingOf = (log: SiteRequest[]) => {
  const times = log.map((request) => request.at).sort((a, b) => a - b);
  const gaps = times.slice(1).map((at, i) => at - times[i]);
  return { minGapMs: gaps.length ? Math.min(...gaps) : Infinity, maxOpen: Math.max(0, ...log.map((request) => request.open)) };
};
