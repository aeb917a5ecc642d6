import { startApp, type TestApp } from '../helpers/app';
import { cm, docs, loginAdmin, type AdminClient } from '../helpers/admin';

let app: TestApp;
let admin: AdminClient;
let videos: string;
let tools: string;

const connect = (documentId: string) => ({ connect: [{ documentId }] });

beforeAll(async () => {
  app = await startApp({ database: 'content_manager', env: { ROUNDUP_SEED_DEMO: 'false' } });
  admin = await loginAdmin(app);
  const v = await admin.post(cm('category')).send({ name: 'Videos', position: 2 }).expect(201);
  const t = await admin.post(cm('category')).send({ name: 'Tools', position: 3 }).expect(201);
  videos = v.body.data.documentId;
  tools = t.body.data.documentId;
});
afterAll(async () => {
  await app?.stop();
});

const createEntry = (data: Record<string, unknown>) => admin.post(cm('entry')).send(data);

describe('an editor builds and publishes a roundup in the Content Manager', () => {
  let roundupId: string;

  it('creates a roundup whose slug is made from its title', async () => {
    const res = await admin
      .post(cm('roundup'))
      .send({ title: "What I've been reading in August", date: '2026-08-31', excerpt: 'August.' })
      .expect(201);
    roundupId = res.body.data.documentId;
    expect(res.body.data.slug).toBe('what-ive-been-reading-in-august');
    expect(res.body.data.status).toBe('draft');
  });

  it('adds entries in sections, then publishes; readers see them in order', async () => {
    for (const [title, category] of [
      ['A talk', videos],
      ['A tool', tools],
      ['Another talk', videos],
    ]) {
      await createEntry({
        title,
        url: `https://example.com/${encodeURIComponent(title)}`,
        category: connect(category),
        roundup: connect(roundupId),
      }).expect(201);
    }
    await app.http().get('/api/roundup/roundups/what-ive-been-reading-in-august').expect(404);

    await admin
      .post(`${cm('roundup')}/${roundupId}/actions/publish`)
      .send({})
      .expect(200);
    const res = await app
      .http()
      .get('/api/roundup/roundups/what-ive-been-reading-in-august')
      .expect(200);
    expect(
      res.body.data.sections.map((s: any) => [s.category.name, s.entries.map((e: any) => e.title)])
    ).toEqual([
      ['Videos', ['A talk', 'Another talk']],
      ['Tools', ['A tool']],
    ]);
  });

  it('keeps edits of a published roundup in the draft until they are published', async () => {
    const current = await admin.get(`${cm('roundup')}/${roundupId}`).expect(200);
    await admin
      .put(`${cm('roundup')}/${roundupId}`)
      .send({ ...current.body.data, title: 'Renamed in draft', excerpt: 'Changed.' })
      .expect(200);
    const live = await app
      .http()
      .get('/api/roundup/roundups/what-ive-been-reading-in-august')
      .expect(200);
    expect(live.body.data.title).toBe("What I've been reading in August");
    expect(live.body.data.excerpt).toBe('August.');

    await admin
      .post(`${cm('roundup')}/${roundupId}/actions/publish`)
      .send({})
      .expect(200);
    const after = await app
      .http()
      .get('/api/roundup/roundups/what-ive-been-reading-in-august')
      .expect(200);
    expect(after.body.data.title).toBe('Renamed in draft');
    // The slug was given, so renaming did not change the roundup's address.
    expect(after.body.data.slug).toBe('what-ive-been-reading-in-august');
  });

  it('reorders entries by dragging them in the roundup form (relation order)', async () => {
    const current = await admin.get(`${cm('roundup')}/${roundupId}`).expect(200);
    const entries = await docs(app.strapi, 'entry').findMany({
      filters: { title: { $in: ['A talk', 'Another talk'] } },
    });
    const another = entries.find((e: any) => e.title === 'Another talk');
    const first = entries.find((e: any) => e.title === 'A talk');
    // What the Content Manager sends when an editor drops "Another talk" before "A talk".
    await admin
      .put(`${cm('roundup')}/${roundupId}`)
      .send({
        ...current.body.data,
        entries: {
          connect: [{ documentId: another.documentId, position: { before: first.documentId } }],
        },
      })
      .expect(200);
    await admin
      .post(`${cm('roundup')}/${roundupId}/actions/publish`)
      .send({})
      .expect(200);
    const res = await app
      .http()
      .get('/api/roundup/roundups/what-ive-been-reading-in-august')
      .expect(200);
    expect(res.body.data.sections[0].entries.map((e: any) => e.title)).toEqual([
      'Another talk',
      'A talk',
    ]);
  });

  it('gives a second roundup with the same title a distinct slug', async () => {
    const res = await admin
      .post(cm('roundup'))
      .send({ title: "What I've been reading in August", date: '2027-08-31' })
      .expect(201);
    expect(res.body.data.slug).toBe('what-ive-been-reading-in-august-2');
  });

  it('unpublishing takes a roundup off the public API', async () => {
    await admin
      .post(`${cm('roundup')}/${roundupId}/actions/unpublish`)
      .send({})
      .expect(200);
    await app.http().get('/api/roundup/roundups/what-ive-been-reading-in-august').expect(404);
    await admin
      .post(`${cm('roundup')}/${roundupId}/actions/publish`)
      .send({})
      .expect(200);
  });
});

