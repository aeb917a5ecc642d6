import { startApp, type TestApp } from '../helpers/app';
import { cm, docs, loginAdmin, type AdminClient } from '../helpers/admin';
import { makeCategory, makeRoundup, sectionTitles } from '../helpers/content';

let app: TestApp;
let admin: AdminClient;
let articles: string;
let videos: string;
let tools: string;

beforeAll(async () => {
  app = await startApp({ database: 'order', env: { ROUNDUP_SEED_DEMO: 'false' } });
  admin = await loginAdmin(app);
  articles = (await makeCategory(app.strapi, { name: 'Articles', position: 1 })).documentId;
  videos = (await makeCategory(app.strapi, { name: 'Videos', position: 2 })).documentId;
  tools = (await makeCategory(app.strapi, { name: 'Tools', position: 3 })).documentId;
});
afterAll(async () => {
  await app?.stop();
});

const orderPath = (documentId: string) => `/roundup/roundups/${documentId}/order`;
const publicView = async (slug: string) =>
  sectionTitles((await app.http().get(`/api/roundup/roundups/${slug}`).expect(200)).body.data);

describe('GET /roundup/roundups/:documentId/order', () => {
  it('returns every section in order, with the entries and a version', async () => {
    const r = await makeRoundup(app.strapi, {
      sections: { [videos]: ['v1', 'v2'], [articles]: ['a1'] },
    });
    const res = await admin.get(orderPath(r.documentId)).expect(200);
    expect(res.body).toEqual({
      sections: [
        { category: articles, entries: [r.entries.a1] },
        { category: videos, entries: [r.entries.v1, r.entries.v2] },
        { category: tools, entries: [] },
      ],
      version: expect.any(String),
    });
  });

  it('answers 404 for an unknown roundup and 401 without an admin token', async () => {
    const res = await admin.get(orderPath('nosuchdocumentid')).expect(404);
    expect(res.body.error.message).toContain('nosuchdocumentid');
    await app.http().get(orderPath('nosuchdocumentid')).expect(401);
    await app.http().put(orderPath('nosuchdocumentid')).send({ sections: [] }).expect(401);
  });
});

