import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { AddressInfo } from 'node:net';
import type { Response } from 'supertest';
import { createRoundupClient, RoundupApiError } from '../../plugins/roundup/client';
import { openApiDocument } from '../../plugins/roundup/server/src/openapi/document';
import { docs } from '../helpers/admin';
import { startApp, type TestApp } from '../helpers/app';
import { makeCategory, makeRoundup } from '../helpers/content';

const DEMO = 'what-ive-been-reading-in-july';
type Route = keyof typeof openApiDocument.paths;

let app: TestApp;
/** The document as the app serves it; every answer below is checked against it. */
let document: any;
let ajv: Ajv2020;
let baseUrl: string;
const validators = new Map<string, ReturnType<Ajv2020['compile']>>();
const observed = new Set<string>();

beforeAll(async () => {
  app = await startApp({ database: 'openapi' });
  // One port for the whole file: feeds name their own URL, so their ETag depends on the origin.
  const server = app.strapi.server.httpServer;
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  document = (await app.http().get('/api/roundup/openapi.json').expect(200)).body;
  ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  // The document's other parts are OpenAPI, not JSON Schema: annotations to the validator.
  ajv.addVocabulary([
    'openapi',
    'jsonSchemaDialect',
    'info',
    'servers',
    'security',
    'paths',
    'components',
  ]);
  ajv.addSchema(document, 'roundup-openapi');

  // Content that takes every nullable branch: no excerpt, intro, outro, layout or front matter,
  // a link without an author, and a section whose category was deleted.
  const doomed = await makeCategory(app.strapi, { name: 'Soon deleted' });
  const kept = await makeCategory(app.strapi, { name: 'Kept' });
  const sparse = await makeRoundup(app.strapi, {
    title: 'Sparse',
    slug: 'sparse',
    layout: null,
    date: '2026-09-30',
    sections: { [doomed.documentId]: ['Orphan link'], [kept.documentId]: ['Anonymous link'] },
  });
  await docs(app.strapi, 'entry').update({
    documentId: sparse.entries['Anonymous link'],
    data: { author: null },
  });
  await docs(app.strapi, 'category').delete({ documentId: doomed.documentId });
});
afterAll(async () => {
  await app?.stop();
});

const resolve = (node: any): any => {
  if (!node?.$ref) return node;
  return resolve(
    node.$ref
      .slice(2)
      .split('/')
      .reduce((at: any, key: string) => at[key], document)
  );
};

/**
 * Expects `res` to be an answer the document promises for GET `route`: a
 * documented status, its documented headers, a documented media type, and a
 * JSON body valid against its schema (closed objects: nothing undocumented).
 */
const expectDocumented = (route: Route, res: Response) => {
  const responses = document.paths[route].get.responses;
  expect({ route, status: res.status, documented: String(res.status) in responses }).toEqual({
    route,
    status: res.status,
    documented: true,
  });
  const response = resolve(responses[String(res.status)]);
  for (const header of Object.keys(response.headers ?? {})) {
    expect({ header, value: res.headers[header.toLowerCase()] }).toEqual({
      header,
      value: expect.any(String),
    });
  }
  if (res.status === 304) {
    expect(res.text ?? '').toBe('');
  } else {
    const mediaType = String(res.headers['content-type']).split(';')[0].trim();
    expect(Object.keys(response.content)).toContain(mediaType);
    const { schema } = response.content[mediaType];
    if (mediaType.endsWith('json')) {
      const key = `${route} ${res.status} ${mediaType}`;
      if (!validators.has(key)) {
        validators.set(
          key,
          ajv.compile(schema.$ref ? { $ref: `roundup-openapi${schema.$ref}` } : schema)
        );
      }
      const validate = validators.get(key)!;
      validate(JSON.parse(res.text));
      expect({ route, status: res.status, errors: validate.errors ?? [] }).toEqual({
        route,
        status: res.status,
        errors: [],
      });
    } else {
      expect(typeof res.text).toBe(schema.type);
      expect(res.text.length).toBeGreaterThan(0);
    }
  }
  observed.add(`${route} ${res.status}`);
  return res;
};

