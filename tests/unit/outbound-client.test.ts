import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import {
  createOutboundClient,
  OutboundError,
  type ResolvedAddress,
} from '../../plugins/roundup/server/src/outbound';

/**
 * The client against servers on loopback. Every request here goes to
 * 127.0.0.0/8 at most, guard or no guard: names resolve through a stub that
 * only ever answers loopback addresses to request(), and the private and
 * public ranges are tried through check(), which resolves and classifies
 * without connecting.
 */

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const servers: http.Server[] = [];
const serve = async (
  handler: (req: http.IncomingMessage, res: http.ServerResponse, seen: Seen[]) => void,
  host = '127.0.0.1',
  port = 0
) => {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({
        method: req.method!,
        url: req.url!,
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      handler(req, res, seen);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  servers.push(server);
  const bound = (server.address() as AddressInfo).port;
  return { port: bound, seen, url: `http://${host}:${bound}` };
};
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const ok =
  (body = 'hello') =>
  (_req: http.IncomingMessage, res: http.ServerResponse) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'x-answer': 'yes' });
    res.end(body);
  };

/** A resolver answering from a table, and counting what it was asked. */
const stubResolver = (table: Record<string, string[] | (() => string[])>) => {
  const asked: string[] = [];
  const lookup = async (host: string): Promise<ResolvedAddress[]> => {
    asked.push(host);
    const entry = table[host];
    if (!entry)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return (typeof entry === 'function' ? entry() : entry).map((address) => ({
      address,
      family: address.includes(':') ? 6 : 4,
    }));
  };
  return { lookup, asked };
};

const failure = async (work: Promise<unknown>): Promise<OutboundError> => {
  try {
    await work;
  } catch (error) {
    expect(error).toBeInstanceOf(OutboundError);
    return error as OutboundError;
  }
  throw new Error('expected the request to fail');
};

const HINT = 'add it to outbound.allow to permit it';

