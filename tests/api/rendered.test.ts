import { XMLParser } from 'fast-xml-parser';
import { parseFragment } from 'parse5';
import { docs } from '../helpers/admin';
import { startApp, type TestApp } from '../helpers/app';
import { countQueries as countAppQueries, fewestQueries } from '../helpers/queries';
import { makeCategory, makeRoundup } from '../helpers/content';
import { startAppProcess } from '../helpers/app-process';

const DEMO = 'what-ive-been-reading-in-july';
let app: TestApp;
let videos: string;
let tools: string;

beforeAll(async () => {
  // The webhook dispatcher polls the outbox every second by default; its queries would be counted below.
  app = await startApp({ database: 'rendered', env: { ROUNDUP_WEBHOOK_POLL_MS: '60000' } });
  videos = (await makeCategory(app.strapi, { name: 'Talks', position: 10 })).documentId;
  tools = (await makeCategory(app.strapi, { name: 'Gadgets', position: 11 })).documentId;
});
afterAll(async () => {
  await app?.stop();
});

const rendered = (slug: string, query = '') =>
  app.http().get(`/api/roundup/roundups/${slug}/rendered${query}`);

describe('GET /api/roundup/roundups/:slug/rendered', () => {
  it('renders Markdown in the format of the hand-written posts, byte for byte', async () => {
    const r = await makeRoundup(app.strapi, {
      title: 'What I read in May',
      slug: 'may',
      date: '2026-05-31',
      excerpt: "Here are the articles I'm excited about this May.",
      intro: 'A short month.',
      outro: 'See you in June.',
      layout: 'post',
      frontMatter: { tags: ['roundup'] },
      sections: { [videos]: ['A talk'], [tools]: ['A tool'] },
    });
    await docs(app.strapi, 'entry').update({
      documentId: r.entries['A tool'],
      data: { author: null, description: 'First line.\nSecond line.' },
    });

    const res = await rendered('may').expect(200);
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(res.text).toBe(
      [
        '---',
        'layout: post',
        'title: What I read in May',
        'date: 2026-05-31',
        'tags:',
        '  - roundup',
        '---',
        '',
        '<!-- excerpt start -->',
        "Here are the articles I'm excited about this May.",
        '<!-- excerpt end -->',
        '',
        'A short month.',
        '',
        '## Talks',
        '* [A talk](https://example.com/A%20talk) by Author of A talk<br/>',
        '  Why A talk is worth reading.',
        '',
        '## Gadgets',
        '* [A tool](https://example.com/A%20tool)<br/>',
        '  First line.',
        '  Second line.',
        '',
        'See you in June.',
        '',
      ].join('\n')
    );
    const again = await rendered('may').expect(200);
    expect(again.text).toBe(res.text);
  });

  it('renders the demo roundup as an HTML fragment, sections and links in order', async () => {
    const res = await rendered(DEMO, '?format=html').expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text.startsWith('<article>')).toBe(true);
    const headings = [...res.text.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      'Articles &amp; Learning',
      'Videos',
      'Neat Open Source Projects',
      'Tools',
    ]);
    expect(res.text).toContain(
      '<a href="https://lwn.net/Articles/250967/" rel="noopener noreferrer">What every programmer should know about memory</a> by Ulrich Drepper'
    );
    expect(res.text).not.toContain('<br');
  });

  it.each([
    ['text/html', 'text/html; charset=utf-8'],
    ['text/markdown', 'text/markdown; charset=utf-8'],
    ['text/html;q=0.5, text/markdown', 'text/markdown; charset=utf-8'],
    ['application/json', 'text/markdown; charset=utf-8'],
    ['', 'text/markdown; charset=utf-8'],
  ])('chooses the format from Accept: %j', async (accept, type) => {
    const res = await rendered(DEMO).set('Accept', accept).expect(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.headers.vary).toMatch(/Accept/);
  });

  it('lets ?format win over Accept', async () => {
    const res = await rendered(DEMO, '?format=markdown').set('Accept', 'text/html').expect(200);
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
  });

  it('answers 400 naming the parameter for a bad format or an unknown parameter', async () => {
    const bad = await rendered(DEMO, '?format=pdf').expect(400);
    expect(bad.body.error.message).toMatch(/format.*must be markdown, html, hugo, email or text/);
    const unknown = await rendered(DEMO, '?status=draft').expect(400);
    expect(unknown.body.error.message).toContain('Unknown query parameter: status');
  });

  it('answers 404 for a roundup that exists only as a draft', async () => {
    await makeRoundup(app.strapi, {
      title: 'Hidden',
      slug: 'hidden-draft',
      publish: false,
      sections: { [videos]: ['x'] },
    });
    await rendered('hidden-draft').expect(404);
    await rendered('hidden-draft', '?format=html').expect(404);
  });
});

