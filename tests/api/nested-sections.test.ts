import fs from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { cm, docs, loginAdmin, type AdminClient } from '../helpers/admin';
import { startApp, type TestApp } from '../helpers/app';
import { makeCategory, makeRoundup } from '../helpers/content';
import { readerView } from '../helpers/reader-view';
import { NESTED_SECTIONS_HEADINGS, NESTED_SECTIONS_POST } from '../helpers/nested-sections-post';

const DATABASE = 'nested_sections';
const POST_FILE = NESTED_SECTIONS_POST;
const POST = fs.readFileSync(POST_FILE, 'utf8');

let app: TestApp;
let admin: AdminClient;

beforeAll(async () => {
  app = await startApp({ database: DATABASE });
  admin = await loginAdmin(app);
});
afterAll(async () => {
  await app?.stop();
});

const rendered = (slug: string, format = 'markdown') =>
  app.http().get(`/api/roundup/roundups/${slug}/rendered?format=${format}`).expect(200);

/** The headings of a Markdown document as markdown-it reads them: `h3 Official`. */
const headings = (text: string) => {
  const tokens = new MarkdownIt().parse(text.replace(/^---\n[\s\S]*?\n---\n/, ''), {});
  return tokens.flatMap((token, at) =>
    token.type === 'heading_open'
      ? [
          `${token.tag} ${(tokens[at + 1].children ?? []).map((t) => (t.type === 'text' ? t.content : '')).join('')}`,
        ]
      : []
  );
};

/** The text of each top-level list item of a Markdown document, as markdown-it reads them. */
const topLevelItems = (text: string) => {
  const tokens = new MarkdownIt().parse(text.replace(/^---\n[\s\S]*?\n---\n/, ''), {});
  return tokens.flatMap((token, at) =>
    token.type === 'list_item_open' && token.level === 1 ? [tokens[at + 2].content] : []
  );
};

interface ApiSection {
  category: { name: string } | null;
  entries: { title: string }[];
  children: ApiSection[];
}
/** A section tree as `Name[titles](children)`. */
const shape = (sections: ApiSection[]): string =>
  sections
    .map(
      (s) =>
        `${s.category?.name}[${s.entries.map((e) => e.title).join(',')}]` +
        (s.children.length > 0 ? `(${shape(s.children)})` : '')
    )
    .join(' ');

describe('a post with sections three levels deep, a linked heading, section prose and a link-less item', () => {
  it('imports and renders back with the same headings, links and text', async () => {
    const res = await admin
      .post('/roundup/import')
      .send({ markdown: POST, fileName: path.basename(POST_FILE), publish: true })
      .expect(201);
    expect(res.body).toMatchObject({ sections: 6, entries: 6 });
    // The link-less item stays, after the link before it, with its links in order.
    expect(res.body.warnings).toEqual([
      {
        line: expect.any(Number),
        message: expect.stringMatching(
          /^a list item that does not start with a link .* is kept in the list after "A talk about trees"$/
        ),
      },
    ]);

    const markdown = await rendered(res.body.slug);
    expect(headings(markdown.text)).toEqual(NESTED_SECTIONS_HEADINGS);
    const original = readerView(POST);
    const again = readerView(markdown.text);
    expect(again.links).toEqual(original.links);
    expect(again.links.map(([href]) => href.length)).toContain(1500);
    expect(again.text).toBe(original.text);
    // …and at the top level of the list, as the post wrote it, not under that link.
    const linkless = POST.split('\n').find((line) => line.startsWith('* No recording'));
    expect(markdown.text).toContain(
      `* [A talk about trees](https://video.example.com/trees)\n${linkless}\n`
    );
    expect(topLevelItems(markdown.text)).toEqual(topLevelItems(POST));

    const json = await app.http().get(`/api/roundup/roundups/${res.body.slug}`).expect(200);
    expect(shape(json.body.data.sections)).toBe(
      'Updates from the Community[The yearly survey results](Official[Release notes for 2.4] ' +
        'Approved proposals[Sections under sections] ' +
        'Tooling Updates[A faster formatter](Editor Plugins[Inline hints for every editor])) ' +
        'Videos[A talk about trees]'
    );

    // The linked heading keeps its link, on this roundup's heading only.
    const proposals = json.body.data.sections[0].children[1];
    expect(proposals).toMatchObject({
      category: { name: 'Approved proposals', slug: 'approved-proposals' },
      url: 'https://lang.example.org/proposals?state=approved&since=2026-04-23',
    });
    expect(json.body.data.sections[1]).toMatchObject({
      url: null,
      note: 'Two talks this week, and one is about trees.',
    });
    expect(json.body.data.sections[0].note).toBeNull();
    // The link-less item is kept with the link before it, as what follows it in the list.
    expect(json.body.data.sections[1].entries[0]).toEqual({
      title: 'A talk about trees',
      url: 'https://video.example.com/trees',
      author: null,
      description: null,
      textAfter: linkless,
    });

    const html = await rendered(res.body.slug, 'html');
    expect(html.text).toMatch(/<\/li>\n<li>No recording of the meetup this time; <a /);
    expect(html.text).toContain(
      '<h3><a href="https://lang.example.org/proposals?state=approved&amp;since=2026-04-23" rel="noopener noreferrer">Approved proposals</a></h3>'
    );
    expect([...html.text.matchAll(/<(h[2-4])>([^<]*)</g)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      'h2 Updates from the Community',
      'h3 Official',
      'h3 ',
      'h3 Tooling Updates',
      'h4 Editor Plugins',
      'h2 Videos',
    ]);
    const feed = await app.http().get('/api/roundup/feed?format=json').expect(200);
    const item = JSON.parse(feed.text).items.find((i: { title: string }) =>
      i.title.startsWith('This Week')
    );
    expect(item.content_html).toContain('<h4>Editor Plugins</h4>');

    // The sections themselves stand under their parents, for every roundup.
    const plugins = await app.strapi.db.query('plugin::roundup.category').findOne({
      where: { name: 'Editor Plugins' },
      populate: { parent: { populate: { parent: true } } },
    });
    expect(plugins.parent.name).toBe('Tooling Updates');
    expect(plugins.parent.parent.name).toBe('Updates from the Community');
  });

  it('moves a section under another set in the Content Manager, in every roundup', async () => {
    const parent = await makeCategory(app.strapi, { name: 'Reading', position: 1 });
    const child = await makeCategory(app.strapi, { name: 'Long reads', position: 2 });
    const roundup = await makeRoundup(app.strapi, {
      title: 'Moved under',
      sections: { [parent.documentId]: ['First'], [child.documentId]: ['Second'] },
    });
    expect(headings((await rendered(roundup.slug)).text)).toEqual(['h2 Reading', 'h2 Long reads']);

    await admin
      .put(`${cm('category')}/${child.documentId}`)
      .send({ parent: { connect: [parent.documentId] } })
      .expect(200);
    expect(headings((await rendered(roundup.slug)).text)).toEqual(['h2 Reading', 'h3 Long reads']);
    const json = await app.http().get(`/api/roundup/roundups/${roundup.slug}`).expect(200);
    expect(shape(json.body.data.sections)).toBe('Reading[First](Long reads[Second])');
  });
});