const get = (path: string, headers: Record<string, string> = {}) => {
  const request = app.http().get(`/api/roundup${path}`);
  for (const [name, value] of Object.entries(headers)) request.set(name, value);
  return request;
};

/** One request per documented route, with what the route needs to answer 200. */
/**
 * The read routes: every GET but the capture API's (`inbox.*`, for capture tokens, which
 * the Public role is never given; tests/api/capture.test.ts drives those).
 */
const readOperations = (): [string, any][] =>
  Object.entries(document.paths)
    .filter(
      ([, item]: [string, any]) =>
        item.get && !String(item.get['x-strapi-action']).startsWith('plugin::roundup.inbox.')
    )
    .map(([route, item]: [string, any]) => [route, item.get]);

const EVERY_ROUTE: [Route, string][] = [
  ['/roundups', '/roundups'],
  ['/roundups/{slug}', `/roundups/${DEMO}`],
  ['/roundups/{slug}/rendered', `/roundups/${DEMO}/rendered`],
  ['/feed', '/feed'],
  ['/categories', '/categories'],
  ['/changes', '/changes'],
  ['/search', '/search?q=memory'],
  ['/openapi.json', '/openapi.json'],
];

describe('the document the app serves', () => {
  it('is the document the package ships, with this app’s prefix and page sizes', async () => {
    expect(document).toEqual(JSON.parse(JSON.stringify(openApiDocument)));
    expectDocumented('/openapi.json', await get('/openapi.json'));
  });

  it('names every route the app has under /api/roundup', () => {
    const routers = app.strapi.plugin('roundup').routes as Record<
      string,
      { routes: { method: string; path: string }[] }
    >;
    const routes = routers['content-api'].routes;
    expect(routes.map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`).sort()).toEqual(
      Object.entries(document.paths)
        .flatMap(([path, item]: [string, any]) =>
          Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`)
        )
        .sort()
    );
  });
});

describe('answers with a body match the document', () => {
  it('GET /roundups, on every page', async () => {
    const first = expectDocumented('/roundups', await get('/roundups').expect(200));
    expect(first.body.data.map((r: any) => r.slug)).toEqual(['sparse', DEMO]);
    expectDocumented('/roundups', await get('/roundups?page=2&pageSize=1').expect(200));
    expectDocumented('/roundups', await get('/roundups?page=9').expect(200));
  });

  it('GET /roundups/{slug}, the demo and a roundup of nulls and a deleted section', async () => {
    expectDocumented('/roundups/{slug}', await get(`/roundups/${DEMO}`).expect(200));
    const sparse = expectDocumented('/roundups/{slug}', await get('/roundups/sparse').expect(200));
    expect(sparse.body.data).toMatchObject({
      excerpt: null,
      intro: null,
      layout: null,
      frontMatter: null,
    });
    expect(sparse.body.data.sections.map((s: any) => s.category?.name ?? null)).toEqual([
      'Kept',
      null,
    ]);
    expect(sparse.body.data.sections[0].entries[0].author).toBeNull();
  });

  it('GET /roundups/{slug}/rendered, by format and by Accept', async () => {
    const markdown = expectDocumented(
      '/roundups/{slug}/rendered',
      await get(`/roundups/${DEMO}/rendered`).expect(200)
    );
    expect(markdown.headers['content-type']).toMatch(/^text\/markdown/);
    const html = expectDocumented(
      '/roundups/{slug}/rendered',
      await get(`/roundups/${DEMO}/rendered`, { Accept: 'text/html' }).expect(200)
    );
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expectDocumented(
      '/roundups/{slug}/rendered',
      await get('/roundups/sparse/rendered?format=html').expect(200)
    );
  });

  it.each([
    ['email', /^text\/html/],
    ['text', /^text\/plain/],
  ])('GET /roundups/{slug}/rendered?format=%s', async (format, type) => {
    const res = expectDocumented(
      '/roundups/{slug}/rendered',
      await get(`/roundups/${DEMO}/rendered?format=${format}`).expect(200)
    );
    expect(res.headers['content-type']).toMatch(type);
  });

  it.each(['rss', 'atom', 'json'])('GET /feed?format=%s', async (format) => {
    expectDocumented('/feed', await get(`/feed?format=${format}`).expect(200));
  });

  it('GET /feed without a format is RSS', async () => {
    const res = expectDocumented('/feed', await get('/feed').expect(200));
    expect(res.headers['content-type']).toMatch(/^application\/rss\+xml/);
  });

  it('GET /changes, the snapshot and what follows it', async () => {
    const snapshot = expectDocumented('/changes', await get('/changes?limit=1').expect(200));
    expect(snapshot.body.meta.hasMore).toBe(true);
    const { nextCursor } = (await get('/changes?limit=100').expect(200)).body.meta;
    await docs(app.strapi, 'roundup').unpublish({
      documentId: snapshot.body.data[0].documentId,
    });
    const removed = expectDocumented(
      '/changes',
      await get(`/changes?since=${nextCursor}`).expect(200)
    );
    expect(removed.body.data).toEqual([expect.objectContaining({ state: 'removed' })]);
    await docs(app.strapi, 'roundup').publish({ documentId: snapshot.body.data[0].documentId });
  });

  it('GET /roundups/{slug}/rendered?format=hugo', async () => {
    const hugo = expectDocumented(
      '/roundups/{slug}/rendered',
      await get(`/roundups/${DEMO}/rendered?format=hugo`).expect(200)
    );
    expect(hugo.text).toMatch(
      /^---\ntitle: .*\ndate: 2026-07-31\nslug: what-ive-been-reading-in-july\ndraft: false\n/
    );
  });

  it('GET /search, a page of links with their roundups and snippets', async () => {
    const res = expectDocumented('/search', await get('/search?q=memory&pageSize=1').expect(200));
    expect(res.body.data[0].link.title).toBe('What every programmer should know about memory');
    expect(res.body.data[0].roundups[0].slug).toBe(DEMO);
  });

  it('GET /categories', async () => {
    const res = expectDocumented('/categories', await get('/categories').expect(200));
    expect(res.body.data.map((c: any) => c.name)).toContain('Kept');
  });
});

