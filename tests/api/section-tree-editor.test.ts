import { ACTIONS } from '../../plugins/roundup/shared/permissions';
import { docs, loginAdmin, type AdminClient } from '../helpers/admin';
import { startApp, type TestApp } from '../helpers/app';
import { makeCategory, makeRoundup } from '../helpers/content';

let app: TestApp;
let admin: AdminClient;

beforeAll(async () => {
  app = await startApp({ database: 'section_tree_editor', env: { ROUNDUP_SEED_DEMO: 'false' } });
  admin = await loginAdmin(app);
});
afterAll(async () => {
  await app?.stop();
});

const orderPath = (documentId: string) => `/roundup/roundups/${documentId}/order`;
const editorPath = (documentId: string) => `/roundup/roundups/${documentId}/editor`;
const linkPath = (documentId: string, category: string) =>
  `/roundup/roundups/${documentId}/sections/${category}/link`;
const previewOf = async (documentId: string) =>
  (await admin.get(`/roundup/roundups/${documentId}/preview`).expect(200)).body;

/** Each section's parent, by name, as stored on the shared sections. */
const parentsOf = async (...ids: string[]) => {
  const rows = await docs(app.strapi, 'category').findMany({
    filters: { documentId: { $in: ids } },
    populate: ['parent'],
  });
  return Object.fromEntries(
    rows.map((row: any) => [row.name, row.parent ? row.parent.name : null])
  ) as Record<string, string | null>;
};

/** A roundup over three fresh top-level sections A, B, C with one link each. */
const threeSections = async (label: string) => {
  const [a, b, c] = await Promise.all(
    ['A', 'B', 'C'].map((letter, i) =>
      makeCategory(app.strapi, { name: `${label} ${letter}`, position: i + 1 })
    )
  );
  const ids = { a: a.documentId as string, b: b.documentId as string, c: c.documentId as string };
  const roundup = await makeRoundup(app.strapi, {
    title: `${label} roundup`,
    publish: false,
    sections: { [ids.a]: [`${label} a1`], [ids.b]: [`${label} b1`], [ids.c]: [`${label} c1`] },
  });
  const section = (key: 'a' | 'b' | 'c', parent?: string | null) => ({
    category: ids[key],
    entries: [roundup.entries[`${label} ${key}1`]],
    ...(parent === undefined ? {} : { parent }),
  });
  return { ids, roundup, section };
};

