import { startApp, type TestApp } from '../helpers/app';
import { docs, loginAdmin, type AdminClient } from '../helpers/admin';
import { makeCategory, makeRoundup } from '../helpers/content';
import { htmlPage, serve, startPageSite } from '../helpers/pages';

let app: TestApp;
let admin: AdminClient;
let articles: { documentId: string; slug: string };
let tools: { documentId: string; slug: string };
let captureKey: string;

const capture = (token: string | null, body: unknown) => {
  const req = app.http().post('/api/roundup/inbox').set('Content-Type', 'application/json');
  if (token) req.set('Authorization', `Bearer ${token}`);
  return req.send(body as object);
};

const apiToken = async (attributes: Record<string, unknown>) =>
  (
    await (app.strapi.service('admin::api-token') as any).create({
      kind: 'content-api',
      name: `test token ${Date.now()} ${Math.random()}`,
      lifespan: null,
      ...attributes,
    })
  ).accessKey as string;

beforeAll(async () => {
  app = await startApp({
    database: 'capture',
    env: {
      ROUNDUP_SEED_DEMO: 'false',
      ROUNDUP_CAPTURE_BURST: '4',
      ROUNDUP_CAPTURE_PER_MINUTE: '6',
    },
  });
  admin = await loginAdmin(app);
  articles = await makeCategory(app.strapi, { name: 'Articles', position: 1 });
  tools = await makeCategory(app.strapi, { name: 'Tools', position: 2 });
});
// Each test captures with a token of its own: the rate limit is per token.
beforeEach(async () => {
  captureKey = (await admin.post('/roundup/capture-tokens').expect(201)).body.accessKey;
});
afterAll(async () => {
  await app?.stop();
});

describe('who may capture', () => {
  it('refuses a request with no token, and one with a read-only token', async () => {
    const none = await capture(null, { url: 'https://example.org/a' });
    expect(none.status).toBe(403);
    const readOnly = await capture(await apiToken({ type: 'read-only' }), {
      url: 'https://example.org/a',
    });
    expect(readOnly.status).toBe(403);
    const other = await capture(
      await apiToken({ type: 'custom', permissions: ['plugin::roundup.roundup.find'] }),
      { url: 'https://example.org/a' }
    );
    expect(other.status).toBe(403);
    expect(await docs(app.strapi, 'entry').count({})).toBe(0);
  });

  it('the capture token may capture and list the sections, and nothing else', async () => {
    const sections = await app
      .http()
      .get('/api/roundup/inbox/sections')
      .set('Authorization', `Bearer ${captureKey}`)
      .expect(200);
    expect(sections.body.data.map((s: any) => s.name)).toEqual(['Articles', 'Tools']);
    await app
      .http()
      .get('/api/roundup/roundups')
      .set('Authorization', `Bearer ${captureKey}`)
      .expect(403);
    await app
      .http()
      .get('/api/roundup/categories')
      .set('Authorization', `Bearer ${captureKey}`)
      .expect(403);
  });

  it('a Users & Permissions role given the capture action may capture', async () => {
    const role = await app.strapi.db
      .query('plugin::users-permissions.role')
      .create({ data: { name: 'Curators', type: 'curators', description: 'capture' } });
    await app.strapi.db
      .query('plugin::users-permissions.permission')
      .create({ data: { action: 'plugin::roundup.inbox.capture', role: role.id } });
    const user = await (app.strapi.plugin('users-permissions').service('user') as any).add({
      username: 'curator',
      email: 'curator@example.com',
      password: 'Curator-1',
      provider: 'local',
      confirmed: true,
      role: role.id,
    });
    const jwt = (app.strapi.plugin('users-permissions').service('jwt') as any).issue({
      id: user.id,
    });
    const res = await capture(jwt, {
      url: 'https://example.org/from-user',
      title: 'From a user',
      category: tools.slug,
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      title: 'From a user',
      category: { name: 'Tools' },
      captureSource: 'api',
    });
  });
});