describe('cached answers match the document', () => {
  it.each(
    EVERY_ROUTE.filter(
      ([route]) => !['/roundups', '/categories', '/changes', '/search'].includes(route)
    )
  )('%s answers 304 to its own ETag', async (route, path) => {
    const { headers } = await get(path).expect(200);
    expectDocumented(route, await get(path, { 'If-None-Match': headers.etag }).expect(304));
  });
});

describe('errors match the document', () => {
  it.each([
    ['/roundups', '/roundups?pageSize=101', 'pageSize'],
    ['/roundups', '/roundups?page=0', 'page'],
    ['/roundups', '/roundups?status=draft', 'status'],
    ['/roundups/{slug}', `/roundups/${DEMO}?populate=*`, 'populate'],
    ['/roundups/{slug}/rendered', `/roundups/${DEMO}/rendered?format=pdf`, 'format'],
    ['/feed', '/feed?format=csv', 'format'],
    ['/categories', '/categories?locale=en', 'locale'],
    ['/changes', '/changes?since=not-a-cursor', 'since'],
    ['/changes', '/changes?limit=501', 'limit'],
    ['/search', '/search', 'q'],
    ['/search', '/search?q=memory&pageSize=101', 'pageSize'],
    ['/openapi.json', '/openapi.json?fields=openapi', 'fields'],
  ] as [Route, string, string][])(
    '%s answers 400 naming the parameter for %s',
    async (route, path, parameter) => {
      const res = expectDocumented(route, await get(path).expect(400));
      expect(res.body.error.details.errors.map((e: any) => e.path)).toContainEqual([parameter]);
    }
  );

  it.each([
    ['/roundups/{slug}', '/roundups/no-such-roundup'],
    ['/roundups/{slug}/rendered', '/roundups/no-such-roundup/rendered'],
  ] as [Route, string][])('%s answers 404 for an unknown slug', async (route, path) => {
    const res = expectDocumented(route, await get(path).expect(404));
    expect(res.body.error.name).toBe('NotFoundError');
  });

  it.each(EVERY_ROUTE)('%s answers 401 to a token that is not valid', async (route, path) => {
    expectDocumented(
      route,
      await get(path, { Authorization: 'Bearer not-a-valid-token' }).expect(401)
    );
  });

  it('every route answers 403 while the Public role lacks its permission', async () => {
    const permissions = app.strapi.db.query('plugin::users-permissions.permission');
    const publicRole = await app.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' } });
    const actions = readOperations().map(([, operation]) => operation['x-strapi-action'] as string);
    const granted = await permissions.findMany({
      where: { action: { $in: actions }, role: publicRole.id },
    });
    // The demo app opens every documented route to the Public role.
    expect(granted.map((p: any) => p.action).sort()).toEqual([...actions].sort());
    await permissions.deleteMany({ where: { id: { $in: granted.map((p: any) => p.id) } } });
    try {
      for (const [route, path] of EVERY_ROUTE) {
        const res = expectDocumented(route, await get(path).expect(403));
        expect(res.body.error.name).toBe('ForbiddenError');
      }
    } finally {
      for (const action of actions)
        await permissions.create({ data: { action, role: publicRole.id } });
    }
  });
});

