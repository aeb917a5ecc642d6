import type { ChangeItem, ChangesPage } from '../../plugins/roundup/client';
import { cm, docs, loginAdmin, type AdminClient } from '../helpers/admin';
import { startApp, type TestApp } from '../helpers/app';
import { startAppProcess } from '../helpers/app-process';
import { makeCategory, makeRoundup } from '../helpers/content';
import { databaseClient } from '../helpers/database';

const DEMO = 'what-ive-been-reading-in-july';

type Item = ChangeItem;
type Page = ChangesPage;

let app: TestApp;
let admin: AdminClient;
let articles: string;
let videos: string;

beforeAll(async () => {
  app = await startApp({ database: 'changes', env: { ROUNDUP_WEBHOOK_POLL_MS: '60000' } });
  admin = await loginAdmin(app);
  articles = (await makeCategory(app.strapi, { name: 'Feed articles', position: 1 })).documentId;
  videos = (await makeCategory(app.strapi, { name: 'Feed videos', position: 2 })).documentId;
});
afterAll(async () => {
  await app?.stop();
});

type Get = (url: string) => { expect: (status: number) => Promise<{ body: unknown }> };
const local: Get = (url) => app.http().get(url);

const page = async (query: { since?: string; limit?: number } = {}, get: Get = local) => {
  const params = new URLSearchParams();
  if (query.since !== undefined) params.set('since', query.since);
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  const search = params.toString();
  return (await get(`/api/roundup/changes${search ? `?${search}` : ''}`).expect(200)).body as Page;
};

/** Every page from `since` to the end, as a puller reads them: the items in order and the cursor to keep. */
const drain = async (since?: string, limit = 2, get: Get = local) => {
  const items: Item[] = [];
  let cursor = since;
  for (let pages = 0; pages < 1000; pages += 1) {
    const answer = await page({ since: cursor, limit }, get);
    expect(answer.data.length).toBeLessThanOrEqual(limit);
    items.push(...answer.data);
    cursor = answer.meta.nextCursor;
    if (!answer.meta.hasMore) return { items, cursor: cursor! };
  }
  throw new Error('the feed never ended');
};

/** What a puller that applied `items` in order knows: published roundups by documentId, with their slug. */
const apply = (known: Map<string, string>, items: Item[]) => {
  for (const item of items) {
    if (item.state === 'published') known.set(item.documentId, item.slug);
    else known.delete(item.documentId);
  }
  return known;
};

/** The published roundups, as the database has them. */
const publishedNow = async () => {
  const rows = await docs(app.strapi, 'roundup').findMany({
    status: 'published',
    fields: ['slug'],
    limit: 10_000,
  });
  return new Map<string, string>(rows.map((row: any) => [row.documentId, row.slug]));
};

const renderedEtag = async (slug: string) =>
  (await app.http().get(`/api/roundup/roundups/${slug}/rendered`)).headers.etag ?? null;