describe('PUT /roundup/roundups/:documentId/order', () => {
  it('reorders entries, moves one to another section and reorders sections, in one call', async () => {
    const r = await makeRoundup(app.strapi, {
      title: 'Reordered',
      sections: { [articles]: ['a1', 'a2', 'a3'], [videos]: ['v1'] },
    });
    const { body: before } = await admin.get(orderPath(r.documentId)).expect(200);
    const res = await admin
      .put(orderPath(r.documentId))
      .send({
        version: before.version,
        sections: [
          { category: videos, entries: [r.entries.v1, r.entries.a2] },
          { category: articles, entries: [r.entries.a3, r.entries.a1] },
        ],
      })
      .expect(200);
    expect(res.body.sections.slice(0, 2)).toEqual([
      { category: videos, entries: [r.entries.v1, r.entries.a2] },
      { category: articles, entries: [r.entries.a3, r.entries.a1] },
    ]);
    expect(res.body.version).not.toBe(before.version);
    const moved = await docs(app.strapi, 'entry').findOne({
      documentId: r.entries.a2,
      populate: ['category'],
    });
    expect(moved.category.documentId).toBe(videos);
  });

  describe("Draft & Publish: order is draft content, an entry's section is live", () => {
    it('shows the new order to readers only once the roundup is published', async () => {
      const r = await makeRoundup(app.strapi, {
        title: 'Live order',
        sections: { [articles]: ['a1', 'a2'], [videos]: ['v1', 'v2'] },
      });
      const { body } = await admin.get(orderPath(r.documentId)).expect(200);
      await admin
        .put(orderPath(r.documentId))
        .send({
          version: body.version,
          sections: [
            { category: videos, entries: [r.entries.v2, r.entries.a1, r.entries.v1] },
            { category: articles, entries: [r.entries.a2] },
          ],
        })
        .expect(200);

      // Before publishing: the published order stands, but a1's section (its
      // category, a field of the entry) changed at once.
      expect(await publicView(r.slug)).toEqual([
        ['Articles', ['a2']],
        ['Videos', ['a1', 'v1', 'v2']],
      ]);

      await docs(app.strapi, 'roundup').publish({ documentId: r.documentId });
      expect(await publicView(r.slug)).toEqual([
        ['Videos', ['v2', 'a1', 'v1']],
        ['Articles', ['a2']],
      ]);
    });

    it('leaves a roundup that was never published invisible', async () => {
      const r = await makeRoundup(app.strapi, {
        title: 'Unseen',
        publish: false,
        sections: { [tools]: ['t1', 't2'] },
      });
      await admin
        .put(orderPath(r.documentId))
        .send({ sections: [{ category: tools, entries: [r.entries.t2, r.entries.t1] }] })
        .expect(200);
      await app.http().get(`/api/roundup/roundups/${r.slug}`).expect(404);
    });
  });

  it("keeps the categories' order when the sections are listed in it, and clears an override", async () => {
    const r = await makeRoundup(app.strapi, {
      title: 'Default order',
      sections: { [articles]: ['a1'], [videos]: ['v1'] },
    });
    await admin
      .put(orderPath(r.documentId))
      .send({
        sections: [
          { category: videos, entries: [r.entries.v1] },
          { category: articles, entries: [r.entries.a1] },
        ],
      })
      .expect(200);
    let draft = await docs(app.strapi, 'roundup').findOne({
      documentId: r.documentId,
      populate: ['sections'],
    });
    expect(draft.sections.map((s: any) => s.documentId)).toEqual([videos, articles]);

    await admin
      .put(orderPath(r.documentId))
      .send({
        sections: [
          { category: articles, entries: [r.entries.a1] },
          { category: videos, entries: [r.entries.v1] },
        ],
      })
      .expect(200);
    draft = await docs(app.strapi, 'roundup').findOne({
      documentId: r.documentId,
      populate: ['sections'],
    });
    expect(draft.sections).toEqual([]);
  });

  describe('bad requests answer 400 naming the problem and change nothing', () => {
    let r: Awaited<ReturnType<typeof makeRoundup>>;
    let other: Awaited<ReturnType<typeof makeRoundup>>;
    let inboxEntry: string;
    let before: any;

    beforeAll(async () => {
      r = await makeRoundup(app.strapi, {
        title: 'Guarded',
        sections: { [articles]: ['a1', 'a2'], [videos]: ['v1'] },
      });
      other = await makeRoundup(app.strapi, {
        title: 'Someone else',
        sections: { [articles]: ['x1'] },
      });
      inboxEntry = (
        await docs(app.strapi, 'entry').create({
          data: { title: 'Waiting', url: 'https://example.com/waiting', category: tools },
        })
      ).documentId;
    });

    beforeEach(async () => {
      before = (await admin.get(orderPath(r.documentId)).expect(200)).body;
    });

    afterEach(async () => {
      const after = (await admin.get(orderPath(r.documentId)).expect(200)).body;
      expect(after).toEqual(before);
      expect(await publicView(r.slug)).toEqual([
        ['Articles', ['a1', 'a2']],
        ['Videos', ['v1']],
      ]);
    });

    // Every row names the path the error details must carry.
    const cases: [string, () => object, RegExp, string][] = [
      [
        'an unknown category',
        () => ({
          sections: [{ category: 'nope', entries: [r.entries.a1, r.entries.a2, r.entries.v1] }],
        }),
        /Unknown category "nope"/,
        'sections.0.category',
      ],
      [
        'a category listed twice',
        () => ({
          sections: [
            { category: articles, entries: [r.entries.a1] },
            { category: articles, entries: [r.entries.a2, r.entries.v1] },
          ],
        }),
        /listed twice/,
        'sections.1.category',
      ],
      [
        'an unknown entry',
        () => ({
          sections: [
            { category: articles, entries: [r.entries.a1, r.entries.a2, r.entries.v1, 'ghost'] },
          ],
        }),
        /Unknown entry "ghost"/,
        'sections.0.entries.3',
      ],
      [
        'an entry of another roundup',
        () => ({
          sections: [
            {
              category: articles,
              entries: [r.entries.a1, r.entries.a2, r.entries.v1, other.entries.x1],
            },
          ],
        }),
        /belongs to another roundup \("Someone else"\)/,
        'sections.0.entries.3',
      ],
      [
        'an entry from the inbox',
        () => ({
          sections: [
            { category: articles, entries: [r.entries.a1, r.entries.a2, r.entries.v1, inboxEntry] },
          ],
        }),
        /is in the inbox/,
        'sections.0.entries.3',
      ],
      [
        'an entry listed twice',
        () => ({
          sections: [
            { category: articles, entries: [r.entries.a1, r.entries.a2] },
            { category: videos, entries: [r.entries.v1, r.entries.a1] },
          ],
        }),
        /listed twice \(also at sections\[0\]\.entries\[0\]\)/,
        'sections.1.entries.1',
      ],
      [
        'a missing entry',
        () => ({ sections: [{ category: articles, entries: [r.entries.a1, r.entries.v1] }] }),
        /of this roundup is missing from the order/,
        'sections',
      ],
      ['no sections field', () => ({}), /sections/, 'sections'],
      ['sections that is not a list', () => ({ sections: 'a,b' }), /sections/, 'sections'],
      [
        'entries that are not ids',
        () => ({ sections: [{ category: articles, entries: [1, 2] }] }),
        /sections\[0\]\.entries\[0\]/,
        'sections.0.entries.0',
      ],
      [
        'an unknown field',
        () => ({ sections: [], orderBy: 'title' }),
        /Unknown field: orderBy/,
        'orderBy',
      ],
      [
        'an unknown field in a section',
        () => ({ sections: [{ category: articles, entries: [], name: 'x' }] }),
        /Unknown field: name/,
        'sections.0.name',
      ],
    ];

    it.each(cases)('%s', async (_, body, message, path) => {
      const res = await admin.put(orderPath(r.documentId)).send(body()).expect(400);
      expect(res.body.error.name).toBe('ValidationError');
      expect(res.body.error.message).toMatch(message);
      expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain(path);
    });

    it('a stale version answers 409 with the current version', async () => {
      const res = await admin
        .put(orderPath(r.documentId))
        .send({
          version: 'stale-version',
          sections: [
            { category: articles, entries: [r.entries.a2, r.entries.a1] },
            { category: videos, entries: [r.entries.v1] },
          ],
        })
        .expect(409);
      expect(res.body.error).toMatchObject({
        status: 409,
        name: 'ConflictError',
        details: { version: before.version },
      });
    });
  });

  it('lets only one of two editors who loaded the same version save', async () => {
    const r = await makeRoundup(app.strapi, {
      title: 'Contested',
      sections: { [articles]: ['a1', 'a2'] },
    });
    const { body } = await admin.get(orderPath(r.documentId)).expect(200);
    const first = admin.put(orderPath(r.documentId)).send({
      version: body.version,
      sections: [{ category: articles, entries: [r.entries.a2, r.entries.a1] }],
    });
    const second = admin.put(orderPath(r.documentId)).send({
      version: body.version,
      sections: [{ category: videos, entries: [r.entries.a1, r.entries.a2] }],
    });
    const statuses = (await Promise.all([first, second])).map((res) => res.status).sort();
    expect(statuses).toEqual([200, 409]);
  });
});