describe('refused before a byte is sent', () => {
  it('refuses every IP notation of loopback, and bracketed IPv6, with the reason', async () => {
    const target = await serve(ok());
    const noResolver = stubResolver({});
    const client = createOutboundClient({ lookup: noResolver.lookup });
    for (const host of [
      '127.0.0.1',
      '2130706433',
      '0x7f000001',
      '0177.0.0.1',
      '0x7f.0.0.1',
      '127.1',
      '127.0.1',
      '127.0.0.1.',
    ]) {
      const error = await failure(client.request(`http://${host}:${target.port}/`));
      expect(error).toMatchObject({
        code: 'refused',
        message: `points to 127.0.0.1, a loopback address; ${HINT}`,
      });
    }
    for (const host of [
      '[::1]',
      '[::ffff:127.0.0.1]',
      '[0:0:0:0:0:ffff:7f00:1]',
      '[64:ff9b::7f00:1]',
    ]) {
      const error = await failure(client.request(`http://${host}/`));
      expect(error.code).toBe('refused');
      expect(error.message).toMatch(/, a loopback address; add it to outbound.allow to permit it$/);
    }
    expect(target.seen).toEqual([]);
    expect(noResolver.asked).toEqual([]);
  });

  it('refuses a name that resolves to loopback, and localhost names without asking the resolver', async () => {
    const { lookup, asked } = stubResolver({ 'intranet.example': ['127.0.0.1'] });
    const client = createOutboundClient({ lookup });
    expect(await failure(client.request('http://intranet.example/'))).toMatchObject({
      code: 'refused',
      message: `resolves to 127.0.0.1, a loopback address; ${HINT}`,
      url: 'http://intranet.example/',
    });
    for (const url of [
      'http://localhost/',
      'http://localhost./',
      'http://LOCALHOST/',
      'http://api.localhost/',
    ]) {
      expect(await failure(client.request(url))).toMatchObject({
        code: 'refused',
        message: `resolves to 127.0.0.1, a loopback address; ${HINT}`,
      });
    }
    expect(asked).toEqual(['intranet.example']);
  });

  it('names the private, link-local, CGNAT and IPv6 ranges a name resolves to (check, no connection)', async () => {
    const { lookup } = stubResolver({
      'private.example': ['10.0.0.5'],
      'rfc1918.example': ['172.16.4.4'],
      'home.example': ['192.168.1.10'],
      'metadata.example': ['169.254.169.254'],
      'cgnat.example': ['100.64.0.7'],
      'ula.example': ['fd00::5'],
      'linklocal6.example': ['fe80::1'],
      'mapped.example': ['::ffff:10.0.0.5'],
      'nat64.example': ['64:ff9b::a9fe:a9fe'],
      'multicast.example': ['224.0.0.1'],
      'reserved.example': ['240.0.0.1'],
      'unspecified.example': ['0.0.0.0'],
      'split.example': ['93.184.215.14', '10.0.0.5'],
    });
    const client = createOutboundClient({ lookup });
    const cases: Array<[string, string]> = [
      ['private.example', '10.0.0.5, a private address'],
      ['rfc1918.example', '172.16.4.4, a private address'],
      ['home.example', '192.168.1.10, a private address'],
      ['metadata.example', '169.254.169.254, the cloud metadata address'],
      ['cgnat.example', '100.64.0.7, a carrier-grade NAT address'],
      ['ula.example', 'fd00::5, a private address'],
      ['linklocal6.example', 'fe80::1, a link-local address'],
      ['mapped.example', '::ffff:a00:5 (10.0.0.5), a private address'],
      ['nat64.example', '64:ff9b::a9fe:a9fe (169.254.169.254), the cloud metadata address'],
      ['multicast.example', '224.0.0.1, a multicast address'],
      ['reserved.example', '240.0.0.1, a reserved address'],
      ['unspecified.example', '0.0.0.0, an unspecified address'],
      ['split.example', '10.0.0.5, a private address'],
    ];
    for (const [host, what] of cases) {
      expect(await failure(client.check(`https://${host}/hook`))).toMatchObject({
        code: 'refused',
        message: `resolves to ${what}; ${HINT}`,
      });
    }
  });

  it('refuses other schemes and ports without resolving', async () => {
    const { lookup, asked } = stubResolver({ 'public.example': ['93.184.215.14'] });
    const client = createOutboundClient({ lookup });
    expect(await failure(client.check('ftp://public.example/'))).toMatchObject({
      code: 'refused',
      message: 'uses ftp; only http and https are allowed',
    });
    expect(await failure(client.check('http://public.example:8080/'))).toMatchObject({
      code: 'refused',
      message:
        'uses port 8080; only 80 and 443 are allowed unless outbound.allow permits it (for example "public.example:8080")',
    });
    expect(asked).toEqual([]);
    await expect(client.check('https://public.example/')).resolves.toBeUndefined();
    await expect(client.check('http://public.example:80/')).resolves.toBeUndefined();
  });

  it('says when a name does not resolve', async () => {
    const client = createOutboundClient({ lookup: stubResolver({}).lookup });
    expect(await failure(client.check('https://nowhere.example/'))).toMatchObject({
      code: 'dns',
      message: 'nowhere.example does not resolve',
    });
  });

  it('refuses a malformed allowlist entry when the client is made', () => {
    expect(() => createOutboundClient({ allow: ['127.0.0.1', '10.0.0.0/99'] })).toThrow(
      'outbound.allow.1: "10.0.0.0/99" is not a host, IP address or CIDR range with an optional :port'
    );
  });
});

