import { startApp, type TestApp } from '../helpers/app';
import { docs, loginAdmin, type AdminClient } from '../helpers/admin';
import { makeCategory, makeRoundup, sectionTitles } from '../helpers/content';

let app: TestApp;
let admin: AdminClient;
let articles: string;
let videos: string;

beforeAll(async () => {
  app = await startApp({ database: 'editor', env: { ROUNDUP_SEED_DEMO: 'false' } });
  admin = await loginAdmin(app);
  articles = (await makeCategory(app.strapi, { name: 'Articles', position: 1 })).documentId;
  videos = (await makeCategory(app.strapi, { name: 'Videos', position: 2 })).documentId;
});
afterAll(async () => {
  await app?.stop();
});

const editorPath = (documentId: string) => `/roundup/roundups/${documentId}/editor`;
const entryRows = () => docs(app.strapi, 'entry').findMany({ fields: ['title'] });

describe('GET /roundup/roundups', () => {
  it('lists roundups newest first with status and number of links', async () => {
    const draft = await makeRoundup(app.strapi, {
      title: 'Draft only',
      date: '2031-03-31',
      publish: false,
      sections: { [articles]: ['d1'] },
    });
    const live = await makeRoundup(app.strapi, {
      title: 'Live',
      date: '2031-02-28',
      sections: { [articles]: ['l1', 'l2'] },
    });
    const changed = await makeRoundup(app.strapi, {
      title: 'Changed',
      date: '2031-01-31',
      sections: { [videos]: ['c1'] },
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await docs(app.strapi, 'roundup').update({
      documentId: changed.documentId,
      data: { excerpt: 'edited after publish' },
    });

    const res = await admin.get('/roundup/roundups?pageSize=3').expect(200);
    expect(res.body.results.map((r: any) => [r.title, r.status, r.entries, r.date])).toEqual([
      ['Draft only', 'draft', 1, '2031-03-31'],
      ['Live', 'published', 2, '2031-02-28'],
      ['Changed', 'modified', 1, '2031-01-31'],
    ]);
    expect(res.body.results[0]).toMatchObject({ documentId: draft.documentId, publishedAt: null });
    expect(res.body.results[1]).toMatchObject({
      documentId: live.documentId,
      publishedAt: expect.any(String),
    });
    expect(res.body.pagination).toMatchObject({ page: 1, pageSize: 3, total: expect.any(Number) });
  });

  it('counts every roundup on every page, full or not', async () => {
    const drafts = await docs(app.strapi, 'roundup').count({ status: 'draft' });
    const pages = Math.ceil(drafts / 2);
    const first = await admin.get('/roundup/roundups?pageSize=2').expect(200);
    const last = await admin.get(`/roundup/roundups?pageSize=2&page=${pages}`).expect(200);
    const all = await admin.get(`/roundup/roundups?pageSize=${drafts + 1}`).expect(200);
    for (const res of [first, last, all]) expect(res.body.pagination.total).toBe(drafts);
    expect(first.body.pagination.pageCount).toBe(pages);
    expect(all.body.results).toHaveLength(drafts);
    expect(all.body.pagination.pageCount).toBe(1);
  });

  it('rejects unknown and bad query parameters with a 400 naming them', async () => {
    const res = await admin.get('/roundup/roundups?pageSize=1000&sort=title').expect(400);
    expect(res.body.error.message).toContain('sort');
    expect(res.body.error.message).toContain('pageSize');
  });
});

describe('POST /roundup/roundups', () => {
  it('creates a draft and answers with its editor view', async () => {
    const res = await admin
      .post('/roundup/roundups')
      .send({ title: 'What I read in September', date: '2031-09-30' })
      .expect(201);
    expect(res.body.roundup).toMatchObject({
      title: 'What I read in September',
      slug: 'what-i-read-in-september',
      status: 'draft',
      entries: 0,
    });
    expect(sectionTitles(res.body)).toEqual(
      expect.arrayContaining([
        ['Articles', []],
        ['Videos', []],
      ])
    );
    const stored = await docs(app.strapi, 'roundup').findOne({
      documentId: res.body.roundup.documentId,
    });
    expect(stored.title).toBe('What I read in September');
  });

  it('names every bad field and creates nothing', async () => {
    const before = await docs(app.strapi, 'roundup').count({});
    const res = await admin
      .post('/roundup/roundups')
      .send({ title: '  ', date: '30/09/2031' })
      .expect(400);
    const paths = res.body.error.details.errors.map((e: any) => e.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['title', 'date']));
    expect(res.body.error.message).toContain('YYYY-MM-DD');
    expect(await docs(app.strapi, 'roundup').count({})).toBe(before);
  });
});

describe('GET /roundup/roundups/:documentId/editor', () => {
  it('shows every section in order with link cards and the order version', async () => {
    const r = await makeRoundup(app.strapi, {
      title: 'Cards',
      sections: { [videos]: ['v1'], [articles]: ['a1', 'a2'] },
    });
    await docs(app.strapi, 'entry').update({
      documentId: r.entries.a1,
      data: {
        url: 'https://www.Example.org/post?id=3',
        description: '**Bold** take on [links](https://x.test).\n\nSecond paragraph.',
      },
    });
    const { body } = await admin.get(editorPath(r.documentId)).expect(200);
    expect(sectionTitles(body).slice(0, 2)).toEqual([
      ['Articles', ['a1', 'a2']],
      ['Videos', ['v1']],
    ]);
    expect(body.sections[0].entries[0]).toEqual({
      documentId: r.entries.a1,
      title: 'a1',
      url: 'https://www.Example.org/post?id=3',
      host: 'example.org',
      author: 'Author of a1',
      commentary: 'Bold take on links.',
      duplicates: [],
    });
    const order = await admin.get(`/roundup/roundups/${r.documentId}/order`).expect(200);
    expect(body.version).toBe(order.body.version);
    expect(body.roundup).toMatchObject({ title: 'Cards', status: 'published', entries: 3 });
  });

  it('answers 404 for an unknown roundup', async () => {
    const res = await admin.get(editorPath('nosuchroundup')).expect(404);
    expect(res.body.error.message).toContain('nosuchroundup');
  });
});

describe('duplicate links', () => {
  it('flags a link whose canonical URL is already in another roundup, naming it', async () => {
    const july = await makeRoundup(app.strapi, {
      title: 'July picks',
      sections: { [articles]: ['shared'] },
    });
    await docs(app.strapi, 'entry').update({
      documentId: july.entries.shared,
      data: { url: 'https://Blog.Example.com/post/?utm_source=newsletter&id=7#comments' },
    });
    const august = await makeRoundup(app.strapi, { title: 'August picks', publish: false });
    const res = await admin
      .post(`/roundup/roundups/${august.documentId}/entries`)
      .send({
        title: 'Same post again',
        url: 'https://blog.example.com/post?id=7&fbclid=abc',
        category: articles,
      })
      .expect(201);
    const card = res.body.sections[0].entries[0];
    expect(card.title).toBe('Same post again');
    expect(card.duplicates).toEqual([
      { roundup: { documentId: july.documentId, title: 'July picks' }, entry: july.entries.shared },
    ]);

    // And the older roundup's card names the newer one.
    const { body } = await admin.get(editorPath(july.documentId)).expect(200);
    expect(body.sections[0].entries[0].duplicates.map((d: any) => d.roundup.title)).toEqual([
      'August picks',
    ]);
  });

  it('does not flag different paths, other query values or links in the same roundup', async () => {
    const r = await makeRoundup(app.strapi, { title: 'No dupes', publish: false });
    for (const url of [
      'https://dupes.example.com/a?id=1',
      'https://dupes.example.com/a?id=2',
      'https://dupes.example.com/A?id=1',
    ]) {
      await admin
        .post(`/roundup/roundups/${r.documentId}/entries`)
        .send({ title: url, url, category: videos })
        .expect(201);
    }
    const { body } = await admin.get(editorPath(r.documentId)).expect(200);
    expect(body.sections[1].entries.map((e: any) => e.duplicates)).toEqual([[], [], []]);
  });
});

describe('inbox and quick-add', () => {
  it('adds a link from the inbox to the end of its section, and it leaves the inbox', async () => {
    const r = await makeRoundup(app.strapi, {
      title: 'Inbox target',
      publish: false,
      sections: { [articles]: ['first'] },
    });
    const waiting = await docs(app.strapi, 'entry').create({
      data: { title: 'Waiting link', url: 'https://inbox.example.com/waiting', category: articles },
    });
    const inbox = await admin.get('/roundup/inbox').expect(200);
    expect(inbox.body.results.map((e: any) => e.title)).toContain('Waiting link');
    expect(inbox.body.results.find((e: any) => e.title === 'Waiting link')).toMatchObject({
      host: 'inbox.example.com',
      category: { documentId: articles, name: 'Articles' },
    });

    const res = await admin
      .post(`/roundup/roundups/${r.documentId}/entries`)
      .send({ entry: waiting.documentId })
      .expect(201);
    expect(sectionTitles(res.body)[0]).toEqual(['Articles', ['first', 'Waiting link']]);
    const after = await admin.get('/roundup/inbox').expect(200);
    expect(after.body.results.map((e: any) => e.title)).not.toContain('Waiting link');
  });

  it('counts the whole inbox on every page, full or not', async () => {
    for (const n of [1, 2, 3]) {
      await docs(app.strapi, 'entry').create({
        data: {
          title: `Counted ${n}`,
          url: `https://inbox.example.com/counted-${n}`,
          category: articles,
        },
      });
    }
    const waiting = (await admin.get('/roundup/inbox?pageSize=200').expect(200)).body;
    expect(waiting.total).toBeGreaterThanOrEqual(3);
    expect(waiting.results).toHaveLength(waiting.total);
    const pages = Math.ceil(waiting.total / 2);
    for (const page of [1, pages]) {
      const res = await admin.get(`/roundup/inbox?pageSize=2&page=${page}`).expect(200);
      expect(res.body.total).toBe(waiting.total);
      expect(res.body.pagination).toMatchObject({
        page,
        pageSize: 2,
        pageCount: pages,
        total: waiting.total,
      });
    }
    // The plain inbox and a search read differently; a search that matches every link answers the same cards.
    const searched = (await admin.get('/roundup/inbox?pageSize=200&q=https').expect(200)).body;
    expect(searched.results).toEqual(waiting.results);
    const found = await admin.get('/roundup/inbox?q=counted-2').expect(200);
    expect(found.body.results.map((e: any) => e.title)).toEqual(['Counted 2']);
    expect(found.body.total).toBe(1);
  });

  it('answers 409 for a link that is already in a roundup, naming it, and changes nothing', async () => {
    const taken = await makeRoundup(app.strapi, {
      title: 'Owner roundup',
      sections: { [articles]: ['owned'] },
    });
    const r = await makeRoundup(app.strapi, { title: 'Wants it', publish: false });
    const res = await admin
      .post(`/roundup/roundups/${r.documentId}/entries`)
      .send({ entry: taken.entries.owned })
      .expect(409);
    expect(res.body.error.message).toContain('Owner roundup');
    const { body } = await admin.get(editorPath(r.documentId)).expect(200);
    expect(body.roundup.entries).toBe(0);
  });

  it('creates a link with quick-add in the chosen section', async () => {
    const r = await makeRoundup(app.strapi, {
      title: 'Quick',
      publish: false,
      sections: { [videos]: ['old video'] },
    });
    const res = await admin
      .post(`/roundup/roundups/${r.documentId}/entries`)
      .send({
        title: 'New talk',
        url: 'https://talks.example.com/new',
        author: 'Ada',
        description: 'Worth it.',
        category: videos,
      })
      .expect(201);
    expect(sectionTitles(res.body)[1]).toEqual(['Videos', ['old video', 'New talk']]);
    expect(res.body.sections[1].entries[1]).toMatchObject({
      host: 'talks.example.com',
      author: 'Ada',
      commentary: 'Worth it.',
    });
  });

  it('names every bad quick-add field at once and stores nothing', async () => {
    const r = await makeRoundup(app.strapi, { title: 'Bad quick-add', publish: false });
    const before = (await entryRows()).length;
    const missing = await admin
      .post(`/roundup/roundups/${r.documentId}/entries`)
      .send({ author: 'x' })
      .expect(400);
    expect(missing.body.error.details.errors.map((e: any) => e.path.join('.')).sort()).toEqual([
      'category',
      'title',
      'url',
    ]);

    const bad = await admin
      .post(`/roundup/roundups/${r.documentId}/entries`)
      .send({ title: 'Bad', url: 'javascript:alert(1)', category: 'nosuchsection' })
      .expect(400);
    const errors = Object.fromEntries(
      bad.body.error.details.errors.map((e: any) => [e.path.join('.'), e.message])
    );
    expect(errors.url).toMatch(/http or https/);
    expect(errors.category).toMatch(/sections/);

    const unknown = await admin
      .post(`/roundup/roundups/${r.documentId}/entries`)
      .send({ title: 'T', url: 'https://ok.example.com', category: articles, roundup: 'x' })
      .expect(400);
    expect(unknown.body.error.message).toContain('roundup');

    expect((await entryRows()).length).toBe(before);
    const { body } = await admin.get(editorPath(r.documentId)).expect(200);
    expect(body.roundup.entries).toBe(0);
  });
});

describe('preview and publishing', () => {
  it('renders the draft as Markdown and HTML before it is published', async () => {
    const r = await makeRoundup(app.strapi, {
      title: 'Preview me',
      publish: false,
      sections: { [articles]: ['Draft link'] },
    });
    const { body } = await admin.get(`/roundup/roundups/${r.documentId}/preview`).expect(200);
    expect(body.markdown).toContain('[Draft link](https://example.com/Draft%20link)');
    expect(body.markdown).toContain('## Articles');
    expect(body.html).toContain('<a href="https://example.com/Draft%20link"');
    await app.http().get(`/api/roundup/roundups/${r.slug}/rendered?format=markdown`).expect(404);
  });

  it('publishes and unpublishes, and the public outputs follow', async () => {
    const r = await makeRoundup(app.strapi, {
      title: 'Go live',
      publish: false,
      sections: { [articles]: ['Live link'] },
    });
    const published = await admin.post(`/roundup/roundups/${r.documentId}/publish`).expect(200);
    expect(published.body.roundup.status).toBe('published');
    const live = await app.http().get(`/api/roundup/roundups/${r.slug}`).expect(200);
    expect(sectionTitles(live.body.data)).toEqual([['Articles', ['Live link']]]);

    const unpublished = await admin.post(`/roundup/roundups/${r.documentId}/unpublish`).expect(200);
    expect(unpublished.body.roundup.status).toBe('draft');
    await app.http().get(`/api/roundup/roundups/${r.slug}`).expect(404);
  });
});

describe('admin permissions', () => {
  it('lets a read-only role read but not reorder, add, create or publish', async () => {
    const r = await makeRoundup(app.strapi, {
      title: 'Read only',
      sections: { [articles]: ['a', 'b'] },
    });
    const reader = await loginAdmin(app, { actions: ['plugin::roundup.read'] });
    const { body } = await reader.get(editorPath(r.documentId)).expect(200);
    await reader.get('/roundup/roundups').expect(200);
    await reader.get('/roundup/inbox').expect(200);
    await reader.get(`/roundup/roundups/${r.documentId}/preview`).expect(200);

    const reversed = {
      version: body.version,
      sections: [{ category: articles, entries: [r.entries.b, r.entries.a] }],
    };
    await reader.put(`/roundup/roundups/${r.documentId}/order`).send(reversed).expect(403);
    await reader.post('/roundup/roundups').send({ title: 'Nope', date: '2031-01-01' }).expect(403);
    await reader
      .post(`/roundup/roundups/${r.documentId}/entries`)
      .send({ title: 'Nope', url: 'https://nope.example.com', category: articles })
      .expect(403);
    await reader.post(`/roundup/roundups/${r.documentId}/unpublish`).expect(403);

    const after = await admin.get(editorPath(r.documentId)).expect(200);
    expect(sectionTitles(after.body)[0]).toEqual(['Articles', ['a', 'b']]);
    expect(after.body.roundup.status).toBe('published');
  });

  it('gives each page action to a role on its own', async () => {
    const r = await makeRoundup(app.strapi, { title: 'Split roles', publish: false });
    const publisher = await loginAdmin(app, {
      actions: ['plugin::roundup.read', 'plugin::roundup.publish'],
    });
    await publisher.post(`/roundup/roundups/${r.documentId}/publish`).expect(200);
    await publisher
      .post('/roundup/roundups')
      .send({ title: 'Nope', date: '2031-01-01' })
      .expect(403);

    const creator = await loginAdmin(app, { actions: ['plugin::roundup.create'] });
    await creator
      .post('/roundup/roundups')
      .send({ title: 'Made by creator', date: '2031-01-01' })
      .expect(201);
    await creator.post(`/roundup/roundups/${r.documentId}/unpublish`).expect(403);
    await app.http().get('/roundup/roundups').expect(401);
  });
});
