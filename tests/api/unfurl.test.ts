import { startApp, type TestApp } from '../helpers/app';
import { docs, loginAdmin, type AdminClient } from '../helpers/admin';
import { makeCategory } from '../helpers/content';
import { closedPort, waitFor } from '../helpers/receiver';
import {
  hugePage,
  htmlPage,
  neverEndingPage,
  redirectTo,
  serve,
  startPageSite,
  type PageSite,
} from '../helpers/pages';

const ld = (json: unknown) => `<script type="application/ld+json">${JSON.stringify(json)}</script>`;
const MiB = 1024 * 1024;

let app: TestApp;
let admin: AdminClient;
let site: PageSite;
let offListPort: number;
let captureKey: string;
let lateIsUp = false;

const env = () => ({
  ROUNDUP_SEED_DEMO: 'false',
  ROUNDUP_OUTBOUND_ALLOW: `127.0.0.1:${site.port}`,
  ROUNDUP_UNFURL: 'true',
  ROUNDUP_UNFURL_TIMEOUT_MS: '2500',
  ROUNDUP_CAPTURE_BURST: '100',
});

beforeAll(async () => {
  offListPort = await closedPort();
  site = await startPageSite({
    '/og': serve(
      htmlPage(`<title>Plain title</title>
        <meta property="og:title" content="Open Graph title">
        <meta property="og:description" content="What the page is about.">
        <meta property="og:site_name" content="Graph Site">
        <meta property="article:author" content="Graph Author">
        <link rel="canonical" href="/og-canonical">`)
    ),
    '/twitter': serve(
      htmlPage(`<meta name="twitter:title" content="Card title"><meta name="twitter:description" content="Card text">
        <meta name="author" content="Card Author">`)
    ),
    '/ld-object': serve(
      htmlPage(
        '',
        ld({
          '@type': 'Article',
          headline: 'LD object',
          author: { '@type': 'Person', name: 'Object Author' },
        })
      )
    ),
    '/ld-array': serve(
      htmlPage(
        '',
        ld({
          '@type': 'BlogPosting',
          headline: 'LD array',
          author: [{ name: 'First' }, { name: 'Second' }],
        })
      )
    ),
    '/ld-string': serve(
      htmlPage('<title>LD string</title>', ld({ '@type': 'NewsArticle', author: 'String Author' }))
    ),
    '/video': serve(
      htmlPage(
        '<title>A talk</title><link rel="alternate" type="application/json+oembed" href="/oembed.json?url=video">'
      )
    ),
    '/oembed.json': serve(
      JSON.stringify({
        type: 'video',
        version: '1.0',
        author_name: 'Speaker Name',
        provider_name: 'Tube',
      }),
      'application/json'
    ),
    '/latin1': serve(
      Buffer.from(
        htmlPage(
          '<title>Café crème brûlée</title><meta name="author" content="Søren Kierkegaard">'
        ),
        'latin1'
      ),
      'text/html; charset=ISO-8859-1'
    ),
    '/sjis': serve(
      Buffer.concat([
        Buffer.from(
          '<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><title>'
        ),
        Buffer.from([
          0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea, 0x82, 0xcc, 0x83, 0x79, 0x81, 0x5b, 0x83, 0x57,
        ]), // 日本語のページ
        Buffer.from('</title><meta name="author" content="'),
        Buffer.from([0x89, 0xc4, 0x96, 0xda]), // 夏目
        Buffer.from('"></head><body></body></html>'),
      ]),
      'text/html'
    ),
    '/huge': hugePage(50 * MiB),
    '/never': neverEndingPage,
    '/pdf': serve(Buffer.from('%PDF-1.7'), 'application/pdf'),
    '/escape': redirectTo(`http://127.0.0.1:${offListPort}/inside`),
    '/hop': redirectTo('/og'),
    '/late': (req, res, pages) =>
      lateIsUp
        ? serve(htmlPage('<title>Up at last</title>'))(req, res, pages)
        : res.writeHead(404).end(),
  });
  app = await startApp({ database: 'unfurl', env: env() });
  admin = await loginAdmin(app);
  await makeCategory(app.strapi, { name: 'Articles', position: 1 });
  captureKey = (await admin.post('/roundup/capture-tokens').expect(201)).body.accessKey;
});
afterAll(async () => {
  await app?.stop();
  await site?.close();
});

