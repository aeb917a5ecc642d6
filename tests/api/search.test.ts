import { docs } from '../helpers/admin';
import { startApp, type TestApp } from '../helpers/app';
import { makeCategory } from '../helpers/content';

let app: TestApp;
let category: string;

/** Titles of the hits of GET /api/roundup/search?q=… (first page, up to 100). */
const titles = async (q: string) => {
  const res = await app.http().get('/api/roundup/search').query({ q, pageSize: 100 }).expect(200);
  return (res.body.data as { link: { title: string } }[]).map((hit) => hit.link.title);
};

/** Titles of the hits of `q` once the index (filled in the background at startup) holds `count`. */
const titlesOnceIndexed = async (q: string, count: number) => {
  let found: string[] = [];
  for (let tries = 0; tries < 100 && found.length < count; tries += 1) {
    found = await titles(q);
    if (found.length < count) await new Promise((wait) => setTimeout(wait, 100));
  }
  return found;
};

/** A link with its own URL, author and commentary. */
const link = (title: string, url: string, description: string, author: string | null = null) =>
  docs(app.strapi, 'entry').create({ data: { title, url, description, author, category } });

/** A roundup of the links `documentIds`, published unless `publish` is false. */
const roundupOf = async (title: string, date: string, documentIds: string[], publish = true) => {
  const roundup = await docs(app.strapi, 'roundup').create({
    data: { title, date, entries: { set: documentIds } },
  });
  if (publish) await docs(app.strapi, 'roundup').publish({ documentId: roundup.documentId });
  return roundup.documentId as string;
};

let fleeting: string;

beforeAll(async () => {
  app = await startApp({ database: 'search' });
  category = (await makeCategory(app.strapi)).documentId;
  const inTitle = await link(
    'Zymurgy queues in practice',
    'https://zq.example.org/a',
    'A tour of ring buffers.',
    'Quinlan Barr'
  );
  const inCommentary = await link(
    'Ring buffers explained',
    'https://rb.example.net/b',
    'Why <b>zymurgy</b> queues need memory & barriers.'
  );
  const byHost = await link(
    'Unrelated title',
    'https://kestrelhost.example.com/c',
    'Nothing to see.'
  );
  const cjk = await link('検索エンジンの話', 'https://jp.example.com/d', '東京の本屋');
  await roundupOf('Spring reading', '2026-05-31', [inTitle.documentId, inCommentary.documentId]);
  await roundupOf('Summer reading', '2026-06-30', [byHost.documentId, cjk.documentId]);

  const draftOnly = await link('Zymurgy draft secret', 'https://ds.example.org/e', 'Queues.');
  await roundupOf('Unfinished', '2026-07-31', [draftOnly.documentId], false);
  const leaving = await link('Zymurgy fleeting', 'https://fl.example.org/f', 'Gone soon.');
  fleeting = await roundupOf('Fleeting', '2026-08-31', [leaving.documentId]);
  await link('Zymurgy inbox link', 'https://ib.example.org/g', 'Waiting in the inbox.');
});
afterAll(async () => {
  await app?.stop();
});

