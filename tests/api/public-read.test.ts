import { docs } from '../helpers/admin';
import { startApp, type TestApp } from '../helpers/app';
import { makeCategory, makeRoundup, sectionTitles } from '../helpers/content';

const DEMO_SLUG = 'what-ive-been-reading-in-july';
let app: TestApp;

beforeAll(async () => {
  app = await startApp({ database: 'public_read' });
});
afterAll(async () => {
  await app?.stop();
});

describe('GET /api/roundup/roundups/:slug', () => {
  it('returns the demo roundup with its sections and entries in order', async () => {
    const res = await app.http().get(`/api/roundup/roundups/${DEMO_SLUG}`).expect(200);
    const roundup = res.body.data;
    expect(roundup).toMatchObject({
      title: "What I've been reading in July",
      slug: DEMO_SLUG,
      date: '2026-07-31',
      layout: 'post',
      excerpt: "Here are the articles, videos, and tools that I'm excited about this July.",
      frontMatter: { tags: ['roundup', 'reading'] },
    });
    expect(sectionTitles(roundup)).toEqual([
      [
        'Articles & Learning',
        [
          'What every programmer should know about memory',
          'How does SQLite work?',
          'Files are hard',
          "The Log: What every software engineer should know about real-time data's unifying abstraction",
        ],
      ],
      ['Videos', ['Performance Matters', 'Simple Made Easy']],
      ['Neat Open Source Projects', ['Litestream', 'Jepsen']],
      ['Tools', ['hyperfine', 'ripgrep', 'jq']],
    ]);
    expect(roundup.sections[0].category).toEqual({
      name: 'Articles & Learning',
      slug: 'articles-and-learning',
    });
    expect(roundup.sections[0].entries[0]).toEqual({
      title: 'What every programmer should know about memory',
      url: 'https://lwn.net/Articles/250967/',
      author: 'Ulrich Drepper',
      description: expect.stringContaining('caches, NUMA'),
    });
    expect(roundup.sections[2].entries[0].author).toBeNull();
  });

  it('shows only public fields: no ids of admin users, no internal columns', async () => {
    const res = await app.http().get(`/api/roundup/roundups/${DEMO_SLUG}`).expect(200);
    expect(Object.keys(res.body.data).sort()).toEqual(
      [
        'date',
        'documentId',
        'excerpt',
        'frontMatter',
        'intro',
        'layout',
        'outro',
        'publishedAt',
        'sections',
        'slug',
        'title',
        'updatedAt',
      ].sort()
    );
    expect(JSON.stringify(res.body)).not.toMatch(/createdBy|updatedBy|"id"|password|email/);
  });

  it('answers 404 for a slug nobody used', async () => {
    const res = await app.http().get('/api/roundup/roundups/no-such-roundup').expect(404);
    expect(res.body.error).toMatchObject({ status: 404, name: 'NotFoundError' });
    expect(res.body.error.message).toContain('no-such-roundup');
  });
});

describe('GET /api/roundup/roundups', () => {
  it('lists published roundups newest first with Strapi pagination', async () => {
    const later = await makeRoundup(app.strapi, {
      title: 'What I read in August',
      date: '2026-08-31',
    });
    const earlier = await makeRoundup(app.strapi, {
      title: 'What I read in June',
      date: '2026-06-30',
    });

    const res = await app.http().get('/api/roundup/roundups').expect(200);
    expect(res.body.data.map((r: any) => r.slug)).toEqual([later.slug, DEMO_SLUG, earlier.slug]);
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 10, pageCount: 1, total: 3 });

    const page2 = await app.http().get('/api/roundup/roundups?page=2&pageSize=2').expect(200);
    expect(page2.body.data.map((r: any) => r.slug)).toEqual([earlier.slug]);
    expect(page2.body.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 2, total: 3 });
    expect(Object.keys(page2.body.data[0]).sort()).toEqual(
      ['date', 'documentId', 'excerpt', 'publishedAt', 'slug', 'title', 'updatedAt'].sort()
    );
  });

  it.each([
    ['page=0', 'page'],
    ['page=abc', 'page'],
    ['pageSize=0', 'pageSize'],
    ['pageSize=101', 'pageSize'],
    ['pageSize=2.5', 'pageSize'],
  ])('answers 400 naming the parameter for ?%s', async (query, field) => {
    const res = await app.http().get(`/api/roundup/roundups?${query}`).expect(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.message).toContain(field);
    expect(res.body.error.details.errors[0].path).toEqual([field]);
  });
});