describe('POST /api/roundup/inbox', () => {
  it('puts a link into the inbox with its capture time and source, in the first section by default', async () => {
    const before = Date.now();
    const res = await capture(captureKey, {
      url: 'https://example.org/posts/memory?utm_source=rss',
      title: 'What every programmer should know about memory',
      author: 'Ulrich Drepper',
      commentary: 'Still the best long read on caches.',
      source: 'share-sheet',
    }).expect(201);
    expect(res.body.meta).toEqual({ duplicate: false });
    expect(res.body.data).toMatchObject({
      title: 'What every programmer should know about memory',
      url: 'https://example.org/posts/memory?utm_source=rss',
      author: 'Ulrich Drepper',
      commentary: 'Still the best long read on caches.',
      category: { documentId: articles.documentId, name: 'Articles' },
      roundup: null,
      captureSource: 'share-sheet',
      captures: 1,
    });
    expect(Date.parse(res.body.data.capturedAt)).toBeGreaterThanOrEqual(before - 1000);

    const inbox = await admin.get('/roundup/inbox').expect(200);
    const card = inbox.body.results.find((c: any) => c.documentId === res.body.data.documentId);
    expect(card).toMatchObject({
      captureSource: 'share-sheet',
      captures: 1,
      capturedAt: res.body.data.capturedAt,
      host: 'example.org',
    });
  });

  it('answers 200 with the link already captured and appends the new note to it', async () => {
    const first = await capture(captureKey, {
      url: 'https://example.org/dup',
      commentary: 'First note.',
    }).expect(201);
    const again = await capture(captureKey, {
      url: 'HTTPS://EXAMPLE.org/dup/#comments',
      commentary: 'Second note.',
      title: 'Given later',
    }).expect(200);
    expect(again.body.meta).toEqual({ duplicate: true });
    expect(again.body.data).toMatchObject({
      documentId: first.body.data.documentId,
      commentary: 'First note.\n\nSecond note.',
      captures: 2,
      // The first capture had no title, so the URL stood in for it; the second one's title replaces it.
      title: 'Given later',
    });
    const rows = await docs(app.strapi, 'entry').findMany({
      filters: { canonicalUrl: 'https://example.org/dup' },
    });
    expect(rows).toHaveLength(1);
  });

  it('finds a link already in a roundup and keeps it there', async () => {
    const roundup = await makeRoundup(app.strapi, {
      title: 'August',
      sections: { [tools.documentId]: ['Kept'] },
    });
    const entry = await docs(app.strapi, 'entry').findOne({
      documentId: roundup.entries.Kept,
      fields: ['url', 'description'],
    });
    const res = await capture(captureKey, { url: entry.url, commentary: 'Read it again.' }).expect(
      200
    );
    expect(res.body.data).toMatchObject({
      documentId: roundup.entries.Kept,
      roundup: { documentId: roundup.documentId, title: 'August' },
    });
    expect(res.body.data.commentary.endsWith('Read it again.')).toBe(true);
  });

  it.each([
    [{ url: 'javascript:alert(1)' }, 'url', 'must use http or https, not javascript'],
    [{ url: 'not a url' }, 'url', 'must not contain spaces'],
    [{}, 'url', 'A URL is required'],
    [{ url: 'https://example.org/x', title: 'x'.repeat(256) }, 'title', '255'],
    [
      { url: 'https://example.org/x', category: 'no-such-section' },
      'category',
      'no section "no-such-section"',
    ],
    [{ url: 'https://example.org/x', extra: 1 }, 'extra', 'Unknown field'],
  ])('answers 400 naming the field for %j', async (body, field, message) => {
    const before = await docs(app.strapi, 'entry').count({});
    const res = await capture(captureKey, body).expect(400);
    expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain(field);
    expect(res.body.error.message).toContain(message);
    expect(await docs(app.strapi, 'entry').count({})).toBe(before);
  });

  it('answers 413 to a body over the limit', async () => {
    const res = await capture(captureKey, {
      url: 'https://example.org/big',
      commentary: 'x'.repeat(20_000),
    }).expect(413);
    expect(res.body.error.message).toContain('capture.maxBytes');
  });

  it('rate limits a burst from one token with Retry-After, and not other tokens', async () => {
    const burstKey = (await admin.post('/roundup/capture-tokens').expect(201)).body.accessKey;
    const statuses: number[] = [];
    let limited: any;
    for (let i = 0; i < 6; i += 1) {
      const res = await capture(burstKey, { url: `https://example.org/burst/${i}` });
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    expect(statuses).toEqual([201, 201, 201, 201, 429, 429]);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.body.error).toMatchObject({ status: 429, name: 'RateLimitError' });
    await capture(captureKey, { url: 'https://example.org/other-token' }).expect(201);
  });
});