describe('GET /api/roundup/search', () => {
  it('finds published links by title, commentary, author and host, title matches first', async () => {
    const found = await titles('zymurgy queues');
    expect(found).toEqual(['Zymurgy queues in practice', 'Ring buffers explained']);
    expect(await titles('Quinlan')).toEqual(['Zymurgy queues in practice']);
    expect(await titles('kestrelhost.example.com')).toEqual(['Unrelated title']);
    expect(await titles('検索エンジンの話')).toEqual(['検索エンジンの話']);
  });

  it('stems English words: a singular finds the plural', async () => {
    expect((await titles('queue zymurgy')).sort()).toEqual(
      ['Ring buffers explained', 'Zymurgy queues in practice'].sort()
    );
  });

  it('answers each hit with its link, its roundups and a marked, escaped snippet', async () => {
    const res = await app.http().get('/api/roundup/search?q=zymurgy%20barriers').expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 10, pageCount: 1, total: 1 });
    expect(res.body.data).toEqual([
      {
        link: {
          title: 'Ring buffers explained',
          url: 'https://rb.example.net/b',
          author: null,
          description: 'Why <b>zymurgy</b> queues need memory & barriers.',
        },
        roundups: [{ title: 'Spring reading', slug: 'spring-reading', date: '2026-05-31' }],
        snippet: 'Why <b>zymurgy</b> queues need memory & barriers.',
        snippetHtml:
          'Why &lt;b&gt;<mark>zymurgy</mark>&lt;/b&gt; queues need memory &amp; <mark>barriers</mark>.',
      },
    ]);
  });

  it('pages like the other lists', async () => {
    const res = await app.http().get('/api/roundup/search?q=zymurgy&pageSize=1&page=2').expect(200);
    expect(res.body.meta.pagination).toEqual({ page: 2, pageSize: 1, pageCount: 3, total: 3 });
    expect(res.body.data).toHaveLength(1);
  });

  it('never shows a link only a draft or the inbox holds', async () => {
    const found = await titles('zymurgy');
    expect(found).not.toContain('Zymurgy draft secret');
    expect(found).not.toContain('Zymurgy inbox link');
    expect(await titles('secret')).toEqual([]);
  });

  it("drops an unpublished roundup's links at once", async () => {
    expect(await titles('fleeting')).toEqual(['Zymurgy fleeting']);
    await docs(app.strapi, 'roundup').unpublish({ documentId: fleeting });
    expect(await titles('fleeting')).toEqual([]);
    await docs(app.strapi, 'roundup').publish({ documentId: fleeting });
    expect(await titles('fleeting')).toEqual(['Zymurgy fleeting']);
  });

  it('follows edits and deletions of a link', async () => {
    const entry = await link('Quokka notes', 'https://qn.example.org/h', 'First words.');
    await roundupOf('Quokka roundup', '2026-09-30', [entry.documentId]);
    expect(await titles('quokka')).toEqual(['Quokka notes']);
    await docs(app.strapi, 'entry').update({
      documentId: entry.documentId,
      data: { title: 'Wombat notes' },
    });
    expect(await titles('quokka')).toEqual([]);
    expect(await titles('wombat')).toEqual(['Wombat notes']);
    await docs(app.strapi, 'entry').delete({ documentId: entry.documentId });
    expect(await titles('wombat')).toEqual([]);
  });

  it('finds the link-less list items after a link, and shows them on the hit', async () => {
    const entry = await docs(app.strapi, 'entry').create({
      data: {
        title: 'Conference talks',
        url: 'https://ct.example.org/i',
        description: 'The recordings are up.',
        textAfter: '- Slides for the capybara keynote\n- Notes from the hallway track',
        category,
      },
    });
    await roundupOf('Talks roundup', '2026-10-31', [entry.documentId]);
    const res = await app.http().get('/api/roundup/search').query({ q: 'capybara' }).expect(200);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0]).toMatchObject({
      link: {
        title: 'Conference talks',
        textAfter: '- Slides for the capybara keynote\n- Notes from the hallway track',
      },
      snippet: '- Slides for the capybara keynote - Notes from the hallway track',
      snippetHtml: '- Slides for the <mark>capybara</mark> keynote - Notes from the hallway track',
    });
    // A link without such items has no textAfter on its hit, as in the read API.
    const plain = await app.http().get('/api/roundup/search').query({ q: 'kestrelhost' });
    expect(plain.body.data[0].link).not.toHaveProperty('textAfter');

    await docs(app.strapi, 'entry').update({
      documentId: entry.documentId,
      data: { textAfter: '- Notes from the hallway track' },
    });
    expect(await titles('capybara')).toEqual([]);
    expect(await titles('hallway')).toEqual(['Conference talks']);
  });

  it('makes an index of an older version anew at startup, words of the items after a link included', async () => {
    const index = app.strapi.plugin('roundup').service('search-index');
    const store = app.strapi.store({ type: 'plugin', name: 'roundup', key: 'search-index' });
    // As version 1 left it: one row per link, the items after a link not in it.
    const before = (await store.get({})) as Record<string, unknown>;
    await store.set({ value: { ...before, version: 1 } });
    const [hallway] = await app.strapi.db
      .connection('roundup_entries')
      .select('id')
      .where({ title: 'Conference talks' });
    await app.strapi.db
      .connection('roundup_search')
      .where(index.engine().idColumn, hallway.id)
      .update({ description: 'The recordings are up.' });
    expect(await titles('hallway')).toEqual([]);

    await app.stop();
    app = await startApp({ database: 'search', reuseDatabase: true });
    // The table is made anew at once and filled in the background.
    expect(await titlesOnceIndexed('hallway', 1)).toEqual(['Conference talks']);
    const after = await app.strapi
      .store({ type: 'plugin', name: 'roundup', key: 'search-index' })
      .get({});
    expect(after).toMatchObject({ version: 2 });
    expect(await titles('zymurgy queues')).toEqual([
      'Zymurgy queues in practice',
      'Ring buffers explained',
    ]);
  });

  it('ranks a rare word beside words most links hold as it ranks the rare word alone', async () => {
    // More links than the index held so far, each with the two common words; two with the rare one.
    const many = [];
    for (let i = 0; i < 12; i += 1) {
      many.push(
        await link(
          i === 3 ? 'Wallaroo marsupial pouch' : `Marsupial pouch ${i}`,
          `https://mp.example.org/${i}`,
          i === 7 ? 'A pouch, a marsupial and a wallaroo.' : 'A marsupial with a pouch.'
        )
      );
    }
    await roundupOf(
      'Marsupials',
      '2026-10-31',
      many.map((entry) => entry.documentId)
    );
    const expected = ['Wallaroo marsupial pouch', 'Marsupial pouch 7'];
    expect(await titles('wallaroo')).toEqual(expected);
    expect(await titles('wallaroo marsupial pouch')).toEqual(expected);
    expect(await titles('pouch wallaroo')).toEqual(expected);
    expect(await titles('marsupial pouch')).toHaveLength(12);
  });

  it.each([
    ['no q', ''],
    ['an empty q', '?q='],
    ['a q of spaces', '?q=%20%20'],
  ])('answers 400 naming q for %s', async (_name, query) => {
    const res = await app.http().get(`/api/roundup/search${query}`).expect(400);
    expect(res.body.error.message).toMatch(/^q: /);
  });

  it('answers 400 naming q for a query over 500 characters, and for two q', async () => {
    const long = await app
      .http()
      .get('/api/roundup/search')
      .query({ q: 'zymurgy '.repeat(1250) });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toBe('q: must be at most 500 characters');
    const twice = await app.http().get('/api/roundup/search?q=a&q=b').expect(400);
    expect(twice.body.error.message).toMatch(/^q: /);
  });

  it.each([
    '"zymurgy',
    'zymurgy"',
    '"zymurgy queues"',
    'zymurgy*',
    '*',
    '-zymurgy',
    'zymurgy -queues',
    'zymurgy NEAR queues',
    'NEAR(zymurgy queues, 2)',
    'title:zymurgy',
    '(zymurgy',
    'zymurgy)',
    'zymurgy AND OR NOT',
    '+zymurgy ~queues <>',
    "zymurgy'; DROP TABLE roundup_search; --",
    '%zymurgy_',
    '\\zymurgy',
    'zymurgy 🦀🦀🦀',
    '🦀',
    '^zymurgy$',
  ])('searches %j as plain words, never as engine syntax', async (q) => {
    const res = await app.http().get('/api/roundup/search').query({ q });
    expect(res.status).toBe(200);
    const found = (res.body.data as { link: { title: string } }[]).map((hit) => hit.link.title);
    const words = q.toLowerCase().match(/[a-z]+/g) ?? [];
    // Every hit holds every searched word; a query of zymurgy alone finds all three.
    if (words.join(' ') === 'zymurgy') expect(found).toHaveLength(3);
    for (const title of found) expect(title).not.toMatch(/draft|inbox/i);
  });

  it('answers 10,000 characters of any kind with 400 naming q, or 431 when the URL is too long', async () => {
    for (const q of [
      'a '.repeat(5_000),
      'zymurgy'.repeat(1_500),
      '"'.repeat(10_000),
      '🦀'.repeat(5_000),
    ]) {
      const res = await app.http().get('/api/roundup/search').query({ q });
      // Node refuses a request line over 16 KiB (10,000 percent-encoded quotes) before the app reads it.
      if (encodeURIComponent(q).length > 16_000) expect(res.status).toBe(431);
      else {
        expect(res.status).toBe(400);
        expect(res.body.error.message).toBe('q: must be at most 500 characters');
      }
    }
  });

  it('rebuilds an emptied index with reindex', async () => {
    await app.strapi.db.connection('roundup_search').delete();
    expect(await titles('zymurgy')).toEqual([]);
    const held = await app.strapi.plugin('roundup').service('search-index').rebuild();
    expect(held).toBeGreaterThanOrEqual(8);
    expect(await titles('zymurgy queues')).toEqual([
      'Zymurgy queues in practice',
      'Ring buffers explained',
    ]);
  });

  it('rebuilds an emptied index in the background when the app starts', async () => {
    await app.strapi.db.connection('roundup_search').delete();
    await app.stop();
    app = await startApp({ database: 'search', reuseDatabase: true });
    expect(await titlesOnceIndexed('zymurgy queues', 2)).toEqual([
      'Zymurgy queues in practice',
      'Ring buffers explained',
    ]);
  });
});
