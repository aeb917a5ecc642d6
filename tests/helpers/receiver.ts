import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

type Reply = { status: number; headers?: Record<string, string>; delayMs?: number; body?: string };

/**
 * A webhook receiver on loopback (127.0.0.1 unless another 127.x address is
 * given) that records every request and answers from a script of replies
 * (the last one repeats).
 */
export const startReceiver = async (
  replies: Reply[] = [{ status: 200 }],
  port = 0,
  host = '127.0.0.1'
) => {
  const received: ReceivedRequest[] = [];
  const script = [...replies];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      });
      const reply = script.length > 1 ? script.shift()! : script[0];
      const answer = () => {
        res.writeHead(reply.status, reply.headers ?? {});
        res.end(reply.body ?? '');
      };
      if (reply.delayMs) setTimeout(answer, reply.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}/hook`,
    port: address.port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

/** Waits until `condition` holds, polling; fails with `what` after `timeoutMs`. */
export const waitFor = async (
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 20_000
) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out waiting for ${what}`);
};

/** A free loopback port nobody listens on (for a receiver that is down). */
export const closedPort = async () => {
  const receiver = await startReceiver();
  const { port } = receiver;
  await receiver.close();
  return port;
};
