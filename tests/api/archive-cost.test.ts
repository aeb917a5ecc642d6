import { startApp, type TestApp } from '../helpers/app';
import { docs, loginAdmin, type AdminClient } from '../helpers/admin';
import { makeCategory, makeRoundup } from '../helpers/content';
import { countQueries as countAppQueries, fewestQueries } from '../helpers/queries';
import { startAppProcess } from '../helpers/app-process';

let app: TestApp;
let admin: AdminClient;
let articles: string;
let videos: string;

beforeAll(async () => {
  // The webhook dispatcher polls the outbox every second by default; its queries would be counted below.
  app = await startApp({
    database: 'archive_cost',
    env: { ROUNDUP_SEED_DEMO: 'false', ROUNDUP_WEBHOOK_POLL_MS: '60000' },
  });
  admin = await loginAdmin(app);
  articles = (await makeCategory(app.strapi, { name: 'Articles', position: 1 })).documentId;
  videos = (await makeCategory(app.strapi, { name: 'Videos', position: 2 })).documentId;
});
afterAll(async () => {
  await app?.stop();
});

const countQueries = (fn: () => Promise<unknown>) => countAppQueries(app, fn);

const waitingLink = (title: string) =>
  docs(app.strapi, 'entry').create({
    data: {
      title,
      url: `https://inbox.example.com/${encodeURIComponent(title)}`,
      category: articles,
    },
  });

let grown = 0;
/** Adds `roundups` published roundups of three links each, one of them linking to `repeated`, and `inbox` links to the inbox. */
const growArchive = async ({
  roundups,
  inbox,
  repeated,
}: {
  roundups: number;
  inbox: number;
  repeated: string;
}) => {
  for (let i = 0; i < roundups; i += 1) {
    grown += 1;
    const r = await makeRoundup(app.strapi, {
      title: `Archived ${grown}`,
      date: `2020-01-${String((grown % 28) + 1).padStart(2, '0')}`,
      sections: {
        [articles]: [`archived ${grown} a`, `archived ${grown} b`],
        [videos]: [`archived ${grown} c`],
      },
    });
    await docs(app.strapi, 'entry').update({
      documentId: r.entries[`archived ${grown} c`],
      data: { url: repeated },
    });
  }
  for (let i = 0; i < inbox; i += 1) await waitingLink(`waiting ${grown}-${i}`);
};

describe('SQL statements per request do not grow with the archive', () => {
  it('are the same for the public list, the inbox, the editor view and the admin list at two archive sizes', async () => {
    const viewed = await makeRoundup(app.strapi, {
      title: 'Viewed in the editor',
      date: '2030-01-31',
      sections: { [articles]: ['viewed a', 'viewed b'], [videos]: ['viewed c'] },
    });
    const repeated = 'https://example.com/viewed%20c';

    const measure = async () => {
      // One request first, so that one-time work of the first request is not counted.
      await app.http().get('/api/roundup/roundups').expect(200);
      // Cold: a publish changes the list, so the next request reads it from the database.
      await docs(app.strapi, 'roundup').publish({ documentId: viewed.documentId });
      const listCold = await countQueries(async () => {
        const res = await app.http().get('/api/roundup/roundups?page=2&pageSize=2').expect(200);
        expect(res.body.data).toHaveLength(2);
      });
      const listWarm = await countQueries(() =>
        app.http().get('/api/roundup/roundups?page=2&pageSize=2').expect(200)
      );
      const inbox = await countQueries(async () => {
        const res = await admin.get('/roundup/inbox?pageSize=2').expect(200);
        expect(res.body.results).toHaveLength(2);
      });
      const editorView = await countQueries(async () => {
        const res = await admin.get(`/roundup/roundups/${viewed.documentId}/editor`).expect(200);
        const card = res.body.sections[1].entries[0];
        expect(card.duplicates.length).toBeGreaterThan(0);
      });
      const adminList = await countQueries(async () => {
        const res = await admin.get('/roundup/roundups?page=2&pageSize=2').expect(200);
        expect(res.body.results).toHaveLength(2);
      });
      return { listCold, listWarm, inbox, editorView, adminList };
    };

    await growArchive({ roundups: 4, inbox: 3, repeated });
    const small = await measure();
    await growArchive({ roundups: 16, inbox: 12, repeated });
    const large = await measure();

    expect(large).toEqual(small);
    // A cached page of the list costs the permission check and the versions, nothing more.
    expect(large.listWarm).toBe(2);
  });
});