describe('PUT /roundup/roundups/:documentId/order with a parent per section', () => {
  it('nests a section under another, shows it on the page and renders its heading one level down', async () => {
    const { ids, roundup, section } = await threeSections('Nest');
    const res = await admin
      .put(orderPath(roundup.documentId))
      .send({ sections: [section('a'), section('b', ids.a), section('c', null)] })
      .expect(200);
    expect(res.body.sections.slice(0, 3).map((s: any) => s.category)).toEqual([
      ids.a,
      ids.b,
      ids.c,
    ]);
    expect(await parentsOf(ids.a, ids.b, ids.c)).toEqual({
      'Nest A': null,
      'Nest B': 'Nest A',
      'Nest C': null,
    });

    const page = (await admin.get(editorPath(roundup.documentId)).expect(200)).body;
    expect(
      page.sections
        .filter((s: any) => Object.values(ids).includes(s.category?.documentId))
        .map((s: any) => [s.category.name, s.category.parent])
    ).toEqual([
      ['Nest A', null],
      ['Nest B', ids.a],
      ['Nest C', null],
    ]);

    const { markdown, html } = await previewOf(roundup.documentId);
    expect(markdown).toContain('## Nest A\n');
    expect(markdown).toContain('### Nest B\n');
    expect(markdown).toContain('## Nest C\n');
    expect(html).toMatch(/<h3[^>]*>Nest B<\/h3>/);

    // Back to the top, after C: the parent is cleared and the order follows the request.
    await admin
      .put(orderPath(roundup.documentId))
      .send({ sections: [section('a'), section('c'), section('b', null)] })
      .expect(200);
    expect(await parentsOf(ids.b)).toEqual({ 'Nest B': null });
    const after = await previewOf(roundup.documentId);
    expect(after.markdown).toMatch(/## Nest A\n[\s\S]*## Nest C\n[\s\S]*## Nest B\n/);
  });

  it('moves a subsection with its own subsections, to any depth', async () => {
    const { ids, roundup, section } = await threeSections('Deep');
    await admin
      .put(orderPath(roundup.documentId))
      .send({ sections: [section('a'), section('b', ids.a), section('c', ids.b)] })
      .expect(200);
    const { markdown } = await previewOf(roundup.documentId);
    expect(markdown).toMatch(/## Deep A\n[\s\S]*### Deep B\n[\s\S]*#### Deep C\n/);
  });

  it('answers 409 to an editor whose page predates another editor nesting a section, and keeps the nesting', async () => {
    const { ids, roundup, section } = await threeSections('Stale');
    const loaded = (await admin.get(editorPath(roundup.documentId)).expect(200)).body.version;
    // Another editor puts C under B: no link moves, only the tree changes.
    const nested = await admin
      .put(orderPath(roundup.documentId))
      .send({ sections: [section('a'), section('b'), section('c', ids.b)], version: loaded })
      .expect(200);
    expect(nested.body.version).not.toBe(loaded);
    expect((await admin.get(editorPath(roundup.documentId)).expect(200)).body.version).toBe(
      nested.body.version
    );

    // The first editor, still on the page as loaded, moves A to the end.
    const stale = await admin
      .put(orderPath(roundup.documentId))
      .send({ sections: [section('b'), section('c'), section('a')], version: loaded })
      .expect(409);
    expect(stale.body.error.details).toEqual({ version: nested.body.version });
    expect(await parentsOf(ids.a, ids.b, ids.c)).toEqual({
      'Stale A': null,
      'Stale B': null,
      'Stale C': 'Stale B',
    });
    const { markdown } = await previewOf(roundup.documentId);
    expect(markdown).toMatch(/## Stale A\n[\s\S]*## Stale B\n[\s\S]*### Stale C\n/);
  });

  it('nests the shared section in every roundup that has both, and the change feed tells of them', async () => {
    const { ids, roundup, section } = await threeSections('Shared');
    const published = await makeRoundup(app.strapi, {
      title: 'Shared published',
      sections: { [ids.a]: ['Shared p-a'], [ids.b]: ['Shared p-b'] },
    });
    const drain = async (since?: string) => {
      const listed: string[] = [];
      for (let cursor = since; ;) {
        const query = new URLSearchParams({ limit: '100', ...(cursor ? { since: cursor } : {}) });
        const { body } = await app.http().get(`/api/roundup/changes?${query}`).expect(200);
        listed.push(...body.data.map((item: { documentId: string }) => item.documentId));
        cursor = body.meta.nextCursor;
        if (!body.meta.hasMore) return { listed, cursor };
      }
    };
    const { cursor } = await drain();

    await admin
      .put(orderPath(roundup.documentId))
      .send({ sections: [section('a'), section('b', ids.a), section('c')] })
      .expect(200);

    expect((await drain(cursor)).listed).toContain(published.documentId);
    const markdown = (
      await app
        .http()
        .get(`/api/roundup/roundups/${published.slug}/rendered?format=markdown`)
        .expect(200)
    ).text;
    expect(markdown).toContain('### Shared B\n');
  });

  describe('bad parents answer 400 naming `parent` and change nothing', () => {
    let fixture: Awaited<ReturnType<typeof threeSections>>;
    let before: unknown;
    let parentsBefore: Record<string, string | null>;

    beforeAll(async () => {
      fixture = await threeSections('Guard');
      const { ids, roundup, section } = fixture;
      await admin
        .put(orderPath(roundup.documentId))
        .send({ sections: [section('a'), section('b', ids.a), section('c')] })
        .expect(200);
    });

    beforeEach(async () => {
      const { ids, roundup } = fixture;
      before = (await admin.get(editorPath(roundup.documentId)).expect(200)).body;
      parentsBefore = await parentsOf(ids.a, ids.b, ids.c);
    });

    afterEach(async () => {
      const { ids, roundup } = fixture;
      expect((await admin.get(editorPath(roundup.documentId)).expect(200)).body).toEqual(before);
      expect(await parentsOf(ids.a, ids.b, ids.c)).toEqual(parentsBefore);
    });

    // Each row: the request, the message and the path its error details must carry.
    const cases: [string, () => object, RegExp, string][] = [
      [
        'a section under itself',
        () => ({
          sections: [
            fixture.section('a', fixture.ids.a),
            fixture.section('b'),
            fixture.section('c'),
          ],
        }),
        /^parent (cannot be the section itself|would make a loop of sections)/,
        'sections.0.parent',
      ],
      [
        'a section under its own subsection',
        () => ({
          sections: [
            fixture.section('a', fixture.ids.b),
            fixture.section('b'),
            fixture.section('c'),
          ],
        }),
        /^parent (cannot be the section itself|would make a loop of sections)/,
        'sections.0.parent',
      ],
      [
        'a loop made by two moves at once',
        () => ({
          sections: [
            fixture.section('a', fixture.ids.c),
            fixture.section('b'),
            fixture.section('c', fixture.ids.b),
          ],
        }),
        /^parent would make a loop of sections/,
        'sections.2.parent',
      ],
      [
        'an unknown parent',
        () => ({
          sections: [
            fixture.section('a'),
            fixture.section('b', 'nosuchsection'),
            fixture.section('c'),
          ],
        }),
        /Unknown parent section "nosuchsection"/,
        'sections.1.parent',
      ],
      [
        'an empty parent',
        () => ({
          sections: [fixture.section('a'), fixture.section('b', ''), fixture.section('c')],
        }),
        /must be a section documentId or null/,
        'sections.1.parent',
      ],
      [
        'a parent that is not a string',
        () => ({
          sections: [
            fixture.section('a'),
            { ...fixture.section('b'), parent: 7 },
            fixture.section('c'),
          ],
        }),
        /parent/,
        'sections.1.parent',
      ],
    ];

    it.each(cases)('%s', async (_, body, message, path) => {
      const res = await admin.put(orderPath(fixture.roundup.documentId)).send(body()).expect(400);
      expect(res.body.error.message).toMatch(message);
      expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain(path);
    });

    it('answers 403 to a role that may read but not reorder', async () => {
      const reader = await loginAdmin(app, { actions: [ACTIONS.read] });
      const { ids, roundup, section } = fixture;
      await reader
        .put(orderPath(roundup.documentId))
        .send({ sections: [section('a'), section('b'), section('c', ids.a)] })
        .expect(403);
    });
  });
});

describe('PUT /roundup/roundups/:documentId/sections/:category/link', () => {
  it('links the heading in this roundup only, and an empty URL removes the link', async () => {
    const { ids, roundup } = await threeSections('Linked');
    const other = await makeRoundup(app.strapi, {
      title: 'Linked elsewhere',
      publish: false,
      sections: { [ids.a]: ['Elsewhere a1'] },
    });
    const url = 'https://example.com/approved?page=1';
    const res = await admin.put(linkPath(roundup.documentId, ids.a)).send({ url }).expect(200);
    expect(res.body.sections.find((s: any) => s.category?.documentId === ids.a).link).toBe(url);

    expect((await previewOf(roundup.documentId)).markdown).toContain(`## [Linked A](${url})\n`);
    expect((await previewOf(other.documentId)).markdown).toContain('## Linked A\n');

    const cleared = await admin.put(linkPath(roundup.documentId, ids.a)).send({ url: '' });
    expect(cleared.status).toBe(200);
    expect(cleared.body.sections.find((s: any) => s.category?.documentId === ids.a).link).toBe(
      null
    );
    expect((await previewOf(roundup.documentId)).markdown).toContain('## Linked A\n');
  });

  it('takes a URL of 2,048 characters', async () => {
    const { ids, roundup } = await threeSections('Longest');
    const url = `https://example.com/${'a'.repeat(2048 - 'https://example.com/'.length)}`;
    expect(url).toHaveLength(2048);
    const res = await admin.put(linkPath(roundup.documentId, ids.b)).send({ url }).expect(200);
    expect(res.body.sections.find((s: any) => s.category?.documentId === ids.b).link).toBe(url);
  });

  describe('bad input answers 4xx naming the field and changes nothing', () => {
    let fixture: Awaited<ReturnType<typeof threeSections>>;
    const kept = 'https://example.com/kept';
    let before: unknown;

    beforeAll(async () => {
      fixture = await threeSections('Refused');
      await admin
        .put(linkPath(fixture.roundup.documentId, fixture.ids.a))
        .send({ url: kept })
        .expect(200);
    });
    beforeEach(async () => {
      before = (await admin.get(editorPath(fixture.roundup.documentId)).expect(200)).body;
    });
    afterEach(async () => {
      expect((await admin.get(editorPath(fixture.roundup.documentId)).expect(200)).body).toEqual(
        before
      );
      const stored = await docs(app.strapi, 'roundup').findOne({
        documentId: fixture.roundup.documentId,
        status: 'draft',
      });
      expect(stored.headingLinks).toEqual({ [fixture.ids.a]: kept });
    });

    const cases: [string, unknown, RegExp][] = [
      ['a javascript: URL', { url: 'javascript:alert(1)' }, /must use http or https/],
      ['a relative URL', { url: '/relative' }, /absolute http\(s\) URL/],
      ['a URL with spaces', { url: 'https://example.com/a b' }, /spaces/],
      [
        'a URL over 2,048 characters',
        { url: `https://example.com/${'a'.repeat(2049)}` },
        /at most 2048 characters/,
      ],
      ['no URL', {}, /URL/],
      ['a URL that is not a string', { url: 42 }, /URL/],
    ];

    it.each(cases)('%s: 400 naming url', async (_, body, message) => {
      const res = await admin
        .put(linkPath(fixture.roundup.documentId, fixture.ids.a))
        .send(body as object)
        .expect(400);
      expect(res.body.error.message).toMatch(message);
      expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain('url');
    });

    it('an unknown section: 404 naming it', async () => {
      const res = await admin
        .put(linkPath(fixture.roundup.documentId, 'nosuchsection'))
        .send({ url: 'https://example.com/x' })
        .expect(404);
      expect(res.body.error.message).toContain('nosuchsection');
    });

    it('an unknown roundup: 404 naming it', async () => {
      const res = await admin
        .put(linkPath('nosuchroundup', fixture.ids.a))
        .send({ url: 'https://example.com/x' })
        .expect(404);
      expect(res.body.error.message).toContain('nosuchroundup');
    });
  });
});

describe('PUT /roundup/roundups/:documentId/sections/:category (note and heading link at once)', () => {
  const sectionPath = (documentId: string, category: string) =>
    `/roundup/roundups/${documentId}/sections/${category}`;
  const stored = async (documentId: string) =>
    docs(app.strapi, 'roundup').findOne({ documentId, status: 'draft' });

  it('saves both in one write, and either alone leaves the other as it was', async () => {
    const { ids, roundup } = await threeSections('Both');
    const url = 'https://example.com/both';
    const res = await admin
      .put(sectionPath(roundup.documentId, ids.b))
      .send({ note: 'Two *great* talks.', url })
      .expect(200);
    expect(res.body.sections.find((s: any) => s.category?.documentId === ids.b)).toMatchObject({
      note: 'Two *great* talks.',
      link: url,
    });
    expect((await previewOf(roundup.documentId)).markdown).toContain(
      `## [Both B](${url})\n\nTwo *great* talks.\n`
    );

    await admin.put(sectionPath(roundup.documentId, ids.b)).send({ note: '' }).expect(200);
    const after = await stored(roundup.documentId);
    expect(after.sectionNotes).toBeNull();
    expect(after.headingLinks).toEqual({ [ids.b]: url });
  });

  it.each([
    ['a bad link beside a good note', { note: 'Kept out.', url: 'javascript:alert(1)' }, 'url'],
    [
      'a note over 20,000 characters beside a good link',
      { note: 'n'.repeat(20_001), url: 'https://example.com/new' },
      'note',
    ],
    ['neither', {}, 'note'],
    ['an unknown field', { note: 'x', title: 'y' }, ''],
  ])('%s: 400 naming the field, and neither is saved', async (name, body, field) => {
    const { ids, roundup } = await threeSections(`Refused both, ${name.slice(0, 24)}`);
    await admin
      .put(sectionPath(roundup.documentId, ids.a))
      .send({ note: 'Before.', url: 'https://example.com/before' })
      .expect(200);
    const res = await admin.put(sectionPath(roundup.documentId, ids.a)).send(body).expect(400);
    if (field)
      expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain(field);
    const after = await stored(roundup.documentId);
    expect(after.sectionNotes).toEqual({ [ids.a]: 'Before.' });
    expect(after.headingLinks).toEqual({ [ids.a]: 'https://example.com/before' });
  });

  it('answers 404 for an unknown section and 403 to a role that may only read', async () => {
    const { ids, roundup } = await threeSections('Guarded both');
    await admin
      .put(sectionPath(roundup.documentId, 'nosuchsection'))
      .send({ note: 'x' })
      .expect(404);
    const reader = await loginAdmin(app, { actions: [ACTIONS.read] });
    await reader.put(sectionPath(roundup.documentId, ids.a)).send({ note: 'x' }).expect(403);
    expect((await stored(roundup.documentId)).sectionNotes).toBeNull();
  });
});