describe('GET /api/roundup/categories', () => {
  it('lists the sections in order of position', async () => {
    await makeCategory(app.strapi, { name: 'Events', position: 0 });
    const res = await app.http().get('/api/roundup/categories').expect(200);
    expect(res.body.data.map((c: any) => c.name).slice(0, 5)).toEqual([
      'Events',
      'Articles & Learning',
      'Videos',
      'Neat Open Source Projects',
      'Tools',
    ]);
    expect(res.body.data[0]).toEqual({
      name: 'Events',
      slug: 'events',
      description: null,
      position: 0,
    });
  });
});

describe('drafts never leak', () => {
  let republished: { slug: string; documentId: string };

  beforeAll(async () => {
    const [category] = await docs(app.strapi, 'category').findMany({ limit: 1 });
    await makeRoundup(app.strapi, {
      title: 'Secret draft',
      slug: 'secret-draft',
      publish: false,
      sections: { [category.documentId]: ['Draft-only link'] },
    });
    republished = await makeRoundup(app.strapi, { title: 'Public title', slug: 'public-title' });
    await docs(app.strapi, 'roundup').update({
      documentId: republished.documentId,
      data: { title: 'Unpublished edit', excerpt: 'draft excerpt' },
    });
  });

  it('a roundup that exists only as a draft is 404 and not listed', async () => {
    await app.http().get('/api/roundup/roundups/secret-draft').expect(404);
    const list = await app.http().get('/api/roundup/roundups?pageSize=100').expect(200);
    expect(list.body.data.map((r: any) => r.slug)).not.toContain('secret-draft');
    expect(JSON.stringify(list.body)).not.toContain('Secret draft');
  });

  it('a published roundup shows its published version, not the draft edits', async () => {
    const res = await app.http().get('/api/roundup/roundups/public-title').expect(200);
    expect(res.body.data.title).toBe('Public title');
    expect(JSON.stringify(res.body)).not.toMatch(/Unpublished edit|draft excerpt/);
  });

  it.each([
    '?status=draft',
    '?status=published',
    '?publicationState=preview',
    '?populate=*',
    '?populate[createdBy]=true',
    '?fields[0]=createdBy',
    '?filters[slug][$eq]=secret-draft',
    '?locale=en',
    '?hasPublishedVersion=false',
    '?sort=title',
  ])('rejects %s with a 400 naming the parameter, on every route', async (query) => {
    const name = query.slice(1).split(/[=[]/)[0];
    for (const path of [
      '/api/roundup/roundups',
      '/api/roundup/roundups/secret-draft',
      '/api/roundup/categories',
    ]) {
      const res = await app
        .http()
        .get(path + query)
        .expect(400);
      expect(res.body.error.message).toContain(`Unknown query parameter: ${name}`);
      expect(JSON.stringify(res.body)).not.toContain('Secret draft');
    }
  });
});

describe('permissions', () => {
  const ACTIONS = [
    'plugin::roundup.roundup.find',
    'plugin::roundup.roundup.findOne',
    'plugin::roundup.category.find',
  ];

  it('answers 403 on every route when the Public role lacks the permission', async () => {
    const permissions = app.strapi.db.query('plugin::users-permissions.permission');
    const publicRole = await app.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' } });
    const granted = await permissions.findMany({
      where: { action: { $in: ACTIONS }, role: publicRole.id },
    });
    expect(granted).toHaveLength(3);
    await permissions.deleteMany({ where: { id: { $in: granted.map((p: any) => p.id) } } });
    try {
      for (const path of [
        '/api/roundup/roundups',
        `/api/roundup/roundups/${DEMO_SLUG}`,
        '/api/roundup/categories',
      ]) {
        const res = await app.http().get(path).expect(403);
        expect(res.body.error.name).toBe('ForbiddenError');
        expect(JSON.stringify(res.body)).not.toContain('reading in July');
      }
    } finally {
      for (const action of ACTIONS)
        await permissions.create({ data: { action, role: publicRole.id } });
    }
    await app.http().get(`/api/roundup/roundups/${DEMO_SLUG}`).expect(200);
  });

  it('keeps a revoked permission revoked after a restart', async () => {
    const permissions = app.strapi.db.query('plugin::users-permissions.permission');
    await permissions.deleteMany({ where: { action: 'plugin::roundup.category.find' } });
    await app.stop();
    app = await startApp({ database: 'public_read', reuseDatabase: true });
    await app.http().get('/api/roundup/categories').expect(403);
    await app.http().get(`/api/roundup/roundups/${DEMO_SLUG}`).expect(200);
    // The demo loads once: a restart on a database with roundups adds none.
    const list = await app.http().get('/api/roundup/roundups?pageSize=100').expect(200);
    expect(list.body.data.filter((r: any) => r.slug === DEMO_SLUG)).toHaveLength(1);
  });
});
