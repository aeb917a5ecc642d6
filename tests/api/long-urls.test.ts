import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { cm, docs, loginAdmin, type AdminClient } from '../helpers/admin';
import { startApp, type TestApp } from '../helpers/app';
import { makeCategory, makeRoundup } from '../helpers/content';
import { readerView } from '../helpers/reader-view';

const DATABASE = 'long_urls';
const POST_FILE = path.join(__dirname, 'posts', '2026-03-31-long-urls.md');
const POST = fs.readFileSync(POST_FILE, 'utf8');

let app: TestApp;
let admin: AdminClient;
let section: string;

beforeAll(async () => {
  app = await startApp({ database: DATABASE });
  admin = await loginAdmin(app);
  section = (await makeCategory(app.strapi, { name: 'Long links', position: 90 })).documentId;
});
afterAll(async () => {
  await app?.stop();
});

/** An http URL of exactly `length` characters. */
const urlOf = (length: number, host = 'long.example') => {
  const base = `https://${host}/p?q=`;
  return base + 'a'.repeat(length - base.length);
};
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const entries = () => app.strapi.db.query('plugin::roundup.entry');
const entryRow = (documentId: string) => entries().findOne({ where: { documentId } });

describe('a post with a 1,500- and a 332-character URL', () => {
  it('imports and renders back with the same links and text', async () => {
    const urls = [...POST.matchAll(/\]\((https:[^)]+)\)/g)].map((match) => match[1]);
    expect(urls.map((url) => url.length)).toEqual([332, 1500, 24]);

    const res = await admin
      .post('/roundup/import')
      .send({ markdown: POST, fileName: path.basename(POST_FILE), publish: true })
      .expect(201);
    expect(res.body).toMatchObject({ entries: 3, warnings: [] });

    const stored = await entries().findMany({
      where: { roundup: { documentId: res.body.documentId } },
      select: ['url', 'canonicalUrl', 'canonicalHash'],
    });
    expect(new Set(stored.map((row: { url: string }) => row.url))).toEqual(new Set(urls));
    for (const row of stored) expect(row.canonicalHash).toBe(sha256(row.canonicalUrl));

    const rendered = await app
      .http()
      .get(`/api/roundup/roundups/${res.body.slug}/rendered`)
      .expect(200);
    const original = readerView(POST);
    const again = readerView(rendered.text);
    expect(again.links).toEqual(original.links);
    expect(again.links.map(([href]) => href.length)).toEqual([332, 1500, 24]);
    expect(again.text).toBe(original.text);
  });

  it('keeps an entry whose URL is over 2,048 characters as text, with a warning naming its line', async () => {
    const tooLong = urlOf(2049);
    const post = POST.replace('title: What I read in March', 'title: Too long in March').replace(
      'https://example.com/tool',
      tooLong
    );
    const dry = await admin
      .post('/roundup/import')
      .send({ markdown: post, fileName: 'too-long.md', dryRun: true })
      .expect(200);
    expect(dry.body.problems).toEqual([]);
    expect(dry.body.warnings).toEqual([
      {
        line: 15,
        message: 'the section "Tools" has no entries; its heading and text are kept in the outro',
      },
      {
        line: 16,
        message:
          'the entry "A short one", which cannot be a link (its url must be at most 2048 characters (it has 2049)), is kept in the outro',
      },
    ]);
    const res = await admin.post('/roundup/import').send({ markdown: post }).expect(201);
    expect(res.body.entries).toBe(2);
    const exported = await admin.get(`/roundup/roundups/${res.body.documentId}/export`).expect(200);
    // The text is all there, the link among it as written.
    expect(exported.text).toContain(`* [A short one](${tooLong}) by Sam<br/>`);
    expect(exported.text).toContain('Nothing long about it.');
  });
});

