import { Worker } from 'node:worker_threads';

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

/**
 * Answers a request: `count` is how many requests this path had before it.
 * A function route runs in the site's own thread, so it may use its argument only.
 */
export type Route = SiteReply | ((request: { method: string; count: number }) => SiteReply);

// The server runs in a thread of its own, so that arrival times are taken when requests arrive,
// not when the app's busy event loop gets round to reading them.
const SERVER = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const routes = Object.fromEntries(
  Object.entries(workerData.routes).map(([path, route]) => [path, route.source ? (0, eval)('(' + route.source + ')') : route.reply])
);
const counts = new Map();
let open = 0;
const server = http.createServer((req, res) => {
  open += 1;
  res.on('close', () => (open -= 1));
  const path = req.url ?? '/';
  parentPort.postMessage({ request: { method: req.method ?? 'GET', path, userAgent: String(req.headers['user-agent'] ?? ''), at: Date.now(), open } });
  const route = routes[path] ?? { status: 404 };
  const count = counts.get(path) ?? 0;
  counts.set(path, count + 1);
  const reply = typeof route === 'function' ? route({ method: req.method ?? 'GET', count }) : route;
  const answer = () => {
    if (res.destroyed) return; // the client went away before the answer
    res.writeHead(reply.status, { 'content-type': 'text/html', ...reply.headers });
    res.end(req.method === 'HEAD' ? undefined : reply.body ?? '<html><title>page</title></html>');
  };
  req.resume();
  if (reply.delayMs) setTimeout(answer, reply.delayMs);
  else answer();
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', () => {
  server.closeAllConnections();
  server.close(() => parentPort.postMessage({ closed: true }));
});
`;

/**
 * A web site on loopback for the link checker: scripted answers per path
 * (404 for unknown paths) and a log of every request with its arrival time
 * and the number of requests open at that moment.
 */
export const startSite = async (routes: Record<string, Route>) => {
  const log: SiteRequest[] = [];
  const worker = new Worker(SERVER, {
    eval: true,
    workerData: {
      routes: Object.fromEntries(
        Object.entries(routes).map(([path, route]) => [
          path,
          typeof route === 'function' ? { source: route.toString() } : { reply: route },
        ])
      ),
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (message: { port?: number; request?: SiteRequest }) => {
      if (message.port) resolve(message.port);
      if (message.request) log.push(message.request);
    });
  });
  const origin = `http://127.0.0.1:${port}`;
  let closing: Promise<void> | undefined;
  return {
    origin,
    url: (path: string) => `${origin}${path}`,
    log,
    requestsTo: (path: string) => log.filter((request) => request.path === path),
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        worker.on('message', (message: { closed?: boolean }) => message.closed && resolve());
        worker.postMessage('close');
      }).then(() => worker.terminate().then(() => undefined))),
  };
};

export type Site = Awaited<ReturnType<typeof startSite>>;

/** The shortest gap between two consecutive arrivals in a log, and the most requests open at once. */
export const pacingOf = (log: SiteRequest[]) => {
  const times = log.map((request) => request.at).sort((a, b) => a - b);
  const gaps = times.slice(1).map((at, i) => at - times[i]);
  return {
    minGapMs: gaps.length ? Math.min(...gaps) : Infinity,
    maxOpen: Math.max(0, ...log.map((request) => request.open)),
  };
};