const captured = async (body: Record<string, unknown>) => {
  const res = await app
    .http()
    .post('/api/roundup/inbox')
    .set('Authorization', `Bearer ${captureKey}`)
    .send({ source: 'test', ...body })
    .expect(201);
  return res.body.data.documentId as string;
};

/** The link's inbox card once its unfurl has finished. */
const unfurled = async (documentId: string) => {
  let card: any;
  await waitFor(
    async () => {
      const res = await admin.get('/roundup/inbox').expect(200);
      card = res.body.results.find((c: any) => c.documentId === documentId);
      return card?.unfurl?.state === 'done' || card?.unfurl?.state === 'failed';
    },
    `unfurl of ${documentId}`,
    30_000
  );
  return card;
};

describe('unfurl after capture', () => {
  it.each([
    [
      'Open Graph',
      '/og',
      { title: 'Open Graph title', author: 'Graph Author' },
      { description: 'What the page is about.', siteName: 'Graph Site', canonicalUrl: 'CANONICAL' },
    ],
    [
      'a Twitter card and <meta name=author>',
      '/twitter',
      { title: 'Card title', author: 'Card Author' },
      { description: 'Card text' },
    ],
    [
      'JSON-LD with author as an object',
      '/ld-object',
      { title: 'LD object', author: 'Object Author' },
      {},
    ],
    [
      'JSON-LD with author as an array',
      '/ld-array',
      { title: 'LD array', author: 'First, Second' },
      {},
    ],
    [
      'JSON-LD with author as a string',
      '/ld-string',
      { title: 'LD string', author: 'String Author' },
      {},
    ],
    [
      'oEmbed discovery',
      '/video',
      { title: 'A talk', author: 'Speaker Name' },
      { siteName: 'Tube' },
    ],
    [
      'an ISO-8859-1 page',
      '/latin1',
      { title: 'Café crème brûlée', author: 'Søren Kierkegaard' },
      {},
    ],
    ['a Shift_JIS page', '/sjis', { title: '日本語のページ', author: '夏目' }, {}],
    [
      'a redirect within the allowed site',
      '/hop',
      { title: 'Open Graph title', author: 'Graph Author' },
      {},
    ],
  ])('fills title and author from %s', async (_case, path, fields, record) => {
    const documentId = await captured({ url: `${site.origin}${path}` });
    const card = await unfurled(documentId);
    expect(card).toMatchObject({ ...fields, unfurl: { state: 'done', reason: null } });
    const expected = { ...record } as Record<string, string>;
    if (expected.canonicalUrl) expected.canonicalUrl = `${site.origin}/og-canonical`;
    expect(card.unfurl).toMatchObject(expected);
  });

  it("never overwrites the editor's own title and author", async () => {
    const documentId = await captured({
      url: `${site.origin}/og?mine=1`,
      title: 'My title',
      author: 'My author',
    });
    const card = await unfurled(documentId);
    expect(card).toMatchObject({
      title: 'My title',
      author: 'My author',
      unfurl: { state: 'done', siteName: 'Graph Site' },
    });
  });

  // How long it takes is a figure of the benchmark (npm run bench), not an assertion.
  it('streams a 50 MB page only up to the size cap, and says why it found nothing', async () => {
    const documentId = await captured({ url: `${site.origin}/huge` });
    const card = await unfurled(documentId);
    expect(card.unfurl).toMatchObject({
      state: 'failed',
      reason: 'too large, no title in the first 1 MiB',
    });
    expect(card.title).toBe(`${site.origin}/huge`);
    // The server could hand over little more than the cap plus socket buffers before the client hung up.
    expect(site.sent.get('/huge')!).toBeLessThan(16 * MiB);
  });

  it('gives up on a page that never finishes, keeping the link', async () => {
    const documentId = await captured({ url: `${site.origin}/never`, commentary: 'Keep me.' });
    const card = await unfurled(documentId);
    expect(card.unfurl.state).toBe('failed');
    expect(card.unfurl.reason).toMatch(/^timeout, .*2500 ms/);
    expect(card).toMatchObject({ commentary: 'Keep me.', url: `${site.origin}/never` });
  });

  it('is refused by the guard when the page redirects to a loopback port off the allowlist', async () => {
    const documentId = await captured({ url: `${site.origin}/escape` });
    const card = await unfurled(documentId);
    expect(card.unfurl.state).toBe('failed');
    expect(card.unfurl.reason).toContain(
      `refused, redirected to http://127.0.0.1:${offListPort}/inside`
    );
  });

  it('is refused by the guard for an address off the allowlist, before any request', async () => {
    const documentId = await captured({ url: `http://127.0.0.1:${offListPort}/direct` });
    const card = await unfurled(documentId);
    expect(card.unfurl.reason).toMatch(/^refused, /);
    expect(await docs(app.strapi, 'entry').findOne({ documentId })).toBeTruthy();
  });

  it.each([
    ['/pdf', 'not HTML (application/pdf)'],
    ['/missing', 'HTTP 404'],
  ])('says why %s could not be read', async (path, reason) => {
    const card = await unfurled(await captured({ url: `${site.origin}${path}` }));
    expect(card.unfurl).toMatchObject({ state: 'failed', reason });
  });
});

