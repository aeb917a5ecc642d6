import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRoundup {
  documentId: string;
  slug: string;
  date: string;
  body: string;
  published: boolean;
}

/** How the next matching request is answered instead of the usual way. */
export type Fault =
  { status: number; body?: string; type?: string } | { hang: true } | { halfBody: true };

/**
 * A scripted stand-in for the app's public routes on loopback, speaking the
 * changes feed's protocol (opaque cursor, pages, tombstones, versions) and
 * /rendered with ETags, so the pull command's tests can make it fail in every
 * way a real server or network can. The real app's answers are covered by
 * tests/api/changes.test.ts and the real site builds.
 */
export const startChangesServer = async () => {
  const roundups = new Map<string, FakeRoundup>();
  /** The log: documentIds in the order of their latest change, as the app keeps it. */
  let log: { documentId: string; seq: number; slug: string; date: string; published: boolean }[] =
    [];
  let seq = 0;
  const requests: string[] = [];
  const authorizations: (string | undefined)[] = [];
  const faults: { match: RegExp; fault: Fault }[] = [];
  let pageSize = 2;

  const change = (roundup: FakeRoundup) => {
    roundups.set(roundup.documentId, { ...roundup });
    seq += 1;
    log = log.filter((row) => row.documentId !== roundup.documentId);
    log.push({
      documentId: roundup.documentId,
      seq,
      slug: roundup.slug,
      date: roundup.date,
      published: roundup.published,
    });
  };

  const etagOf = (body: string) =>
    `"${createHash('sha256').update(body).digest('base64url').slice(0, 20)}"`;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    authorizations.push(req.headers.authorization);
    const fault = faults.find((f) => f.match.test(url.pathname + url.search));
    if (fault) {
      faults.splice(faults.indexOf(fault), 1);
      if ('hang' in fault.fault) return;
      if ('halfBody' in fault.fault) {
        res.writeHead(200, {
          'content-type': 'text/markdown; charset=utf-8',
          'content-length': '1000',
        });
        res.write('---\ntitle: half');
        // The connection drops a moment later, the answer unfinished.
        setTimeout(() => res.socket?.destroy(), 300);
        return;
      }
      res.writeHead(fault.fault.status, { 'content-type': fault.fault.type ?? 'application/json' });
      res.end(
        fault.fault.body ??
          JSON.stringify({
            data: null,
            error: {
              status: fault.fault.status,
              name: 'Error',
              message: 'scripted failure',
              details: {},
            },
          })
      );
      return;
    }
    if (url.pathname === '/api/roundup/changes') {
      const since = url.searchParams.get('since');
      const after = since === null ? 0 : Number(since.slice(1));
      const rows = log.filter((row) => row.seq > after && (since !== null || row.published));
      const shown = rows.slice(0, pageSize);
      const last = shown.length ? shown[shown.length - 1].seq : after;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          data: shown.map((row) => ({
            documentId: row.documentId,
            state: row.published ? 'published' : 'removed',
            slug: row.slug,
            date: row.date,
            version: String(row.seq),
            updatedAt: new Date(0).toISOString(),
          })),
          meta: {
            nextCursor: `c${rows.length > pageSize ? last : Math.max(last, since === null ? seq : after)}`,
            hasMore: rows.length > pageSize,
          },
        })
      );
      return;
    }
    const rendered = /^\/api\/roundup\/roundups\/([^/]+)\/rendered$/.exec(url.pathname);
    const roundup =
      rendered &&
      [...roundups.values()].find((r) => r.published && r.slug === decodeURIComponent(rendered[1]));
    if (!roundup) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          data: null,
          error: {
            status: 404,
            name: 'NotFoundError',
            message: 'No published roundup',
            details: {},
          },
        })
      );
      return;
    }
    const etag = etagOf(roundup.body);
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8', etag });
    res.end(roundup.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    authorizations,
    /** Publishes (or changes) a roundup; `published: false` unpublishes it. */
    change,
    /** A change of the log only, its output the same bytes (a section rename it does not show). */
    touch: (documentId: string) => change(roundups.get(documentId)!),
    fail: (match: RegExp, fault: Fault) => faults.push({ match, fault }),
    clearFaults: () => faults.splice(0),
    set pageSize(size: number) {
      pageSize = size;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