describe('admin permissions', () => {
  it('a role with read access but not reorder can look but not change', async () => {
    const r = await makeRoundup(app.strapi, {
      title: 'Read only',
      sections: { [articles]: ['a1', 'a2'] },
    });
    const reader = await loginAdmin(app, { actions: ['plugin::roundup.read'] });
    const { body } = await reader.get(orderPath(r.documentId)).expect(200);
    const res = await reader
      .put(orderPath(r.documentId))
      .send({
        version: body.version,
        sections: [{ category: articles, entries: [r.entries.a2, r.entries.a1] }],
      })
      .expect(403);
    expect(res.body.error.name).toBe('PolicyError');
    expect((await admin.get(orderPath(r.documentId))).body).toEqual(body);
  });

  it("a role without the plugin's actions cannot read the order either", async () => {
    const r = await makeRoundup(app.strapi, { title: 'Hidden', sections: { [articles]: ['a1'] } });
    const outsider = await loginAdmin(app, { actions: [] });
    await outsider.get(orderPath(r.documentId)).expect(403);
  });
});

describe('reordering from the Content Manager', () => {
  it("the roundup form's entry list order is the order the reorder route reports", async () => {
    const r = await makeRoundup(app.strapi, {
      title: 'Dragged',
      sections: { [articles]: ['a1', 'a2', 'a3'] },
    });
    const current = await admin.get(`${cm('roundup')}/${r.documentId}`).expect(200);
    await admin
      .put(`${cm('roundup')}/${r.documentId}`)
      .send({
        ...current.body.data,
        entries: { connect: [{ documentId: r.entries.a3, position: { start: true } }] },
      })
      .expect(200);
    const { body } = await admin.get(orderPath(r.documentId)).expect(200);
    expect(body.sections[0]).toEqual({
      category: articles,
      entries: [r.entries.a3, r.entries.a1, r.entries.a2],
    });
  });

  it("a category's position sets the default order of sections", async () => {
    const r = await makeRoundup(app.strapi, {
      title: 'Positions',
      sections: { [articles]: ['a1'], [tools]: ['t1'] },
    });
    expect(await publicView(r.slug)).toEqual([
      ['Articles', ['a1']],
      ['Tools', ['t1']],
    ]);
    const cat = await admin.get(`${cm('category')}/${tools}`).expect(200);
    await admin
      .put(`${cm('category')}/${tools}`)
      .send({ ...cat.body.data, position: 0 })
      .expect(200);
    expect(await publicView(r.slug)).toEqual([
      ['Tools', ['t1']],
      ['Articles', ['a1']],
    ]);
    await admin
      .put(`${cm('category')}/${tools}`)
      .send({ ...cat.body.data, position: 3 })
      .expect(200);
  });
});
