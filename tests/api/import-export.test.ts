import { docs, loginAdmin, type AdminClient } from '../helpers/admin';
import { startApp, type TestApp } from '../helpers/app';

let app: TestApp;
let admin: AdminClient;

beforeAll(async () => {
  app = await startApp({ database: 'import_export', env: { ROUNDUP_SEED_DEMO: 'false' } });
  admin = await loginAdmin(app);
  await docs(app.strapi, 'category').create({
    data: { name: 'Neat Open-Source Projects', position: 1 },
  });
});
afterAll(async () => {
  await app?.stop();
});

const POST = `---
layout: post
title: What we read in October
date: 2026-10-31
tags: [roundup]
---

<!-- excerpt start -->
Links from October.
<!-- excerpt end -->

Intro words.

## Articles
* [First article](https://example.com/first) by Ada<br/>
  Why the first one matters.
* [Second article](https://example.com/second)<br/>
  No author here.

## Neat Open Source Projects
* [A project](https://example.com/project) by Grace<br/>
  Small and readable.
`;

const count = (type: string) => app.strapi.db.query(`plugin::roundup.${type}` as any).count();
const snapshot = async () => ({
  roundups: await count('roundup'),
  entries: await count('entry'),
  categories: await count('category'),
});

describe('POST /roundup/import', () => {
  it('answers a dry run with counts, warnings and the parsed roundup, and writes nothing', async () => {
    const before = await snapshot();
    const res = await admin
      .post('/roundup/import')
      .send({ markdown: POST, dryRun: true })
      .expect(200);
    expect(res.body).toMatchObject({ sections: 2, entries: 3, warnings: [] });
    expect(res.body.roundup.sections[0].entries[0]).toEqual({
      title: 'First article',
      url: 'https://example.com/first',
      author: 'Ada',
      description: 'Why the first one matters.',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('imports a post, matching section names to existing categories', async () => {
    const res = await admin
      .post('/roundup/import')
      .send({ markdown: POST, publish: true })
      .expect(201);
    expect(res.body).toEqual({
      documentId: expect.any(String),
      slug: 'what-we-read-in-october',
      sections: 2,
      entries: 3,
      warnings: [],
    });
    const stored = await docs(app.strapi, 'roundup').findOne({
      documentId: res.body.documentId,
      status: 'published',
      populate: { entries: { populate: ['category'] } },
    });
    expect(stored.frontMatter).toEqual({ tags: ['roundup'] });
    expect(stored.entries.map((e: any) => [e.title, e.category.name])).toEqual([
      ['First article', 'Articles'],
      ['Second article', 'Articles'],
      ['A project', 'Neat Open-Source Projects'],
    ]);
    expect(await count('category')).toBe(2);
  });

  it('answers 409 for a slug that exists, and replaces the roundup in place with "replace"', async () => {
    const before = await snapshot();
    const res = await admin.post('/roundup/import').send({ markdown: POST }).expect(409);
    expect(res.body.error.message).toContain('what-we-read-in-october');
    expect(await snapshot()).toEqual(before);

    const changed = POST.replace('First article', 'First article, revised');
    const replaced = await admin
      .post('/roundup/import')
      .send({ markdown: changed, replace: true })
      .expect(201);
    expect(replaced.body.documentId).toBe(res.body.error.details.documentId);
    expect(await snapshot()).toEqual(before);
    const exported = await admin
      .get(`/roundup/roundups/${replaced.body.documentId}/export`)
      .expect(200);
    expect(exported.text).toContain(
      '* [First article, revised](https://example.com/first) by Ada<br/>'
    );
  });

  it.each([
    [
      'not Markdown',
      { markdown: '\u0000\u0001\u0002binary' },
      /^markdown: the post is binary data, not Markdown text/,
    ],
    [
      'no sections',
      { markdown: '---\ntitle: Empty\ndate: 2026-01-31\n---\n\nJust words.\n' },
      /^markdown: the post has no sections/,
    ],
    [
      'broken front matter',
      { markdown: '---\ntitle: [unclosed\ndate: 2026-01-31\n---\n\n## A\n* [x](https://x.org)\n' },
      /^markdown: line 3: the front matter is not valid YAML/,
    ],
    ['no date', { markdown: POST.replace('date: 2026-10-31\n', '') }, /date: the post has no date/],
    ['markdown that is not a string', { markdown: 42 }, /markdown/],
    ['an unknown field', { markdown: POST, overwrite: true }, /Unknown field: overwrite/],
  ])('refuses %s with a 400 naming the problem, writing nothing', async (_, body, message) => {
    const before = await snapshot();
    const res = await admin
      .post('/roundup/import')
      .send({ ...body, slugSuffix: undefined })
      .expect(400);
    expect(res.body.error.message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  it('imports a post with an invalid URL, keeping that entry as text with a warning on its line', async () => {
    const markdown = POST.replace('title: What we read in October', 'title: Invalid in October')
      .replace('https://example.com/second', 'javascript:alert(1)')
      .replace('date: 2026-10-31', 'date: 2026-10-30');
    const before = await snapshot();
    const res = await admin.post('/roundup/import').send({ markdown }).expect(201);
    expect(res.body.entries).toBe(2);
    expect(res.body.warnings).toContainEqual({
      line: 17,
      message:
        'the entry "Second article", which cannot be a link (its url must use http or https, not javascript), is kept in the list after "First article"',
    });
    expect(await snapshot()).toEqual({
      ...before,
      roundups: before.roundups + 1,
      entries: before.entries + 2,
    });
    const first = await app.strapi.db
      .query('plugin::roundup.entry')
      .findOne({ where: { title: 'First article', roundup: { documentId: res.body.documentId } } });
    expect(first.description).toBe('Why the first one matters.');
    expect(first.textAfter).toBe('* [Second article](javascript:alert(1))<br/>\n  No author here.');
  });

  it('answers 413 for a body over the configured size (5 MB)', async () => {
    const before = await snapshot();
    const huge = POST + '\n'.padEnd(5 * 1024 * 1024, 'x');
    const res = await admin.post('/roundup/import').send({ markdown: huge });
    expect(res.status).toBe(413);
    expect(await snapshot()).toEqual(before);
  });

  it('writes nothing when a failure happens halfway through an import', async () => {
    const before = await snapshot();
    // The second post's second section name is too long for a category name: the
    // roundup, the new category and the first links are written before it fails.
    const failing = POST.replace('what we read in October', 'Half')
      .replace('title: What we read in October', 'title: Half written')
      .replace('## Neat Open Source Projects', `## ${'Long section name '.repeat(10)}`);
    const res = await admin.post('/roundup/import').send({ markdown: failing });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/name/);
    expect(await snapshot()).toEqual(before);
  });

  it('needs the import permission', async () => {
    const reader = await loginAdmin(app, { actions: ['plugin::roundup.read'] });
    await reader.post('/roundup/import').send({ markdown: POST, dryRun: true }).expect(403);
    await app.http().post('/roundup/import').send({ markdown: POST, dryRun: true }).expect(401);
  });
});

describe("a heading that differs from the shared section's name only in punctuation or case", () => {
  it("keeps the roundup's own text and renders it back; the section stays shared", async () => {
    const great = await docs(app.strapi, 'category').create({
      data: { name: 'Great', position: 5 },
    });
    const post = (title: string, heading: string) =>
      `---\ntitle: ${title}\ndate: 2026-09-30\n---\n\n## ${heading}\n* [A link](https://example.com/great) by Ann<br/>\n  Why it is great.\n`;
    const categories = await count('category');
    const own = post('Great in September', 'Great!');
    const res = await admin.post('/roundup/import').send({ markdown: own, publish: true });
    expect(res.status).toBe(201);
    expect(await count('category')).toBe(categories);
    const entry = await app.strapi.db.query('plugin::roundup.entry').findOne({
      where: { roundup: { documentId: res.body.documentId } },
      populate: ['category'],
    });
    expect(entry.category.documentId).toBe(great.documentId);

    const rendered = await app
      .http()
      .get(`/api/roundup/roundups/${res.body.slug}/rendered`)
      .expect(200);
    expect(rendered.text).toContain('\n## Great!\n');
    const exported = await admin.get(`/roundup/roundups/${res.body.documentId}/export`).expect(200);
    const body = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, '');
    expect(body(exported.text)).toBe(body(own));
    // Another roundup writing the section's own name shows it as the section has it.
    const plain = await admin
      .post('/roundup/import')
      .send({ markdown: post('Plain in September', 'Great'), publish: true })
      .expect(201);
    const other = await admin.get(`/roundup/roundups/${plain.body.documentId}/export`).expect(200);
    expect(other.text).toContain('\n## Great\n');
  });
});

describe('GET /roundup/roundups/:documentId/export', () => {
  it('exports the draft or the published version as Jekyll Markdown', async () => {
    const res = await admin
      .post('/roundup/import')
      .send({
        markdown: POST.replace(/October/g, 'November').replace('2026-10-31', '2026-11-30'),
        publish: true,
      })
      .expect(201);
    await docs(app.strapi, 'roundup').update({
      documentId: res.body.documentId,
      data: { title: 'Draft title' },
    });
    const draft = await admin.get(`/roundup/roundups/${res.body.documentId}/export`).expect(200);
    expect(draft.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(draft.text).toContain('title: Draft title');
    const published = await admin
      .get(`/roundup/roundups/${res.body.documentId}/export?status=published`)
      .expect(200);
    expect(published.text).toContain('title: What we read in November');
    expect(published.headers['content-disposition']).toBe(
      'attachment; filename="2026-11-30-what-we-read-in-november.md"'
    );
    await admin.get('/roundup/roundups/nope/export').expect(404);
  });

  it('round-trips posts: import, export, import again gives the same roundup', async () => {
    // The seven real posts make the same trip in the acceptance suite (npm run test:fixtures).
    const interruptStyle = `---
title: What we read in December
date: 2026-12-31
---

## Articles & Learning

- [**Reading a crash log - Example Blog**](https://example.com/crash-log)<br>
by Sam Writer - A calm walk through a crash log, line by line.

- [**Fuzzing the parser**](https://example.com/fuzz)<br/>
  Notes on finding bugs with random input.
  - Noah

## Random

- [A tool](https://example.com/tool)<br/>
  Small, sharp and documented.
`;
    for (const [index, markdown] of [
      POST.replace(/October/g, 'Round trip'),
      interruptStyle,
    ].entries()) {
      const first = await admin
        .post('/roundup/import')
        .send({ markdown, fileName: `post-${index}.md` })
        .expect(201);
      const exported = await admin
        .get(`/roundup/roundups/${first.body.documentId}/export`)
        .expect(200);
      const again = await admin
        .post('/roundup/import')
        .send({ markdown: exported.text, dryRun: true })
        .expect(200);
      const original = await admin
        .post('/roundup/import')
        .send({ markdown, fileName: `post-${index}.md`, dryRun: true })
        .expect(200);
      // Section names come back as the post wrote them, its sections matched to the stored categories by slug.
      const bySlug = (roundup: any) => ({
        ...roundup,
        sections: roundup.sections.map((s: any) => ({ ...s, category: s.category.slug })),
      });
      expect(bySlug(again.body.roundup)).toEqual(bySlug(original.body.roundup));
      expect(again.body.entries).toBe(first.body.entries);
    }
  });
});