describe('HTTP caching', () => {
  it('sends a strong ETag, Last-Modified and Cache-Control, and 304 for a matching If-None-Match', async () => {
    const res = await rendered(DEMO).expect(200);
    const etag = res.headers.etag;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(new Date(res.headers['last-modified']).getTime()).not.toBeNaN();
    expect(res.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300');

    const notModified = await rendered(DEMO).set('If-None-Match', etag).expect(304);
    expect(notModified.text ?? '').toBe('');
    expect(notModified.headers.etag).toBe(etag);

    const html = await rendered(DEMO, '?format=html').expect(200);
    expect(html.headers.etag).not.toBe(etag);
    await rendered(DEMO, '?format=html')
      .set('If-None-Match', `"other", ${html.headers.etag}`)
      .expect(304);
  });

  it('changes the ETag as soon as a link of the roundup changes, and serves the new text', async () => {
    const r = await makeRoundup(app.strapi, {
      title: 'Cached',
      slug: 'cached',
      sections: { [videos]: ['Before'] },
    });
    const first = await rendered('cached').expect(200);
    expect(first.text).toContain('[Before]');
    await docs(app.strapi, 'entry').update({
      documentId: r.entries.Before,
      data: { title: 'After' },
    });
    const second = await rendered('cached').set('If-None-Match', first.headers.etag).expect(200);
    expect(second.text).toContain('[After]');
    expect(second.headers.etag).not.toBe(first.headers.etag);
  });

  it('serves the JSON of a roundup with the same validators', async () => {
    const res = await app.http().get(`/api/roundup/roundups/${DEMO}`).expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    await app
      .http()
      .get(`/api/roundup/roundups/${DEMO}`)
      .set('If-None-Match', res.headers.etag)
      .expect(304);
  });
});

describe('SQL statements per rendered request', () => {
  const countQueries = (fn: () => Promise<unknown>) => countAppQueries(app, fn);

  const bigRoundup = async (slug: string, size: number) => {
    const titles = Array.from({ length: size }, (_, i) => `Link ${i + 1}`);
    const half = Math.ceil(size / 2);
    return makeRoundup(app.strapi, {
      title: slug,
      slug,
      sections: { [videos]: titles.slice(0, half), [tools]: titles.slice(half) },
    });
  };

  // 510 links are written first; on a busy machine (three CI passes side by side) that alone has
  // taken over the default two minutes.
  it('does not grow with the number of entries (10 and 500), cold or warm', async () => {
    await bigRoundup('ten', 10);
    await bigRoundup('five-hundred', 500);
    // One request first, so that one-time work of the first request is not counted.
    await rendered('ten').expect(200);
    for (const format of ['markdown', 'html']) {
      // Cold: the first request after a write renders from the database.
      await docs(app.strapi, 'category').update({
        documentId: videos,
        data: { description: `touch ${format}` },
      });
      const coldTen = await countQueries(() => rendered('ten', `?format=${format}`).expect(200));
      await docs(app.strapi, 'category').update({
        documentId: videos,
        data: { description: `again ${format}` },
      });
      const coldBig = await countQueries(async () => {
        const res = await rendered('five-hundred', `?format=${format}`).expect(200);
        expect(res.text).toContain('Link 500');
      });
      expect(coldBig).toBe(coldTen);

      await rendered('ten', `?format=${format}`).expect(200); // cached under the current version
      // Cached reads cost the same each time: the fewest of three leaves out the app's timers.
      const warmTen = await fewestQueries(app, () =>
        rendered('ten', `?format=${format}`).expect(200)
      );
      const warmBig = await fewestQueries(app, () =>
        rendered('five-hundred', `?format=${format}`).expect(200)
      );
      expect(warmBig).toBe(warmTen);
      expect(warmBig).toBeLessThan(coldBig);
      // A warm request costs the permission check and the version check, nothing more.
      expect(warmBig).toBe(2);
    }
  }, 300_000);
});

describe('feeds', () => {
  const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

  it('serves RSS 2.0 of the latest published roundups', async () => {
    const res = await app.http().get('/api/roundup/feed?format=rss').expect(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const { rss } = xml.parse(res.text);
    expect(rss['@version']).toBe('2.0');
    const items = [].concat(rss.channel.item);
    expect(items.length).toBeGreaterThan(0);
    const demo: any = items.find((item: any) => item.title === "What I've been reading in July");
    expect(demo.link).toBe('http://localhost:4000/2026/07/31/what-ive-been-reading-in-july/');
    expect(demo.guid['#text']).toBe(demo.link);
    expect(new Date(demo.pubDate).toUTCString()).toBe(demo.pubDate);
    expect(JSON.stringify(rss)).not.toMatch(/Hidden|hidden-draft/);
  });

  it('serves Atom 1.0 with ids, links and escaped HTML content', async () => {
    const res = await app.http().get('/api/roundup/feed?format=atom').expect(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const { feed } = xml.parse(res.text);
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/roundup\/feed\?format=atom$/);
    const entries = [].concat(feed.entry) as any[];
    const demo = entries.find((entry) => entry.title['#text'] === "What I've been reading in July");
    expect(demo.id).toBe('http://localhost:4000/2026/07/31/what-ive-been-reading-in-july/');
    expect(demo.content['@type']).toBe('html');
    expect(demo.content['#text']).toContain('<h2>Videos</h2>');
    expect(Number.isNaN(Date.parse(demo.updated))).toBe(false);
  });

  it('serves JSON Feed 1.1', async () => {
    const res = await app.http().get('/api/roundup/feed?format=json').expect(200);
    expect(res.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    const body = JSON.parse(res.text);
    expect(body.version).toBe('https://jsonfeed.org/version/1.1');
    expect(body.items[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        url: expect.any(String),
        title: expect.any(String),
        content_html: expect.any(String),
        date_published: expect.any(String),
      })
    );
  });

  it('answers 400 for an unknown feed format', async () => {
    const res = await app.http().get('/api/roundup/feed?format=csv').expect(400);
    expect(res.body.error.message).toMatch(/format.*must be rss, atom or json/);
  });
});

describe('two Strapi instances on one database', () => {
  it('serves a change made through one instance at once from the other', async () => {
    const r = await makeRoundup(app.strapi, {
      title: 'Shared',
      slug: 'shared',
      sections: { [videos]: ['Original title'] },
    });
    const second = await startAppProcess();
    try {
      // Both instances render and cache the roundup.
      expect((await rendered('shared').expect(200)).text).toContain('[Original title]');
      expect(
        (await second.http().get('/api/roundup/roundups/shared/rendered').expect(200)).text
      ).toContain('[Original title]');
      expect(
        (await second.http().get('/api/roundup/roundups/shared/rendered?format=html').expect(200))
          .text
      ).toContain('Original title');

      // A change through the second instance's Document Service... is seen by the first at once.
      await docs(app.strapi, 'entry').update({
        documentId: r.entries['Original title'],
        data: { title: 'Changed title' },
      });
      expect(
        (await second.http().get('/api/roundup/roundups/shared/rendered').expect(200)).text
      ).toContain('[Changed title]');
      expect(
        (await second.http().get('/api/roundup/roundups/shared/rendered?format=html').expect(200))
          .text
      ).toContain('Changed title');
      expect(
        (await second.http().get('/api/roundup/roundups/shared').expect(200)).body.data.sections[0]
          .entries[0].title
      ).toBe('Changed title');
    } finally {
      await second.stop();
    }
  });
});

describe('no markup from any field reaches the HTML', () => {
  const VECTORS = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '"><svg onload=alert(1)>',
    '[x](javascript:alert(1))',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
  ];

  it.each(VECTORS)('vector %j in every field', async (vector) => {
    const category = await makeCategory(app.strapi, { name: `Cat ${vector}`.slice(0, 100) });
    const slug = `xss-${Math.random().toString(36).slice(2, 8)}`;
    const r = await makeRoundup(app.strapi, {
      title: `Title ${vector}`,
      slug,
      excerpt: vector,
      intro: vector,
      outro: vector,
      frontMatter: { note: vector },
      sections: { [category.documentId]: ['entry'] },
    });
    await docs(app.strapi, 'entry').update({
      documentId: r.entries.entry,
      data: { title: vector, author: vector, description: vector },
    });
    const res = await rendered(slug, '?format=html').expect(200);
    const problems: string[] = [];
    const walk = (node: any) => {
      if (
        node.tagName &&
        ![
          'article',
          'header',
          'section',
          'footer',
          'h1',
          'h2',
          'p',
          'ul',
          'li',
          'a',
          'em',
          'strong',
          'code',
        ].includes(node.tagName)
      ) {
        problems.push(`element ${node.tagName}`);
      }
      for (const attr of node.attrs ?? []) {
        if (attr.name.startsWith('on') || attr.name === 'style')
          problems.push(`attribute ${attr.name}`);
        if (attr.name === 'href' && !/^(?:https?|mailto):/.test(attr.value))
          problems.push(`href ${attr.value}`);
      }
      (node.childNodes ?? []).forEach(walk);
    };
    walk(parseFragment(res.text));
    expect(problems).toEqual([]);
  });
});