describe('a section put under itself or under one of its own subsections', () => {
  /** Every section's parent, by name: what the tree is. */
  const parents = async () => {
    const rows = await app.strapi.db.query('plugin::roundup.category').findMany({
      select: ['name'],
      populate: { parent: { select: ['name'] } },
      orderBy: { name: 'asc' },
    });
    return Object.fromEntries(rows.map((row: any) => [row.name, row.parent?.name ?? null]));
  };

  it('is refused with a 400 naming parent, through the Content Manager and the Document Service, and nothing changes', async () => {
    const top = await makeCategory(app.strapi, { name: 'Loop top', position: 10 });
    const middle = await makeCategory(app.strapi, { name: 'Loop middle', position: 11 });
    const bottom = await makeCategory(app.strapi, { name: 'Loop bottom', position: 12 });
    await docs(app.strapi, 'category').update({
      documentId: middle.documentId,
      data: { parent: top.documentId },
    });
    await admin
      .put(`${cm('category')}/${bottom.documentId}`)
      .send({ parent: { connect: [middle.documentId] } })
      .expect(200);
    const roundup = await makeRoundup(app.strapi, {
      title: 'Loops refused',
      sections: {
        [top.documentId]: ['At the top'],
        [middle.documentId]: ['In the middle'],
        [bottom.documentId]: ['At the bottom'],
      },
    });
    const before = await parents();
    const markdownBefore = (await rendered(roundup.slug)).text;
    expect(headings(markdownBefore)).toEqual(['h2 Loop top', 'h3 Loop middle', 'h4 Loop bottom']);

    const refusals: [string, string, unknown, RegExp][] = [
      [
        'itself',
        top.documentId,
        { connect: [top.documentId] },
        /^parent cannot be the section itself: "Loop top" under "Loop top"$/,
      ],
      [
        'its child (A under B under A)',
        top.documentId,
        { connect: [{ documentId: middle.documentId }] },
        /^parent would make a loop of sections: "Loop top" under "Loop middle" under "Loop top"; a section cannot stand under one of its own subsections$/,
      ],
      [
        'its grandchild',
        top.documentId,
        { set: [bottom.documentId] },
        /^parent would make a loop of sections: "Loop top" under "Loop bottom" under "Loop middle" under "Loop top"/,
      ],
      [
        'its child, one level down',
        middle.documentId,
        { connect: [bottom.documentId] },
        /^parent would make a loop of sections: "Loop middle" under "Loop bottom" under "Loop middle"/,
      ],
    ];
    for (const [, section, parent, message] of refusals) {
      const res = await admin.put(`${cm('category')}/${section}`).send({ parent });
      expect([res.status, res.body.error?.message]).toEqual([400, expect.stringMatching(message)]);
      expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toEqual(['parent']);
    }
    // The Document Service, as code and other plugins write, refuses it the same way.
    await expect(
      docs(app.strapi, 'category').update({
        documentId: top.documentId,
        data: { parent: bottom.documentId },
      })
    ).rejects.toThrow(/^parent would make a loop of sections: "Loop top" under "Loop bottom"/);
    await expect(
      docs(app.strapi, 'category').update({
        documentId: bottom.documentId,
        data: { name: 'Loop bottom', parent: bottom.documentId },
      })
    ).rejects.toThrow(/^parent cannot be the section itself/);

    expect(await parents()).toEqual(before);
    expect((await rendered(roundup.slug)).text).toBe(markdownBefore);

    // Moving a section elsewhere, or to the top, is no loop.
    await admin
      .put(`${cm('category')}/${bottom.documentId}`)
      .send({ parent: { disconnect: [middle.documentId] } })
      .expect(200);
    await docs(app.strapi, 'category').update({
      documentId: top.documentId,
      data: { parent: bottom.documentId },
    });
    expect(headings((await rendered(roundup.slug)).text)).toEqual([
      'h2 Loop bottom',
      'h3 Loop top',
      'h4 Loop middle',
    ]);
  });
});