describe('the typed client', () => {
  it('reads every route as its types say', async () => {
    const client = createRoundupClient({ baseUrl });
    const list = await client.listRoundups({ pageSize: 1 });
    expect(list.meta.pagination).toEqual({ page: 1, pageSize: 1, pageCount: 2, total: 2 });
    const { data: roundup } = await client.getRoundup(DEMO);
    expect(roundup.sections[0].entries[0].title).toBe(
      'What every programmer should know about memory'
    );
    expect(await client.getRendered(DEMO, 'markdown')).toMatch(/^---\nlayout: post\n/);
    expect(await client.getRendered(DEMO, 'html')).toMatch(/^<article/);
    expect(await client.getRendered(DEMO, 'hugo')).toMatch(/^---\ntitle: /);
    const changes = await client.listChanges({ limit: 1 });
    expect(changes.data).toHaveLength(1);
    expect((await client.listChanges({ since: changes.meta.nextCursor })).data.length).toBe(1);
    expect((await client.listCategories()).data.map((c) => c.slug)).toContain('kept');
    expect((await client.getJsonFeed()).items.map((item) => item.title)).toContain(roundup.title);
    expect(await client.getXmlFeed('atom')).toContain('<feed');
    const found = await client.search({ q: 'Drepper memory', pageSize: 5 });
    expect(found.data.map((hit) => hit.link.author)).toEqual(['Ulrich Drepper']);
    expect(found.data[0].snippetHtml).toContain('<mark>');
  });

  it('throws the error envelope of a failed request', async () => {
    const client = createRoundupClient({ baseUrl });
    const failure = await client.getRoundup('no-such-roundup').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RoundupApiError);
    expect(failure).toMatchObject({ status: 404, body: { error: { name: 'NotFoundError' } } });
    const refused = await client
      .listRoundups({ pageSize: 1000 })
      .catch((error: RoundupApiError) => error);
    expect(refused).toMatchObject({
      status: 400,
      body: { error: { details: { errors: [{ path: ['pageSize'] }] } } },
    });
  });
});

describe('coverage of the document', () => {
  it('every status documented for every route was met above', () => {
    const documented = readOperations().flatMap(([route, operation]) =>
      Object.keys(operation.responses).map((status) => `${route} ${status}`)
    );
    expect(documented.filter((pair) => !observed.has(pair))).toEqual([]);
  });
});

describe('the demo app', () => {
  it('opens the document to the Public role at the first start of a version that adds it', async () => {
    const permissions = app.strapi.db.query('plugin::users-permissions.permission');
    // A database from before: the grant remembered as `true`, a revoked category route, no document route.
    await app.strapi
      .store({ type: 'app', name: 'roundup-demo', key: 'public-read-granted' })
      .set({ value: true });
    await permissions.deleteMany({
      where: { action: { $in: ['plugin::roundup.openapi.find', 'plugin::roundup.category.find'] } },
    });
    await app.stop();
    app = await startApp({ database: 'openapi', reuseDatabase: true });
    await app.http().get('/api/roundup/openapi.json').expect(200);
    await app.http().get('/api/roundup/categories').expect(403);
  });
});