describe('allowed targets', () => {
  it('reaches an allowlisted loopback receiver and returns status, headers and body', async () => {
    const target = await serve(ok('pong'));
    const client = createOutboundClient({ allow: [`127.0.0.1:${target.port}`] });
    const response = await client.request(`${target.url}/ping?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-token': 'abc' },
      body: '{"a":1}',
    });
    expect(response).toMatchObject({
      status: 200,
      truncated: false,
      url: `${target.url}/ping?x=1`,
      redirects: [],
    });
    expect(response.headers['x-answer']).toBe('yes');
    expect(response.body.toString()).toBe('pong');
    expect(target.seen[0]).toMatchObject({
      method: 'POST',
      url: '/ping?x=1',
      body: '{"a":1}',
      headers: expect.objectContaining({
        'x-token': 'abc',
        'content-type': 'application/json',
        'content-length': '7',
        host: `127.0.0.1:${target.port}`,
      }),
    });
  });

  it('connects to the address it checked: a name resolving elsewhere on a second lookup cannot slip through', async () => {
    const good = await serve(ok('checked'));
    // A second loopback address: were the connection to resolve the name again, it would land here.
    const other = await serve(ok('rebound'), '127.0.0.2', good.port);
    let calls = 0;
    const { lookup, asked } = stubResolver({
      'rebind.example': () => (calls++ === 0 ? ['127.0.0.1'] : ['127.0.0.2']),
    });
    const client = createOutboundClient({
      allow: [`127.0.0.1:${good.port}`, `127.0.0.2:${good.port}`],
      lookup,
    });
    const response = await client.request(`http://rebind.example:${good.port}/`);
    expect(response.body.toString()).toBe('checked');
    expect(response.status).toBe(200);
    expect(asked).toEqual(['rebind.example']);
    expect(good.seen[0].headers.host).toBe(`rebind.example:${good.port}`);
    expect(other.seen).toEqual([]);
  });

  it('lets an allowlisted name through whatever it resolves to', async () => {
    const target = await serve(ok('by name'));
    const { lookup } = stubResolver({ 'build.intranet': ['127.0.0.1'] });
    const client = createOutboundClient({ allow: ['build.intranet'], lookup });
    expect((await client.request(`http://build.intranet:${target.port}/`)).body.toString()).toBe(
      'by name'
    );
  });

  it('fails, sending nothing, a request whose header could split it', async () => {
    const target = await serve(ok());
    const client = createOutboundClient({ allow: ['127.0.0.1'] });
    expect(
      await failure(
        client.request(`${target.url}/`, { headers: { 'x-note': 'a\r\nx-injected: 1' } })
      )
    ).toMatchObject({
      code: 'network',
      message: expect.stringContaining('x-note'),
    });
    expect(target.seen).toEqual([]);
  });

  it('says when the receiver refuses the connection', async () => {
    const gone = await serve(ok());
    const port = gone.port;
    await new Promise((resolve) => {
      servers.at(-1)!.close(resolve);
      servers.pop();
    });
    const client = createOutboundClient({ allow: ['127.0.0.1'] });
    expect(await failure(client.request(`http://127.0.0.1:${port}/`))).toMatchObject({
      code: 'connection-refused',
    });
  });
});

describe('redirects', () => {
  it('returns a 3xx as it is unless asked to follow', async () => {
    const target = await serve((_req, res) => {
      res.writeHead(302, { location: '/elsewhere' });
      res.end();
    });
    const client = createOutboundClient({ allow: ['127.0.0.1'] });
    const response = await client.request(`${target.url}/`);
    expect(response).toMatchObject({ status: 302, redirects: [] });
    expect(response.headers.location).toBe('/elsewhere');
    expect(target.seen).toHaveLength(1);
  });

  it('refuses a redirect to a loopback port that is not on the allowlist, before sending to it', async () => {
    const forbidden = await serve(ok('secret'));
    const start = await serve((_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${forbidden.port}/admin` });
      res.end();
    });
    const client = createOutboundClient({ allow: [`127.0.0.1:${start.port}`] });
    const error = await failure(client.request(`${start.url}/`, { maxRedirects: 5 }));
    expect(error).toMatchObject({
      code: 'refused',
      url: `http://127.0.0.1:${forbidden.port}/admin`,
      message: `redirected to http://127.0.0.1:${forbidden.port}/admin, which points to 127.0.0.1, a loopback address; ${HINT}`,
    });
    expect(start.seen).toHaveLength(1);
    expect(forbidden.seen).toEqual([]);
  });

  it('follows allowed redirects, GET after a 303, credentials kept to their origin', async () => {
    const end = await serve(ok('landed'));
    const start = await serve((req, res) => {
      if (req.url === '/form') {
        res.writeHead(303, { location: '/next' });
      } else {
        res.writeHead(301, { location: `${end.url}/final` });
      }
      res.end();
    });
    const client = createOutboundClient({ allow: ['127.0.0.1'] });
    const response = await client.request(`${start.url}/form`, {
      method: 'POST',
      body: 'a=1',
      headers: { authorization: 'Bearer t', 'content-type': 'application/x-www-form-urlencoded' },
      maxRedirects: 5,
    });
    expect(response).toMatchObject({
      status: 200,
      url: `${end.url}/final`,
      redirects: [
        { url: `${start.url}/form`, status: 303 },
        { url: `${start.url}/next`, status: 301 },
      ],
    });
    expect(response.body.toString()).toBe('landed');
    expect(start.seen.map((seen) => [seen.method, seen.url, seen.headers.authorization])).toEqual([
      ['POST', '/form', 'Bearer t'],
      ['GET', '/next', 'Bearer t'],
    ]);
    expect(start.seen[1].headers['content-type']).toBeUndefined();
    expect(end.seen[0]).toMatchObject({ method: 'GET', body: '' });
    expect(end.seen[0].headers.authorization).toBeUndefined();
  });

  it('gives up after the redirects it was allowed, five at most', async () => {
    const loop = await serve((req, res) => {
      res.writeHead(302, { location: `/${Number(req.url!.slice(1)) + 1}` });
      res.end();
    });
    const client = createOutboundClient({ allow: ['127.0.0.1'] });
    expect(await failure(client.request(`${loop.url}/0`, { maxRedirects: 2 }))).toMatchObject({
      code: 'too-many-redirects',
    });
    expect(loop.seen).toHaveLength(3);
    expect(await failure(client.request(`${loop.url}/0`, { maxRedirects: 50 }))).toMatchObject({
      code: 'too-many-redirects',
      message: 'More than 5 redirects, the last to /6',
    });
  });
});

describe('limits', () => {
  it('reads a body no further than maxBytes', async () => {
    const big = await serve((_req, res) => {
      res.writeHead(200);
      res.end(Buffer.alloc(200_000, 'x'));
    });
    const client = createOutboundClient({ allow: ['127.0.0.1'], maxBytes: 4096 });
    const capped = await client.request(`${big.url}/`);
    expect(capped).toMatchObject({ status: 200, truncated: true });
    expect(capped.body.length).toBe(4096);
    const smaller = await client.request(`${big.url}/`, { maxBytes: 1000 });
    expect(smaller.body.length).toBe(1000);
  });

  it('stops reading when stopWhen says so, even from a body that never ends', async () => {
    const endless = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><head><title>T</title></head>');
      // The rest never comes.
    });
    const client = createOutboundClient({ allow: ['127.0.0.1'], timeoutMs: 5000 });
    const started = Date.now();
    const page = await client.request(`${endless.url}/`, {
      stopWhen: (received) => received.includes('</head>'),
    });
    expect(page.body.toString()).toBe('<html><head><title>T</title></head>');
    expect(page.truncated).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('gives up on a connection that is not established in connectTimeoutMs', async () => {
    // Accepts TCP but never answers the TLS handshake, so the secure connection never completes.
    const accepted: net.Socket[] = [];
    const silent = net.createServer((socket) => accepted.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const client = createOutboundClient({ allow: ['127.0.0.1'] });
    const started = Date.now();
    expect(
      await failure(
        client.request(`https://127.0.0.1:${port}/`, { connectTimeoutMs: 200, timeoutMs: 5000 })
      )
    ).toMatchObject({
      code: 'timeout',
      message: `No connection to 127.0.0.1:${port} within 200 ms`,
    });
    expect(Date.now() - started).toBeLessThan(2000);
    accepted.forEach((socket) => socket.destroy());
    await new Promise((resolve) => silent.close(resolve));
  });

  it('times out a receiver that does not answer', async () => {
    const slow = await serve((_req, res) => {
      setTimeout(() => res.end('late'), 3000);
    });
    const client = createOutboundClient({ allow: ['127.0.0.1'] });
    const started = Date.now();
    expect(await failure(client.request(`${slow.url}/`, { timeoutMs: 300 }))).toMatchObject({
      code: 'timeout',
      message: `No complete answer from ${slow.url}/ within 300 ms`,
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