describe('GET /api/roundup/changes without a cursor', () => {
  it('lists every published roundup once, paged, and never a draft', async () => {
    const draft = await makeRoundup(app.strapi, {
      title: 'Snapshot draft only',
      publish: false,
      sections: { [articles]: ['snapshot draft link'] },
    });
    for (const title of ['Snapshot one', 'Snapshot two', 'Snapshot three'])
      await makeRoundup(app.strapi, { title, sections: { [articles]: [`${title} link`] } });

    const { items, cursor } = await drain(undefined, 2);
    expect(items.map((item) => item.documentId).sort()).toEqual(
      [...(await publishedNow()).keys()].sort()
    );
    expect(items.every((item) => item.state === 'published')).toBe(true);
    expect(items.map((item) => item.documentId)).not.toContain(draft.documentId);
    expect(items.map((item) => item.slug)).toContain(DEMO);
    const demo = items.find((item) => item.slug === DEMO)!;
    expect(demo).toEqual({
      documentId: expect.any(String),
      state: 'published',
      slug: DEMO,
      date: '2026-07-31',
      version: expect.any(String),
      updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    // The last cursor is where the next pull starts: nothing since.
    expect(await page({ since: cursor })).toEqual({
      data: [],
      meta: { nextCursor: cursor, hasMore: false },
    });
  });

  it('leaves out roundups removed before it began, but not those removed while it pages', async () => {
    const gone = await makeRoundup(app.strapi, { title: 'Removed before the snapshot' });
    await docs(app.strapi, 'roundup').unpublish({ documentId: gone.documentId });
    const first = await page({ limit: 1 });
    expect(first.meta.hasMore).toBe(true);
    // Removed after the first page: the puller may have it already, so it must hear of it.
    const seen = first.data[0];
    await docs(app.strapi, 'roundup').unpublish({ documentId: seen.documentId });
    const rest = await drain(first.meta.nextCursor, 3);
    const all = [...first.data, ...rest.items];
    expect(all.map((item) => item.documentId)).not.toContain(gone.documentId);
    expect(rest.items).toContainEqual(
      expect.objectContaining({ documentId: seen.documentId, state: 'removed', slug: seen.slug })
    );
    expect(apply(new Map(), all)).toEqual(await publishedNow());
    await docs(app.strapi, 'roundup').publish({ documentId: seen.documentId });
  });
});

describe('GET /api/roundup/changes?since=', () => {
  it('lists a roundup exactly when what /rendered returns for it changed', async () => {
    const r = await makeRoundup(app.strapi, {
      title: 'Watched for changes',
      date: '2026-05-31',
      sections: { [articles]: ['watched a'], [videos]: ['watched b'] },
    });
    const other = await makeRoundup(app.strapi, {
      title: 'Not watched',
      sections: { [videos]: ['other video'] },
    });
    const section = await makeCategory(app.strapi, { name: 'Renamed later', position: 3 });
    await docs(app.strapi, 'entry').update({
      documentId: r.entries['watched a'],
      data: { category: section.documentId },
    });

    const writes: [string, () => Promise<unknown>][] = [
      [
        'a draft edit',
        () =>
          docs(app.strapi, 'roundup').update({
            documentId: r.documentId,
            data: { excerpt: 'draft only' },
          }),
      ],
      [
        'a link title',
        () =>
          docs(app.strapi, 'entry').update({
            documentId: r.entries['watched b'],
            data: { title: 'watched b, retitled' },
          }),
      ],
      [
        'the section of a link',
        () =>
          docs(app.strapi, 'entry').update({
            documentId: r.entries['watched b'],
            data: { category: articles },
          }),
      ],
      [
        'a section it shows, renamed',
        () =>
          docs(app.strapi, 'category').update({
            documentId: section.documentId,
            data: { name: 'Renamed now' },
          }),
      ],
      [
        'publishing the draft edit',
        () => docs(app.strapi, 'roundup').publish({ documentId: r.documentId }),
      ],
      [
        'a link of another roundup',
        () =>
          docs(app.strapi, 'entry').update({
            documentId: other.entries['other video'],
            data: { title: 'other, retitled' },
          }),
      ],
      [
        'a link waiting in the inbox',
        () =>
          docs(app.strapi, 'entry').create({
            data: { title: 'waiting', url: 'https://example.com/waiting', category: articles },
          }),
      ],
    ];
    const results: [string, boolean, boolean][] = [];
    let { cursor } = await drain();
    for (const [what, write] of writes) {
      const before = await renderedEtag(r.slug);
      await write();
      const changed = (await renderedEtag(r.slug)) !== before;
      const next = await drain(cursor);
      cursor = next.cursor;
      const listed = next.items.filter((item) => item.documentId === r.documentId);
      expect(listed.length).toBeLessThanOrEqual(1);
      results.push([what, changed, listed.length === 1]);
    }
    expect(results).toEqual([
      ['a draft edit', false, false],
      ['a link title', true, true],
      ['the section of a link', true, true],
      ['a section it shows, renamed', true, true],
      ['publishing the draft edit', true, true],
      ['a link of another roundup', false, false],
      ['a link waiting in the inbox', false, false],
    ]);
  });

  it('gives each change a new version, and tells of unpublished and deleted roundups by their last slug and date', async () => {
    const r = await makeRoundup(app.strapi, { title: 'Tombstoned', date: '2026-04-30' });
    const deleted = await makeRoundup(app.strapi, { title: 'Deleted soon', date: '2026-03-31' });
    const start = await drain();

    await docs(app.strapi, 'roundup').update({
      documentId: r.documentId,
      data: { slug: 'tombstoned-renamed', date: '2026-04-29' },
    });
    await docs(app.strapi, 'roundup').publish({ documentId: r.documentId });
    const renamed = await drain(start.cursor);
    expect(renamed.items).toEqual([
      expect.objectContaining({
        documentId: r.documentId,
        state: 'published',
        slug: 'tombstoned-renamed',
        date: '2026-04-29',
      }),
    ]);

    await docs(app.strapi, 'roundup').unpublish({ documentId: r.documentId });
    await docs(app.strapi, 'roundup').delete({ documentId: deleted.documentId });
    const removed = await drain(renamed.cursor);
    expect(removed.items).toEqual([
      expect.objectContaining({
        documentId: r.documentId,
        state: 'removed',
        slug: 'tombstoned-renamed',
        date: '2026-04-29',
      }),
      expect.objectContaining({
        documentId: deleted.documentId,
        state: 'removed',
        slug: deleted.slug,
        date: '2026-03-31',
      }),
    ]);
    expect(removed.items[0].version).not.toBe(renamed.items[0].version);
    // A draft that was never published is never listed, even deleted.
    const never = await makeRoundup(app.strapi, { title: 'Never published', publish: false });
    await docs(app.strapi, 'roundup').delete({ documentId: never.documentId });
    expect((await drain(removed.cursor)).items).toEqual([]);
  });

  it('lists a roundup unpublished and republished between two pulls once, as published', async () => {
    const r = await makeRoundup(app.strapi, { title: 'Back again' });
    const { cursor } = await drain();
    await docs(app.strapi, 'roundup').unpublish({ documentId: r.documentId });
    await docs(app.strapi, 'roundup').publish({ documentId: r.documentId });
    expect((await drain(cursor)).items).toEqual([
      expect.objectContaining({ documentId: r.documentId, state: 'published', slug: r.slug }),
    ]);
  });

  it('loses no change and repeats none while writes happen between pages', async () => {
    const made: Awaited<ReturnType<typeof makeRoundup>>[] = [];
    for (let i = 0; i < 6; i += 1)
      made.push(
        await makeRoundup(app.strapi, {
          title: `Paged ${i}`,
          sections: { [articles]: [`paged link ${i}`] },
        })
      );
    const known = apply(new Map(), (await drain()).items);
    let { cursor } = await drain();
    // Six changes, then a reader that takes two per page while more writes land between its pages.
    for (const r of made)
      await docs(app.strapi, 'entry').update({
        documentId: Object.values(r.entries)[0],
        data: { author: 'First pass' },
      });
    const seen: Item[] = [];
    const between = [
      () =>
        docs(app.strapi, 'entry').update({
          documentId: Object.values(made[0].entries)[0],
          data: { author: 'Read already' },
        }),
      () => docs(app.strapi, 'roundup').unpublish({ documentId: made[5].documentId }),
      () => makeRoundup(app.strapi, { title: 'Published mid-read' }),
      () =>
        docs(app.strapi, 'entry').update({
          documentId: Object.values(made[4].entries)[0],
          data: { author: 'Not read yet' },
        }),
    ];
    for (let pages = 0; ; pages += 1) {
      const answer = await page({ since: cursor, limit: 2 });
      seen.push(...answer.data);
      cursor = answer.meta.nextCursor;
      if (pages < between.length) await between[pages]();
      else if (!answer.meta.hasMore) break;
    }
    apply(known, seen);
    expect(known).toEqual(await publishedNow());
    // A roundup shows up again only for a change made after it was read.
    const versions = seen.map((item) => `${item.documentId} ${item.version}`);
    expect(new Set(versions).size).toBe(versions.length);
    expect(seen.filter((item) => item.documentId === made[0].documentId)).toHaveLength(2);
    expect(seen.filter((item) => item.documentId === made[2].documentId)).toHaveLength(1);
  });
});

describe('bad requests', () => {
  const fromJson = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  it.each([
    ['since', 'not-a-cursor'],
    ['since', ''],
    ['since', fromJson({ v: 2, after: 1 })],
    ['since', fromJson({ v: 1, after: -1 })],
    ['since', fromJson({ v: 1, after: 1.5 })],
    ['since', fromJson({ v: 1, after: 1, extra: true })],
    ['since', `${fromJson({ v: 1, after: 1 })}!`],
    ['limit', '0'],
    ['limit', '501'],
    ['limit', 'many'],
    ['status', 'draft'],
  ])('answers 400 naming %s for %j', async (name, value) => {
    const res = await app
      .http()
      .get(`/api/roundup/changes?${name}=${encodeURIComponent(value)}`)
      .expect(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.message).toContain(name);
    expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path)).toContainEqual([
      name,
    ]);
  });

  it('answers 403 while the Public role lacks the changes action, and the log keeps every change', async () => {
    const permissions = app.strapi.db.query('plugin::users-permissions.permission');
    const role = await app.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' } });
    const grant = await permissions.findOne({
      where: { action: 'plugin::roundup.changes.find', role: role.id },
    });
    const { cursor } = await drain();
    await permissions.delete({ where: { id: grant.id } });
    try {
      const res = await app.http().get('/api/roundup/changes').expect(403);
      expect(res.body.error.name).toBe('ForbiddenError');
      await makeRoundup(app.strapi, { title: 'Published while forbidden' });
    } finally {
      await permissions.create({ data: { action: 'plugin::roundup.changes.find', role: role.id } });
    }
    expect((await drain(cursor)).items.map((item) => item.slug)).toEqual([
      'published-while-forbidden',
    ]);
  });
});