describe("a section's note in one roundup, through the editor's route", () => {
  it('shows under its heading before the links, in the preview and once published', async () => {
    const section = await makeCategory(app.strapi, { name: 'Project of the Week', position: 5 });
    const roundup = await makeRoundup(app.strapi, {
      title: 'With a note',
      sections: { [section.documentId]: ['The project'] },
      publish: false,
    });
    const note = (text: string, category = section.documentId) =>
      admin
        .put(`/roundup/roundups/${roundup.documentId}/sections/${category}/note`)
        .send({ note: text });

    await note('This week: a *tiny* parser.').expect(200);
    const preview = await admin.get(`/roundup/roundups/${roundup.documentId}/preview`).expect(200);
    expect(preview.body.markdown).toContain(
      '## Project of the Week\n\nThis week: a *tiny* parser.\n\n* [The project]('
    );
    expect(preview.body.html).toContain('<p>This week: a <em>tiny</em> parser.</p>');

    await admin.post(`/roundup/roundups/${roundup.documentId}/publish`).expect(200);
    const json = await app.http().get(`/api/roundup/roundups/${roundup.slug}`).expect(200);
    expect(json.body.data.sections[0].note).toBe('This week: a *tiny* parser.');

    // Only this roundup has it; an empty note removes it; unknown sections and long notes are refused.
    const other = await makeRoundup(app.strapi, {
      title: 'Without a note',
      sections: { [section.documentId]: ['Another project'] },
    });
    expect((await rendered(other.slug)).text).not.toContain('tiny');
    await note('').expect(200);
    expect(
      (await admin.get(`/roundup/roundups/${roundup.documentId}/preview`).expect(200)).body.markdown
    ).not.toContain('tiny');
    await note('x', 'no-such-section').expect(404);
    const tooLong = await note('x'.repeat(20_001)).expect(400);
    expect(tooLong.body.error.message).toContain('note');
  });
});

describe('a database created before sections had parents', () => {
  const knex = () => app.strapi.db.connection;

  it('upgrades on the next start with every section, roundup and link kept', async () => {
    const flat = await makeCategory(app.strapi, { name: 'Flat before', position: 3 });
    const other = await makeCategory(app.strapi, { name: 'Flat after', position: 4 });
    const roundup = await makeRoundup(app.strapi, {
      title: 'Before the upgrade',
      sections: { [flat.documentId]: ['Old one'], [other.documentId]: ['Old two'] },
    });
    const before = await rendered(roundup.slug);

    // Back to main's shape: no parent link table, and the schema main's Strapi recorded.
    const meta = app.strapi.db.metadata.get('plugin::roundup.category') as any;
    const linkTable: string = meta.attributes.parent.joinTable.name;
    await knex().schema.dropTable(linkTable);
    const stored = await knex()('strapi_database_schema').first();
    const schema = typeof stored.schema === 'string' ? JSON.parse(stored.schema) : stored.schema;
    schema.tables = schema.tables.filter((t: { name: string }) => t.name !== linkTable);
    await knex()('strapi_database_schema')
      .where({ id: stored.id })
      .update({ schema: JSON.stringify(schema), hash: 'main' });
    const categoriesBefore = await knex()('roundup_categories')
      .select('id', 'document_id', 'name', 'slug', 'position')
      .orderBy('id');

    await app.stop();
    app = await startApp({ database: DATABASE, reuseDatabase: true });
    admin = await loginAdmin(app);

    expect(
      await knex()('roundup_categories')
        .select('id', 'document_id', 'name', 'slug', 'position')
        .orderBy('id')
    ).toEqual(categoriesBefore);
    expect(await knex().schema.hasTable(linkTable)).toBe(true);
    expect((await rendered(roundup.slug)).text).toBe(before.text);

    // And sections can stand under others from now on.
    await docs(app.strapi, 'category').update({
      documentId: other.documentId,
      data: { parent: flat.documentId },
    });
    expect(headings((await rendered(roundup.slug)).text)).toEqual([
      'h2 Flat before',
      'h3 Flat after',
    ]);
  });
});