describe('2,048 characters saved, 2,049 refused with a 400 naming the field and the limit', () => {
  const expectRefused = (res: { status: number; body: any }, field = 'url') => {
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(field);
    expect(res.body.error.message).toContain('2048');
  };

  it('through the Content Manager, on create and on edit, changing nothing stored', async () => {
    const longest = urlOf(2048, 'cm.example');
    const created = await admin
      .post(cm('entry'))
      .send({ title: 'Longest', url: longest, category: { connect: [section] } })
      .expect(201);
    const documentId = created.body.data.documentId;
    const before = await entryRow(documentId);
    expect(before).toMatchObject({ url: longest, canonicalUrl: longest });
    expect(before.canonicalHash).toBe(sha256(longest));

    const count = await entries().count();
    expectRefused(
      await admin
        .post(cm('entry'))
        .send({ title: 'Too long', url: urlOf(2049), category: { connect: [section] } })
    );
    expect(await entries().count()).toBe(count);

    expectRefused(
      await admin
        .put(`${cm('entry')}/${documentId}`)
        .send({ title: 'Changed', url: urlOf(2049, 'cm.example') })
    );
    expectRefused(
      await admin.put(`${cm('entry')}/${documentId}`).send({ originalUrl: urlOf(2049) }),
      'originalUrl'
    );
    expect(await entryRow(documentId)).toEqual(before);
  });

  it('through quick-add on the roundup page, storing nothing, with duplicates found', async () => {
    const first = await makeRoundup(app.strapi, { title: 'Quick-add long', publish: false });
    const second = await makeRoundup(app.strapi, { title: 'Quick-add again', publish: false });
    const add = (roundup: string, url: string) =>
      admin
        .post(`/roundup/roundups/${roundup}/entries`)
        .send({ title: 'Quick', url, category: section });
    const cards = (body: any) => body.sections.flatMap((s: any) => s.entries);
    const longest = urlOf(2048, 'quick.example');
    const saved = cards((await add(first.documentId, longest).expect(201)).body);
    expect(saved.map((card: any) => card.url)).toEqual([longest]);
    expect((await entryRow(saved[0].documentId)).canonicalHash).toBe(sha256(longest));
    // The same long link in another roundup is a duplicate of the first, found through its hash.
    const again = cards((await add(second.documentId, longest).expect(201)).body);
    expect(again[0].duplicates).toEqual([
      expect.objectContaining({ roundup: expect.objectContaining({ title: 'Quick-add long' }) }),
    ]);

    const count = await entries().count();
    expectRefused(await add(first.documentId, urlOf(2049, 'quick.example')));
    expect(await entries().count()).toBe(count);
  });

  it('through capture, storing nothing, and finds the same long link again', async () => {
    const token = (await admin.post('/roundup/capture-tokens').expect(201)).body.accessKey;
    const capture = (body: object) =>
      app
        .http()
        .post('/api/roundup/inbox')
        .set('Authorization', `Bearer ${token}`)
        .set('Content-Type', 'application/json')
        .send(body);
    const longest = urlOf(2048, 'capture.example');
    const first = await capture({ url: longest, category: section }).expect(201);
    // With no title, the URL stands in for one, cut to the title's limit.
    expect(first.body.data.title).toBe(longest.slice(0, 255));
    const again = await capture({ url: longest, commentary: 'Twice.' }).expect(200);
    expect(again.body.data.documentId).toBe(first.body.data.documentId);

    const count = await entries().count();
    const res = await capture({ url: urlOf(2049, 'capture.example') });
    expectRefused(res);
    expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain('url');
    expect(await entries().count()).toBe(count);
  });

  it('through the Document Service, whatever writes', async () => {
    const count = await entries().count();
    await expect(
      docs(app.strapi, 'entry').create({
        data: { title: 'Code', url: urlOf(2049), category: section },
      })
    ).rejects.toThrow(/url must be at most 2048 characters \(it has 2049\)/);
    expect(await entries().count()).toBe(count);
  });
});

