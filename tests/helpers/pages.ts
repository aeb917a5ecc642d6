import http from 'node:http';
import type { AddressInfo } from 'node:net';

type Page = (req: http.IncomingMessage, res: http.ServerResponse, site: PageSite) => void;

export interface PageSite {
  origin: string;
  port: number;
  /** Bytes the server managed to hand to each path's connection, by path. */
  sent: Map<string, number>;
  /** Requests received, by path. */
  hits: Map<string, number>;
  close: () => Promise<void>;
}

/** A website on loopback serving `pages` by path (404 otherwise), for unfurl to read. */
export const startPageSite = async (pages: Record<string, Page>): Promise<PageSite> => {
  const site = { sent: new Map<string, number>(), hits: new Map<string, number>() } as PageSite;
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    site.hits.set(path, (site.hits.get(path) ?? 0) + 1);
    const page = pages[path];
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    page(req, res, site);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  site.port = port;
  site.origin = `http://127.0.0.1:${port}`;
  site.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return site;
};

/** A page answering `body` (a string as UTF-8, or bytes) with `contentType`. */
export const serve =
  (body: string | Buffer, contentType = 'text/html; charset=utf-8'): Page =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': contentType }).end(body);
  };

/** An HTML document with `head` and `body`. */
export const htmlPage = (head: string, body = '<p>Text</p>') =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

/**
 * A page of `totalBytes` streamed with backpressure: it starts a head that
 * never names a title and pads it, counting what the client let it send.
 */
export const hugePage =
  (totalBytes: number): Page =>
  (req, res, site) => {
    const path = (req.url ?? '/').split('?')[0];
    const chunk = Buffer.from(`<!-- ${'x'.repeat(64 * 1024 - 9)} -->`);
    let written = 0;
    site.sent.set(path, 0);
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(totalBytes) });
    const pump = () => {
      while (written < totalBytes) {
        const piece = chunk.subarray(0, Math.min(chunk.length, totalBytes - written));
        written += piece.length;
        site.sent.set(path, written);
        if (!res.write(piece)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    res.on('close', () => res.removeAllListeners('drain'));
    res.write('<html><head>');
    pump();
  };

/** A page that sends the start of its head and then nothing, never finishing. */
export const neverEndingPage: Page = (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html' });
  res.write('<html><head><meta name="author" content="Slow">');
};

/** A redirect to `location`. */
export const redirectTo =
  (location: string, status = 302): Page =>
  (_req, res) => {
    res.writeHead(status, { location }).end();
  };