describe('capture tokens and the bookmarklet', () => {
  it('lists the editor’s own tokens, gives the bookmarklet again, and revokes', async () => {
    const made = await admin.post('/roundup/capture-tokens').expect(201);
    expect(made.body.bookmarklet.startsWith('javascript:')).toBe(true);
    expect(decodeURIComponent(made.body.bookmarklet)).toContain(made.body.accessKey);
    expect(decodeURIComponent(made.body.bookmarklet)).toMatch(
      /http:\/\/127\.0\.0\.1:\d+\/api\/roundup\/capture/
    );

    const list = await admin.get('/roundup/capture-tokens').expect(200);
    expect(list.body.tokens.map((t: any) => t.id)).toContain(made.body.token.id);
    expect(JSON.stringify(list.body)).not.toContain(made.body.accessKey);

    const again = await admin
      .get(`/roundup/capture-tokens/${made.body.token.id}/bookmarklet`)
      .expect(200);
    expect(again.body.accessKey).toBe(made.body.accessKey);
    expect(decodeURIComponent(again.body.bookmarklet)).toContain(made.body.accessKey);

    // Another editor neither sees nor revokes it.
    const other = await loginAdmin(app, {
      actions: ['plugin::roundup.read', 'plugin::roundup.create'],
    });
    expect((await other.get('/roundup/capture-tokens').expect(200)).body.tokens).toEqual([]);
    await other.del(`/roundup/capture-tokens/${made.body.token.id}`).expect(404);
    const readOnly = await loginAdmin(app, { actions: ['plugin::roundup.read'] });
    await readOnly.post('/roundup/capture-tokens').expect(403);

    await capture(made.body.accessKey, { url: 'https://example.org/before-revoke' }).expect(201);
    await admin.del(`/roundup/capture-tokens/${made.body.token.id}`).expect(204);
    await capture(made.body.accessKey, { url: 'https://example.org/after-revoke' }).expect(401);
  });

  it('serves the capture window as a static page with a strict policy', async () => {
    const res = await app.http().get('/api/roundup/capture').expect(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.text).toContain('<form id="capture">');
  });
});

describe('the inbox', () => {
  it('searches by title, URL or host', async () => {
    await capture(captureKey, {
      url: 'https://rust-lang.example/blog/async',
      title: 'Async closures',
    }).expect(201);
    await capture(captureKey, {
      url: 'https://go.example/blog/generics',
      title: 'Generics in practice',
    }).expect(201);
    const byTitle = await admin.get('/roundup/inbox?q=async%20CLOSURES').expect(200);
    expect(byTitle.body.results.map((c: any) => c.title)).toEqual(['Async closures']);
    const byHost = await admin.get('/roundup/inbox?q=go.example').expect(200);
    expect(byHost.body.results.map((c: any) => c.title)).toEqual(['Generics in practice']);
    expect(byHost.body.total).toBe(1);
    const byPath = await admin.get('/roundup/inbox?q=/blog/').expect(200);
    expect(byPath.body.results.map((c: any) => c.title).sort()).toEqual([
      'Async closures',
      'Generics in practice',
    ]);
  });
});

describe('with unfurl turned off (unfurl.enabled: false)', () => {
  it('quick-add and Retry read nothing and say why, and a capture stays as sent', async () => {
    const site = await startPageSite({ '/page': serve(htmlPage('<title>Never read</title>')) });
    try {
      const pasted = await admin
        .post('/roundup/unfurl')
        .send({ url: `${site.origin}/page` })
        .expect(200);
      expect(pasted.body).toEqual({ ok: false, reason: 'unfurl is turned off' });

      const captured = await capture(captureKey, {
        url: `${site.origin}/page`,
        title: 'As sent',
      }).expect(201);
      const retried = await admin
        .post(`/roundup/inbox/${captured.body.data.documentId}/unfurl`)
        .expect(200);
      expect(retried.body).toMatchObject({
        title: 'As sent',
        unfurl: { state: 'failed', reason: 'unfurl is turned off' },
      });
      expect(site.hits.get('/page')).toBeUndefined();
    } finally {
      await site.close();
    }
  });
});