describe('a database created with 255-character URL columns', () => {
  const knex = () => app.strapi.db.connection;
  const client = () => app.strapi.db.dialect.client;

  /** The type of a column as the database reports it. */
  const columnType = async (table: string, column: string): Promise<string> => {
    const info = (await knex()(table).columnInfo()) as unknown as Record<
      string,
      { type: string; maxLength: unknown }
    >;
    return `${info[column].type}${info[column].maxLength ? `(${info[column].maxLength})` : ''}`;
  };
  const indexNames = async (table: string): Promise<string[]> =>
    (await app.strapi.db.dialect.schemaInspector.getIndexes(table)).map(
      (index: { name: string }) => index.name
    );

  it('upgrades on the next start with every row kept, hashed, and room for 2,048 characters', async () => {
    const roundup = await makeRoundup(app.strapi, {
      title: 'Before the upgrade',
      sections: { [section]: ['Old one', 'Old two'] },
    });
    const rows = await entries().findMany({
      where: { roundup: { documentId: roundup.documentId } },
      select: ['documentId', 'url'],
    });
    const near = urlOf(255, 'old.example');
    await docs(app.strapi, 'entry').update({
      documentId: rows[0].documentId,
      data: { url: near, originalUrl: urlOf(200, 'was.example') },
    });

    // Links longer than main held (saved by the tests above) could not have been there.
    const longer = await knex()('roundup_entries')
      .whereRaw('length(url) > 255 or length(original_url) > 255')
      .pluck('id');
    await entries().deleteMany({ where: { id: { $in: longer } } });

    // Back to main's shape: varchar(255) URLs, the index on the canonical URL, no hash.
    await knex().schema.alterTable('roundup_entries', (table) => {
      table.dropIndex(['canonical_hash'], 'roundup_entries_canonical_hash_idx');
    });
    await knex().schema.alterTable('roundup_entries', (table) => {
      table.dropColumn('canonical_hash');
      table.string('url', 255).alter();
      table.string('canonical_url', 255).alter();
      table.string('original_url', 255).alter();
    });
    await knex().schema.alterTable('roundup_entries', (table) => {
      table.index(['canonical_url'], 'roundup_entries_canonical_url_idx');
    });
    await knex().schema.alterTable('roundup_link_results', (table) => {
      table.string('url', 255).alter();
      table.string('final_url', 255).alter();
      table.string('new_url', 255).alter();
    });
    // A link main saved without a canonical URL (written around the Document Service).
    await knex()('roundup_entries').where({ document_id: rows[1].documentId }).update({
      canonical_url: null,
    });
    await knex()('roundup_link_results').insert({
      document_id: 'result-kept',
      entry_document_id: rows[0].documentId,
      url: near,
      state: 'ok',
    });
    // The schema main's Strapi recorded: the old index, no hash column, another hash.
    const stored = await knex()('strapi_database_schema').first();
    const schema = typeof stored.schema === 'string' ? JSON.parse(stored.schema) : stored.schema;
    const entriesTable = schema.tables.find((t: { name: string }) => t.name === 'roundup_entries');
    entriesTable.columns = entriesTable.columns.filter(
      (c: { name: string }) => c.name !== 'canonical_hash'
    );
    entriesTable.indexes = entriesTable.indexes.map((index: { name: string }) =>
      index.name === 'roundup_entries_canonical_hash_idx'
        ? { name: 'roundup_entries_canonical_url_idx', columns: ['canonical_url'] }
        : index
    );
    await knex()('strapi_database_schema')
      .where({ id: stored.id })
      .update({ schema: JSON.stringify(schema), hash: 'main' });
    if (client() !== 'sqlite') expect(await columnType('roundup_entries', 'url')).toMatch(/255/);

    const before = await knex()('roundup_entries')
      .select('id', 'document_id', 'title', 'url', 'original_url', 'description')
      .orderBy('id');
    await app.stop();
    app = await startApp({ database: DATABASE, reuseDatabase: true });
    admin = await loginAdmin(app);

    // Every row as it was, each with its canonical URL and its hash.
    const after = await knex()('roundup_entries')
      .select('id', 'document_id', 'title', 'url', 'original_url', 'description')
      .orderBy('id');
    expect(after).toEqual(before);
    const hashed = await knex()('roundup_entries').select('url', 'canonical_url', 'canonical_hash');
    for (const row of hashed) {
      expect(row.canonical_url).not.toBeNull();
      expect(row.canonical_hash).toBe(sha256(row.canonical_url));
    }
    expect(
      await knex()('roundup_link_results').where({ document_id: 'result-kept' }).first()
    ).toMatchObject({ url: near });
    expect(await indexNames('roundup_entries')).toEqual(
      expect.arrayContaining(['roundup_entries_canonical_hash_idx'])
    );
    expect(await indexNames('roundup_entries')).not.toContain('roundup_entries_canonical_url_idx');

    // Now 2,000 characters fit, and a capture of an old link finds it through the hash.
    const long = urlOf(2000, 'after.example');
    await docs(app.strapi, 'entry').update({ documentId: rows[1].documentId, data: { url: long } });
    expect((await entryRow(rows[1].documentId)).url).toBe(long);
    await knex()('roundup_link_results')
      .where({ document_id: 'result-kept' })
      .update({ url: long });
    expect(
      (await knex()('roundup_link_results').where({ document_id: 'result-kept' }).first()).url
    ).toBe(long);
    const token = (await admin.post('/roundup/capture-tokens').expect(201)).body.accessKey;
    const again = await app
      .http()
      .post('/api/roundup/inbox')
      .set('Authorization', `Bearer ${token}`)
      .send({ url: near })
      .expect(200);
    expect(again.body.data.documentId).toBe(rows[0].documentId);
  });
});