describe('bad input gets a 400 naming the field, and nothing stored is lost', () => {
  let entryId: string;

  beforeAll(async () => {
    const res = await createEntry({
      title: 'Keeper',
      url: 'https://example.com/keeper',
      category: connect(videos),
    }).expect(201);
    entryId = res.body.data.documentId;
  });

  const expectFieldError = (res: any, field: string, message?: string | RegExp) => {
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.message).toContain(field);
    if (message) expect(res.body.error.message).toMatch(message);
    const paths = (res.body.error.details.errors ?? []).map((e: any) => e.path.join('.'));
    expect(paths).toContain(field);
  };

  const countOf = (type: 'entry' | 'roundup' | 'category') =>
    app.strapi.db.query(`plugin::roundup.${type}` as any).count();

  it.each([
    ['javascript:alert(1)', /must use http or https, not javascript/],
    ['ftp://example.com/file', /not ftp/],
    ['example.com/no-scheme', /absolute http\(s\) URL/],
    ['/relative', /absolute http\(s\) URL/],
    ['https://exa mple.com', /spaces/],
    ['', /absolute http\(s\) URL/],
  ])('entry url %j on create', async (url, message) => {
    const before = await countOf('entry');
    const res = await createEntry({ title: 'Bad', url, category: connect(videos) });
    expectFieldError(res, 'url', message);
    expect(await countOf('entry')).toBe(before);
  });

  it('entry url on update keeps the stored URL', async () => {
    const res = await admin.put(`${cm('entry')}/${entryId}`).send({ url: 'data:text/html,hi' });
    expectFieldError(res, 'url', /not data/);
    const stored = await docs(app.strapi, 'entry').findOne({ documentId: entryId });
    expect(stored.url).toBe('https://example.com/keeper');
  });

  it('entry without a section', async () => {
    const before = await countOf('entry');
    expectFieldError(
      await createEntry({ title: 'Loose', url: 'https://example.com/loose' }),
      'category',
      /required/
    );
    expect(await countOf('entry')).toBe(before);
  });

  it('entry without a title', async () => {
    const before = await countOf('entry');
    expectFieldError(
      await createEntry({ url: 'https://example.com/untitled', category: connect(videos) }),
      'title'
    );
    expect(await countOf('entry')).toBe(before);
  });

  it('entry title longer than 500 characters keeps the stored title', async () => {
    expectFieldError(
      await admin.put(`${cm('entry')}/${entryId}`).send({ title: 'x'.repeat(501) }),
      'title'
    );
    const stored = await docs(app.strapi, 'entry').findOne({ documentId: entryId });
    expect(stored.title).toBe('Keeper');
  });

  it('roundup date that is not a date', async () => {
    const before = await countOf('roundup');
    expectFieldError(
      await admin.post(cm('roundup')).send({ title: 'Dated', date: 'last Tuesday' }),
      'date',
      /YYYY-MM-DD/
    );
    expectFieldError(
      await admin.post(cm('roundup')).send({ title: 'Dated', date: '2026-02-30' }),
      'date',
      /not a day/
    );
    expect(await countOf('roundup')).toBe(before);
  });

  it('roundup slug with spaces', async () => {
    expectFieldError(
      await admin
        .post(cm('roundup'))
        .send({ title: 'Spaced', date: '2026-01-31', slug: 'has spaces' }),
      'slug',
      /letters, digits/
    );
  });

  it('roundup slug already used by another roundup', async () => {
    await admin
      .post(cm('roundup'))
      .send({ title: 'Original', date: '2026-01-31', slug: 'taken' })
      .expect(201);
    const before = await countOf('roundup');
    expectFieldError(
      await admin.post(cm('roundup')).send({ title: 'Copy', date: '2026-01-31', slug: 'taken' }),
      'slug',
      /already used/
    );
    expect(await countOf('roundup')).toBe(before);
  });

  it.each([
    [['a', 'b'], /must be an object/],
    ['tags: x', /must be an object/],
    [{ 'bad key': 1 }, /key "bad key"/],
    [{ title: 'Shadow' }, /set by the roundup's own title field/],
  ])('roundup frontMatter %j', async (frontMatter, message) => {
    expectFieldError(
      await admin.post(cm('roundup')).send({ title: 'Front', date: '2026-01-31', frontMatter }),
      'frontMatter',
      message
    );
  });

  it('publishing a roundup without a title', async () => {
    const draft = await admin.post(cm('roundup')).send({ date: '2026-02-28' }).expect(201);
    const res = await admin
      .post(`${cm('roundup')}/${draft.body.data.documentId}/actions/publish`)
      .send({});
    expectFieldError(res, 'title');
    const published = await docs(app.strapi, 'roundup').findOne({
      documentId: draft.body.data.documentId,
      status: 'published',
    });
    expect(published).toBeNull();
  });

  it('category name already used', async () => {
    const before = await countOf('category');
    expectFieldError(
      await admin.post(cm('category')).send({ name: 'Videos', position: 9 }),
      'name',
      /unique/
    );
    expect(await countOf('category')).toBe(before);
  });

  it('category position that is not a whole number', async () => {
    expectFieldError(
      await admin.post(cm('category')).send({ name: 'Fractional', position: 1.5 }),
      'position'
    );
  });
});

describe('the Content Manager views editors see', () => {
  it('lists roundups by title, date and number of links, newest first', async () => {
    const res = await admin
      .get('/content-manager/content-types/plugin::roundup.roundup/configuration')
      .expect(200);
    const { layouts, settings, metadatas } = res.body.data.contentType;
    expect(layouts.list).toEqual(['title', 'date', 'entries']);
    expect(settings).toMatchObject({
      defaultSortBy: 'date',
      defaultSortOrder: 'DESC',
      mainField: 'title',
    });
    expect(metadatas.slug.edit.description).toMatch(/made from the title/);
  });

  it('lists entries by title, URL, section and roundup', async () => {
    const res = await admin
      .get('/content-manager/content-types/plugin::roundup.entry/configuration')
      .expect(200);
    expect(res.body.data.contentType.layouts.list).toEqual(['title', 'url', 'category', 'roundup']);
  });
});