describe('the indexes the routes read through', () => {
  const INDEXES = {
    roundup_entries: ['roundup_entries_inbox_idx', 'roundup_entries_canonical_hash_idx'],
    roundup_roundups: ['roundup_roundups_date_idx', 'roundup_roundups_status_date_idx'],
  };

  /** The names of the indexes on `table`, as the database lists them. */
  const indexesOf = async (table: string): Promise<string[]> => {
    const knex = app.strapi.db.connection;
    const client = app.strapi.db.dialect.client;
    if (client === 'sqlite') {
      return (
        await knex.raw(`select name from sqlite_master where type = 'index' and tbl_name = ?`, [
          table,
        ])
      ).map((row: any) => row.name);
    }
    if (client === 'postgres') {
      return (
        await knex.raw('select indexname as name from pg_indexes where tablename = ?', [table])
      ).rows.map((row: any) => row.name);
    }
    const [rows] = await knex.raw(
      'select distinct index_name as name from information_schema.statistics where table_schema = database() and table_name = ?',
      [table]
    );
    return rows.map((row: any) => row.name ?? row.NAME);
  };

  it.each(Object.entries(INDEXES))('exist on %s', async (table, names) => {
    expect(await indexesOf(table)).toEqual(expect.arrayContaining(names));
  });

  /**
   * Which index the database would read `sql` through. SQLite plans without table statistics;
   * PostgreSQL is told to avoid sequential scans, as it would on a large table; MySQL lists
   * the indexes it may use. So the answer holds at any archive size, this one's included.
   */
  const indexFor = async ({
    sql,
    bindings,
  }: {
    sql: string;
    bindings: unknown[];
  }): Promise<string> => {
    const knex = app.strapi.db.connection;
    const client = app.strapi.db.dialect.client;
    if (client === 'sqlite') {
      return (await knex.raw(`explain query plan ${sql}`, bindings))
        .map((row: any) => row.detail)
        .join('\n');
    }
    if (client === 'postgres') {
      return knex.transaction(async (trx: any) => {
        await trx.raw('set local enable_seqscan = off');
        return (await trx.raw(`explain ${sql.replace(/\$\d+/g, '?')}`, bindings)).rows
          .map((row: any) => row['QUERY PLAN'])
          .join('\n');
      });
    }
    const [rows] = await knex.raw(`explain ${sql}`, bindings);
    return rows.map((row: any) => `${row.possible_keys ?? ''} ${row.key ?? ''}`).join('\n');
  };

  it('serve the inbox, the duplicates of the editor view and the list pages', async () => {
    const r = await makeRoundup(app.strapi, {
      title: 'Planned',
      sections: { [articles]: ['planned a'] },
    });
    await waitingLink('planned waiting');
    const statements: { sql: string; bindings: unknown[] }[] = [];
    const listener = (query: { sql: string; bindings: unknown[] }) => statements.push(query);
    app.strapi.db.connection.on('query', listener);
    try {
      await admin.get('/roundup/inbox').expect(200);
      await admin.get(`/roundup/roundups/${r.documentId}/editor`).expect(200);
      await admin.get('/roundup/roundups').expect(200);
    } finally {
      app.strapi.db.connection.removeListener('query', listener);
    }
    const plan = async (pattern: RegExp) => {
      // Compared without quotes and schema; PostgreSQL's numbered placeholders go back to knex's.
      const statement = statements.find(({ sql }) =>
        pattern.test(sql.replace(/["`]/g, '').replace(/\bpublic\./g, ''))
      );
      expect(statement).toBeDefined();
      return indexFor(statement!);
    };
    expect(await plan(/from roundup_entries as \w+ .*where .*in_inbox/)).toContain(
      'roundup_entries_inbox_idx'
    );
    expect(await plan(/from roundup_entries as \w+ .*where .*canonical_hash in/)).toContain(
      'roundup_entries_canonical_hash_idx'
    );
    expect(
      await plan(
        /from roundup_roundups as (\w+) .*where \1.published_at is null.* order by \1.date desc/
      )
    ).toMatch(/roundup_roundups_(status_)?date_idx/);
  });
});

describe('cached public outputs follow the writes that change them, and only those', () => {
  const rendered = (slug: string) => app.http().get(`/api/roundup/roundups/${slug}/rendered`);
  // A feed names its own URL, so it is cached per host; supertest listens on a new port each time.
  const feed = (format = 'rss') =>
    app.http().get(`/api/roundup/feed?format=${format}`).set('Host', 'feeds.example.com');

  it("keeps serving a roundup from the cache while another roundup's draft is saved", async () => {
    const read = await makeRoundup(app.strapi, {
      title: 'Read often',
      slug: 'read-often',
      sections: { [articles]: ['read a'] },
    });
    const saved = await makeRoundup(app.strapi, {
      title: 'Saved often',
      slug: 'saved-often',
      sections: { [articles]: ['saved a'] },
    });
    await rendered('read-often').expect(200);
    await feed().expect(200);
    await app.http().get('/api/roundup/roundups').expect(200);

    await docs(app.strapi, 'roundup').update({
      documentId: saved.documentId,
      data: { intro: 'A draft edit.' },
    });
    await admin
      .put(`/roundup/roundups/${saved.documentId}/order`)
      .send({ sections: [{ category: articles, entries: [saved.entries['saved a']] }] })
      .expect(200);

    // Served from the cache: the permission check and the versions only.
    expect(await countQueries(() => rendered('read-often').expect(200))).toBe(2);
    expect(await countQueries(() => feed().expect(200))).toBe(2);
    expect(await countQueries(() => app.http().get('/api/roundup/roundups').expect(200))).toBe(2);
    expect((await rendered('saved-often').expect(200)).text).not.toContain('A draft edit.');

    // Changing a link of the read roundup changes it at once.
    await docs(app.strapi, 'entry').update({
      documentId: read.entries['read a'],
      data: { title: 'read a, corrected' },
    });
    expect((await rendered('read-often').expect(200)).text).toContain('[read a, corrected]');
    expect((await feed().expect(200)).text).toContain('read a, corrected');
  });

  it('lists a roundup once it is published and drops it once it is unpublished', async () => {
    const r = await makeRoundup(app.strapi, {
      title: 'Comes and goes',
      slug: 'comes-and-goes',
      date: '2039-12-31',
      publish: false,
    });
    const before = await app.http().get('/api/roundup/roundups').expect(200);
    expect(before.body.data.map((row: any) => row.slug)).not.toContain('comes-and-goes');
    await rendered('comes-and-goes').expect(404);

    await docs(app.strapi, 'roundup').publish({ documentId: r.documentId });
    const listed = await app.http().get('/api/roundup/roundups').expect(200);
    expect(listed.body.data[0].slug).toBe('comes-and-goes');
    expect(listed.headers.etag).toBeDefined();
    await app
      .http()
      .get('/api/roundup/roundups')
      .set('If-None-Match', listed.headers.etag)
      .expect(304);
    await rendered('comes-and-goes').expect(200);

    await docs(app.strapi, 'roundup').unpublish({ documentId: r.documentId });
    const after = await app.http().get('/api/roundup/roundups').expect(200);
    expect(after.body.data.map((row: any) => row.slug)).not.toContain('comes-and-goes');
    await rendered('comes-and-goes').expect(404);
  });

  it('renders a roundup under its new slug once republished, and no longer under the old one', async () => {
    const r = await makeRoundup(app.strapi, {
      title: 'Renamed',
      slug: 'old-name',
      sections: { [articles]: ['renamed a'] },
    });
    await rendered('old-name').expect(200);
    await rendered('new-name').expect(404);
    await docs(app.strapi, 'roundup').update({
      documentId: r.documentId,
      data: { slug: 'new-name' },
    });
    await docs(app.strapi, 'roundup').publish({ documentId: r.documentId });
    await rendered('old-name').expect(404);
    await rendered('new-name').expect(200);
  });

  it('shows a renamed section in every roundup that uses it', async () => {
    const section = (await makeCategory(app.strapi, { name: 'Podcasts', position: 3 })).documentId;
    await makeRoundup(app.strapi, {
      title: 'With podcasts',
      slug: 'with-podcasts',
      sections: { [section]: ['episode'] },
    });
    expect((await rendered('with-podcasts').expect(200)).text).toContain('## Podcasts');
    await docs(app.strapi, 'category').update({ documentId: section, data: { name: 'Audio' } });
    expect((await rendered('with-podcasts').expect(200)).text).toContain('## Audio');
  });
});

describe("the editor's pages are kept until a link, roundup or section changes", () => {
  it("answer a second time with the admin floor's statements and the versions, nothing more", async () => {
    const r = await makeRoundup(app.strapi, {
      title: 'Opened often',
      sections: { [articles]: ['opened a'] },
    });
    await waitingLink('waiting while the page is open');
    const pages = [
      `/roundup/roundups/${r.documentId}/editor`,
      '/roundup/inbox',
      '/roundup/roundups',
    ];
    const first = [];
    for (const page of pages) first.push((await admin.get(page).expect(200)).body);

    const floor = await fewestQueries(app, () => admin.get('/admin/users/me').expect(200));
    for (const [i, page] of pages.entries()) {
      let again: unknown;
      expect(
        await fewestQueries(
          app,
          async () => (again = (await admin.get(page).expect(200)).body),
          floor + 1
        )
      ).toBe(floor + 1);
      expect(again).toEqual(first[i]);
    }
    const searched = await countQueries(() => admin.get('/roundup/inbox?q=waiting').expect(200));
    expect(searched).toBeGreaterThan(floor + 1);
  });

  it('show every write at once: a link, a roundup, a section, a link leaving the inbox', async () => {
    const r = await makeRoundup(app.strapi, {
      title: 'Edited while open',
      date: '2031-01-01',
      sections: { [articles]: ['edited a'] },
    });
    const view = async () =>
      (await admin.get(`/roundup/roundups/${r.documentId}/editor`).expect(200)).body;
    const inbox = async () =>
      (await admin.get('/roundup/inbox').expect(200)).body.results.map((card: any) => card.title);
    const listed = async () =>
      (await admin.get('/roundup/roundups').expect(200)).body.results.map((row: any) => row.title);
    await view();
    await inbox();
    await listed();

    const waiting = await waitingLink('arrives while the page is open');
    expect(await inbox()).toContain('arrives while the page is open');

    await docs(app.strapi, 'entry').update({
      documentId: r.entries['edited a'],
      data: { title: 'edited a, retitled' },
    });
    expect((await view()).sections[0].entries[0].title).toBe('edited a, retitled');

    await docs(app.strapi, 'roundup').update({
      documentId: r.documentId,
      data: { title: 'Edited while open, renamed' },
    });
    expect((await view()).roundup.title).toBe('Edited while open, renamed');
    expect(await listed()).toContain('Edited while open, renamed');

    await docs(app.strapi, 'category').update({
      documentId: articles,
      data: { name: 'Articles, renamed' },
    });
    expect((await view()).sections[0].category.name).toBe('Articles, renamed');
    await docs(app.strapi, 'category').update({ documentId: articles, data: { name: 'Articles' } });

    await admin
      .post(`/roundup/roundups/${r.documentId}/entries`)
      .send({ entry: waiting.documentId })
      .expect(201);
    expect(await inbox()).not.toContain('arrives while the page is open');
    expect((await view()).sections[0].entries.map((card: any) => card.title)).toContain(
      'arrives while the page is open'
    );
  });

  it('are never answered from the cache to anyone who may not read them', async () => {
    const r = await makeRoundup(app.strapi, {
      title: 'Kept for editors only',
      publish: false,
      sections: { [articles]: ['private a'] },
    });
    await waitingLink('waiting, for editors only');
    const pages = [
      `/roundup/roundups/${r.documentId}/editor`,
      '/roundup/inbox',
      '/roundup/roundups',
    ];
    for (const page of pages) await admin.get(page).expect(200);

    const creator = await loginAdmin(app, { actions: ['plugin::roundup.create'] });
    for (const page of pages) {
      const forbidden = await creator.get(page).expect(403);
      expect(forbidden.text).not.toMatch(
        /Kept for editors only|private a|waiting, for editors only/
      );
      const anonymous = await app.http().get(page).expect(401);
      expect(anonymous.text).not.toMatch(
        /Kept for editors only|private a|waiting, for editors only/
      );
    }
  });

  it('show a write made through another instance at once', async () => {
    const r = await makeRoundup(app.strapi, {
      title: 'Open on two instances',
      sections: { [articles]: ['shared a'] },
    });
    const second = await startAppProcess();
    try {
      const fromSecond = (url: string) =>
        second.http().get(url).set('Authorization', `Bearer ${admin.token}`).expect(200);
      const titles = async () =>
        (await fromSecond(`/roundup/roundups/${r.documentId}/editor`)).body.sections[0].entries.map(
          (card: any) => card.title
        );
      const inbox = async () =>
        (await fromSecond('/roundup/inbox')).body.results.map((card: any) => card.title);
      expect(await titles()).toEqual(['shared a']);
      expect(await inbox()).not.toContain('captured on the first instance');

      await docs(app.strapi, 'entry').update({
        documentId: r.entries['shared a'],
        data: { title: 'shared a, retitled' },
      });
      await waitingLink('captured on the first instance');
      expect(await titles()).toEqual(['shared a, retitled']);
      expect(await inbox()).toContain('captured on the first instance');
    } finally {
      await second.stop();
    }
  });
});

describe('GET /roundup/inbox', () => {
  const inboxTitles = async (query = '?pageSize=200') =>
    (await admin.get(`/roundup/inbox${query}`).expect(200)).body.results.map((e: any) => e.title);

  it('pages the links without a roundup, newest first', async () => {
    for (const title of ['paged 1', 'paged 2', 'paged 3']) {
      await waitingLink(title);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const first = await admin.get('/roundup/inbox?page=1&pageSize=2').expect(200);
    expect(first.body.results.map((e: any) => e.title)).toEqual(['paged 3', 'paged 2']);
    expect(first.body.pagination).toEqual({
      page: 1,
      pageSize: 2,
      pageCount: Math.ceil(first.body.total / 2),
      total: first.body.total,
    });
    const second = await admin.get('/roundup/inbox?page=2&pageSize=2').expect(200);
    expect(second.body.results[0].title).toBe('paged 1');
  });

  it('answers 400 naming the parameter for a bad page size', async () => {
    const res = await admin.get('/roundup/inbox?pageSize=201').expect(400);
    expect(res.body.error.message).toContain('pageSize');
  });

  it('takes a link back when it leaves its roundup, from either side, or its roundup is deleted', async () => {
    const r = await makeRoundup(app.strapi, {
      title: 'Gives links back',
      sections: {
        [articles]: [
          'given back by the roundup',
          'given back by the link',
          'given back by deletion',
        ],
      },
    });
    expect(await inboxTitles()).not.toContain('given back by the roundup');

    await docs(app.strapi, 'roundup').update({
      documentId: r.documentId,
      data: { entries: { disconnect: [r.entries['given back by the roundup']] } },
    });
    await docs(app.strapi, 'roundup').publish({ documentId: r.documentId });
    expect(await inboxTitles()).toContain('given back by the roundup');

    await docs(app.strapi, 'entry').update({
      documentId: r.entries['given back by the link'],
      data: { roundup: null },
    });
    expect(await inboxTitles()).toContain('given back by the link');
    expect(await inboxTitles()).not.toContain('given back by deletion');

    await docs(app.strapi, 'roundup').delete({ documentId: r.documentId });
    expect(await inboxTitles()).toContain('given back by deletion');
  });

  it('lets a link join a roundup from its own form and leave the inbox', async () => {
    const r = await makeRoundup(app.strapi, { title: 'Joined from the link' });
    const link = await waitingLink('joins from its form');
    expect(await inboxTitles()).toContain('joins from its form');
    await docs(app.strapi, 'entry').update({
      documentId: link.documentId,
      data: { roundup: r.documentId },
    });
    expect(await inboxTitles()).not.toContain('joins from its form');
  });
});