describe('Retry and quick-add', () => {
  it('Retry unfurls a failed link again', async () => {
    const documentId = await captured({ url: `${site.origin}/late`, commentary: 'Worth it.' });
    expect((await unfurled(documentId)).unfurl).toMatchObject({
      state: 'failed',
      reason: 'HTTP 404',
    });
    lateIsUp = true;
    const res = await admin.post(`/roundup/inbox/${documentId}/unfurl`).expect(200);
    expect(res.body).toMatchObject({
      documentId,
      title: 'Up at last',
      commentary: 'Worth it.',
      unfurl: { state: 'done', reason: null },
    });
    const readOnly = await loginAdmin(app, { actions: ['plugin::roundup.read'] });
    await readOnly.post(`/roundup/inbox/${documentId}/unfurl`).expect(403);
  });

  it('quick-add reads a pasted URL without storing anything', async () => {
    const before = await docs(app.strapi, 'entry').count({});
    const res = await admin
      .post('/roundup/unfurl')
      .send({ url: `${site.origin}/ld-object` })
      .expect(200);
    expect(res.body).toMatchObject({ ok: true, title: 'LD object', author: 'Object Author' });
    const refused = await admin
      .post('/roundup/unfurl')
      .send({ url: `http://127.0.0.1:${offListPort}/` })
      .expect(200);
    expect(refused.body).toMatchObject({ ok: false, reason: expect.stringMatching(/^refused, /) });
    await admin.post('/roundup/unfurl').send({ url: 'javascript:alert(1)' }).expect(400);
    expect(await docs(app.strapi, 'entry').count({})).toBe(before);
  });
});

describe('after a restart', () => {
  it('unfurls the links a stopped server left waiting', async () => {
    const url = `${site.origin}/og?left=waiting`;
    const category = (await docs(app.strapi, 'category').findFirst({})).documentId;
    // What capture stores before its unfurl runs, as a server stopped mid-queue leaves it.
    const { documentId } = await docs(app.strapi, 'entry').create({
      data: {
        title: url,
        url,
        description: 'Read on the train.',
        category,
        capturedAt: new Date().toISOString(),
        captureSource: 'test',
        captures: 1,
        unfurl: {
          state: 'pending',
          reason: null,
          at: null,
          description: null,
          siteName: null,
          canonicalUrl: null,
          placeholders: { title: url },
        },
      },
    });
    await app.stop();
    app = await startApp({ database: 'unfurl', env: env(), reuseDatabase: true });
    admin = await loginAdmin(app);

    const card = await unfurled(documentId);
    expect(card).toMatchObject({
      title: 'Open Graph title',
      author: 'Graph Author',
      commentary: 'Read on the train.',
    });
    expect(card.unfurl).toMatchObject({ state: 'done', siteName: 'Graph Site' });
  });
});
