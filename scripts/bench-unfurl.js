'use strict';
/**
 * The figure behind the unfurl size cap: how long unfurling a 50 MB page with no title takes
 * when the outbound client stops reading at the 1 MiB cap, and how much the page could send
 * before the client hung up. The page is served on loopback; the client and unfurl are the
 * plugin's own, compiled by `npm run bench` into .tmp/bench/server.
 */
const http = require('node:http');
const path = require('node:path');

const MIB = 1024 * 1024;
const PAGE_BYTES = 50 * MIB;

/** A page that opens its head and then sends comments up to PAGE_BYTES; `sent()` says how far it got. */
const startHugePage = async () => {
  let sent = 0;
  const chunk = Buffer.from(`<!-- ${'x'.repeat(64 * 1024 - 9)} -->`);
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(PAGE_BYTES) });
    res.write('<html><head>');
    const pump = () => {
      while (sent < PAGE_BYTES) {
        const piece = chunk.subarray(0, Math.min(chunk.length, PAGE_BYTES - sent));
        sent += piece.length;
        if (!res.write(piece)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    res.on('close', () => res.removeAllListeners('drain'));
    pump();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    sent: () => sent,
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
};

/** Unfurls the huge page once with the default limits; milliseconds, MiB sent, and the reason given. */
const timeHugeUnfurl = async (root) => {
  const compiled = path.join(root, '.tmp/bench/server/server/src');
  const { createOutboundClient } = require(path.join(compiled, 'outbound'));
  const { unfurl } = require(path.join(compiled, 'core/unfurl/unfurl'));
  const page = await startHugePage();
  try {
    const client = createOutboundClient({ allow: [`127.0.0.1:${page.port}`] });
    const started = process.hrtime.bigint();
    const outcome = await unfurl(`http://127.0.0.1:${page.port}/huge`, client.request, {
      timeoutMs: 8000,
      maxBytes: MIB,
      maxRedirects: 5,
    });
    return {
      ms: Number(process.hrtime.bigint() - started) / 1e6,
      sentMiB: page.sent() / MIB,
      reason: outcome.ok ? 'found a title' : outcome.reason,
    };
  } finally {
    await page.stop();
  }
};

module.exports = { timeHugeUnfurl };