describe('two instances on one database', () => {
  const publishThrough = (
    second: Awaited<ReturnType<typeof startAppProcess>>,
    documentId: string
  ) =>
    second
      .http()
      .post(`${cm('roundup')}/${documentId}/actions/publish`)
      .set('Authorization', `Bearer ${admin.token}`)
      .send({})
      .expect(200);

  /**
   * Makes `write` again when the database chose it as a deadlock's victim: MariaDB and
   * PostgreSQL then roll the whole transaction back, and ask for it to be made again. Two
   * publishes at once on MariaDB can meet so (see docs/databases.md). `log` is where a write
   * through the second instance says why it failed; any other failure fails the test.
   */
  const againAfterDeadlock = async (write: () => Promise<unknown>, log = () => '') => {
    const seen = log().length;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await write();
      } catch (error) {
        const said = `${(error as Error).message}\n${log().slice(seen)}`;
        if (attempt < 3 && /deadlock/i.test(said)) continue;
        throw error;
      }
    }
  };

  it('lose no change while both write at once and a reader pages the feed', async () => {
    const drafts: Awaited<ReturnType<typeof makeRoundup>>[] = [];
    for (let i = 0; i < 8; i += 1)
      drafts.push(
        await makeRoundup(app.strapi, {
          title: `Concurrent ${i}`,
          publish: false,
          sections: { [videos]: [`concurrent link ${i}`] },
        })
      );
    const known = apply(new Map(), (await drain()).items);
    let { cursor } = await drain();
    const second = await startAppProcess();
    try {
      const remote: Get = (url) => second.http().get(url);
      let writing = true;
      const reader = (async () => {
        while (writing) {
          const next = await drain(cursor, 2, remote);
          apply(known, next.items);
          cursor = next.cursor;
        }
      })();
      await Promise.all([
        ...drafts.slice(0, 4).map(async (r) => {
          await againAfterDeadlock(() =>
            docs(app.strapi, 'roundup').publish({ documentId: r.documentId })
          );
          await againAfterDeadlock(() =>
            docs(app.strapi, 'entry').update({
              documentId: Object.values(r.entries)[0],
              data: { title: `${r.slug} edited` },
            })
          );
        }),
        ...drafts
          .slice(4)
          .map((r) =>
            againAfterDeadlock(() => publishThrough(second, r.documentId), second.output)
          ),
      ]);
      writing = false;
      await reader;
      apply(known, (await drain(cursor, 2, remote)).items);
      expect(known).toEqual(await publishedNow());
    } finally {
      await second.stop();
    }
  });

  // SQLite lets one writer in at a time for the whole file; these two race only on servers with row locks.
  if (databaseClient() !== 'sqlite') {
    it('never lets a reader pass a change whose transaction is still open', async () => {
      const held = await makeRoundup(app.strapi, { title: 'Held open', publish: false });
      const racing = await makeRoundup(app.strapi, { title: 'Racing past', publish: false });
      let { cursor } = await drain();
      const second = await startAppProcess();
      try {
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        let opened!: () => void;
        const published = new Promise<void>((resolve) => (opened = resolve));
        const transaction = app.strapi.db.transaction(async () => {
          await docs(app.strapi, 'roundup').publish({ documentId: held.documentId });
          opened();
          await gate;
        });
        await published;
        const race = publishThrough(second, racing.documentId);
        const seen: Item[] = [];
        const remote: Get = (url) => second.http().get(url);
        // A reader polls while the first transaction is open and the second writer waits or commits.
        for (let i = 0; i < 10; i += 1) {
          const next = await drain(cursor, 2, remote);
          seen.push(...next.items);
          cursor = next.cursor;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        release();
        await transaction;
        await race;
        seen.push(...(await drain(cursor, 2, remote)).items);
        expect(seen.map((item) => item.documentId)).toEqual([held.documentId, racing.documentId]);
      } finally {
        await second.stop();
      }
    });
  }
});
