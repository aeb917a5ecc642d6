import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  FEED_CONTENT_TYPES,
  renderFeed,
  type FeedInput,
  type FeedItem,
} from '../../plugins/roundup/server/src/core/feed';

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (_name, path) =>
    ['rss.channel.item', 'feed.entry', 'feed.link', 'feed.entry.link'].includes(String(path)),
});

const parse = (document: string) => {
  expect(XMLValidator.validate(document)).toBe(true);
  return xml.parse(document);
};

const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const site = {
  title: 'Reading notes',
  url: 'https://example.com',
  description: 'What I have been reading',
  feedUrl: 'https://example.com/feed.xml',
};

const july: FeedItem = {
  title: "What I've been reading in July",
  slug: 'july',
  date: '2026-07-31',
  excerpt: 'Links from July',
  publishedAt: '2026-07-31T18:00:00.000Z',
  updatedAt: '2026-08-02T09:30:00.000Z',
  contentHtml: '<h2>Videos</h2>\n<ul><li><a href="https://a.com/?x=1&amp;y=2">A talk</a></li></ul>',
};

const june: FeedItem = {
  title: "What I've been reading in June",
  slug: 'june',
  date: '2026-06-30',
  excerpt: null,
  publishedAt: '2026-06-30T18:00:00.000Z',
  updatedAt: '2026-06-30T18:00:00.000Z',
  contentHtml: '<p>June</p>',
};

const input = (items: FeedItem[], overrides: Partial<FeedInput> = {}): FeedInput => ({
  site,
  permalink: '/:year/:month/:day/:slug/',
  items,
  ...overrides,
});

// Every character that needs escaping, an end of CDATA, and characters XML 1.0 forbids.
const NASTY =
  'Tools & Tips <b>bold</b> ]]> "quoted" \'single\'\u0000\u0001\u0008\u000b\u000c\u001f\ufffe\ud800 ✓ 🎉';
const NASTY_CLEAN = 'Tools & Tips <b>bold</b> ]]> "quoted" \'single\' ✓ 🎉';
const NASTY_HTML = '<p>a ]]> b &amp; <script>x</script> c\u0002</p>';
const nasty: FeedItem = {
  ...july,
  title: NASTY,
  excerpt: NASTY,
  contentHtml: NASTY_HTML,
};

describe('RSS 2.0', () => {
  it('has the channel elements the spec requires, and names itself', () => {
    const { rss } = parse(renderFeed('rss', input([july, june])));
    expect(rss['@version']).toBe('2.0');
    expect(rss.channel.title).toBe('Reading notes');
    expect(rss.channel.link).toBe('https://example.com');
    expect(rss.channel.description).toBe('What I have been reading');
    expect(rss.channel['atom:link']).toEqual({
      '@href': 'https://example.com/feed.xml',
      '@rel': 'self',
      '@type': 'application/rss+xml',
    });
    expect(rss.channel.lastBuildDate).toBe('Sun, 02 Aug 2026 09:30:00 GMT');
  });

  it('has one item per roundup, in the order given, with permalink guid and RFC 822 date', () => {
    const { rss } = parse(renderFeed('rss', input([june, july])));
    expect(rss.channel.item.map((item: any) => item.title)).toEqual([june.title, july.title]);
    const item = rss.channel.item[1];
    expect(item.link).toBe('https://example.com/2026/07/31/july/');
    expect(item.guid).toEqual({ '#text': item.link, '@isPermaLink': 'true' });
    expect(item.pubDate).toMatch(RFC_822);
    expect(item.pubDate).toBe('Fri, 31 Jul 2026 18:00:00 GMT');
    expect(item['content:encoded']).toBe(july.contentHtml);
    expect(item.description).toBe('Links from July');
  });

  it('leaves out what an item does not have', () => {
    const { rss } = parse(renderFeed('rss', input([{ ...june, contentHtml: undefined }])));
    expect(rss.channel.item[0]).not.toHaveProperty('description');
    expect(rss.channel.item[0]).not.toHaveProperty('content:encoded');
  });

  it('is a valid channel without items, feed URL or description', () => {
    const document = renderFeed('rss', {
      site: { title: 'Empty', url: 'https://example.com' },
      permalink: '/:slug/',
      items: [],
    });
    const { rss } = parse(document);
    expect(rss.channel.title).toBe('Empty');
    expect(rss.channel.description).toBe('Empty');
    expect(rss.channel).not.toHaveProperty('item');
    expect(rss.channel).not.toHaveProperty('atom:link');
    expect(rss.channel).not.toHaveProperty('lastBuildDate');
  });

  it('escapes every text and drops characters XML cannot carry', () => {
    const document = renderFeed('rss', input([nasty], { site: { ...site, title: NASTY } }));
    // eslint-disable-next-line no-control-regex -- the characters XML cannot carry are what the test looks for
    expect(document).not.toMatch(/[\u0000-\u0008\v\f\u000e-\u001f\ufffe]/);
    const { rss } = parse(document);
    expect(rss.channel.title).toBe(NASTY_CLEAN);
    expect(rss.channel.item[0].title).toBe(NASTY_CLEAN);
    expect(rss.channel.item[0]['content:encoded']).toBe(
      '<p>a ]]> b &amp; <script>x</script> c</p>'
    );
    // Readers take an item's description as HTML, so the plain-text excerpt is escaped for HTML too.
    expect(rss.channel.item[0].description).toBe(
      'Tools &amp; Tips &lt;b&gt;bold&lt;/b&gt; ]]&gt; "quoted" \'single\' ✓ 🎉'
    );
  });
});

describe('Atom 1.0', () => {
  it('has the feed elements the spec requires', () => {
    const { feed } = parse(renderFeed('atom', input([july, june])));
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.title['#text']).toBe('Reading notes');
    expect(feed.subtitle['#text']).toBe('What I have been reading');
    expect(feed.id).toBe('https://example.com/feed.xml');
    expect(feed.updated).toBe('2026-08-02T09:30:00.000Z');
    expect(feed.author.name).toBe('Reading notes');
    expect(feed.link).toEqual([
      { '@rel': 'alternate', '@type': 'text/html', '@href': 'https://example.com' },
      { '@rel': 'self', '@type': 'application/atom+xml', '@href': 'https://example.com/feed.xml' },
    ]);
  });

  it('has one entry per roundup, in the order given, with id, link and RFC 3339 dates', () => {
    const { feed } = parse(renderFeed('atom', input([june, july])));
    expect(feed.entry.map((entry: any) => entry.title['#text'])).toEqual([june.title, july.title]);
    const entry = feed.entry[1];
    expect(entry.id).toBe('https://example.com/2026/07/31/july/');
    expect(entry.link).toEqual([{ '@rel': 'alternate', '@type': 'text/html', '@href': entry.id }]);
    expect(entry.published).toMatch(RFC_3339);
    expect(entry.updated).toMatch(RFC_3339);
    expect(entry.published).toBe('2026-07-31T18:00:00.000Z');
    expect(entry.updated).toBe('2026-08-02T09:30:00.000Z');
    expect(entry.summary).toEqual({ '#text': 'Links from July', '@type': 'text' });
    expect(entry.content).toEqual({ '#text': july.contentHtml, '@type': 'html' });
    expect(feed.entry[0]).not.toHaveProperty('summary');
  });

  it('is valid without entries: updated is the epoch, the site URL the id', () => {
    const { feed } = parse(
      renderFeed('atom', {
        site: { title: 'Empty', url: 'https://example.com' },
        permalink: '/:slug/',
        items: [],
      })
    );
    expect(feed.id).toBe('https://example.com');
    expect(feed.updated).toBe('1970-01-01T00:00:00.000Z');
    expect(feed).not.toHaveProperty('entry');
    expect(feed.link).toEqual([
      { '@rel': 'alternate', '@type': 'text/html', '@href': 'https://example.com' },
    ]);
  });

  it('escapes every text and drops characters XML cannot carry', () => {
    const document = renderFeed('atom', input([nasty], { site: { ...site, title: NASTY } }));
    // eslint-disable-next-line no-control-regex -- the characters XML cannot carry are what the test looks for
    expect(document).not.toMatch(/[\u0000-\u0008\v\f\u000e-\u001f\ufffe]/);
    const { feed } = parse(document);
    expect(feed.title['#text']).toBe(NASTY_CLEAN);
    expect(feed.author.name).toBe(NASTY_CLEAN);
    expect(feed.entry[0].title['#text']).toBe(NASTY_CLEAN);
    expect(feed.entry[0].summary['#text']).toBe(NASTY_CLEAN);
    expect(feed.entry[0].content['#text']).toBe('<p>a ]]> b &amp; <script>x</script> c</p>');
  });

  it('escapes attribute values', () => {
    const { feed } = parse(
      renderFeed('atom', input([], { site: { ...site, url: 'https://example.com/?a=1&b="2"' } }))
    );
    expect(feed.link[0]['@href']).toBe('https://example.com/?a=1&b="2"');
  });
});

describe('JSON Feed 1.1', () => {
  it('has the top-level fields', () => {
    const feed = JSON.parse(renderFeed('json', input([july])));
    expect(feed).toEqual({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Reading notes',
      home_page_url: 'https://example.com',
      feed_url: 'https://example.com/feed.xml',
      description: 'What I have been reading',
      items: expect.any(Array),
    });
  });

  it('has one item per roundup, in the order given', () => {
    const feed = JSON.parse(renderFeed('json', input([june, july])));
    expect(feed.items).toEqual([
      {
        id: 'https://example.com/2026/06/30/june/',
        url: 'https://example.com/2026/06/30/june/',
        title: june.title,
        content_html: '<p>June</p>',
        date_published: '2026-06-30T18:00:00.000Z',
        date_modified: '2026-06-30T18:00:00.000Z',
      },
      {
        id: 'https://example.com/2026/07/31/july/',
        url: 'https://example.com/2026/07/31/july/',
        title: july.title,
        content_html: july.contentHtml,
        summary: 'Links from July',
        date_published: '2026-07-31T18:00:00.000Z',
        date_modified: '2026-08-02T09:30:00.000Z',
      },
    ]);
  });

  it('gives an item without HTML its excerpt as text, as each item needs content', () => {
    const feed = JSON.parse(
      renderFeed(
        'json',
        input([
          { ...july, contentHtml: null },
          { ...june, contentHtml: null },
        ])
      )
    );
    expect(feed.items[0].content_text).toBe('Links from July');
    expect(feed.items[1].content_text).toBe(june.title);
    expect(feed.items.every((item: any) => !('content_html' in item))).toBe(true);
  });

  it('is valid without items, feed URL or description', () => {
    const feed = JSON.parse(
      renderFeed('json', {
        site: { title: 'Empty', url: 'https://example.com' },
        permalink: '/:slug/',
        items: [],
      })
    );
    expect(feed).toEqual({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Empty',
      home_page_url: 'https://example.com',
      items: [],
    });
  });

  it('carries any text through JSON unchanged', () => {
    const feed = JSON.parse(renderFeed('json', input([nasty])));
    expect(feed.items[0].title).toBe(NASTY);
    expect(feed.items[0].content_html).toBe(NASTY_HTML);
  });
});

describe('renderFeed', () => {
  it.each(['rss', 'atom', 'json'] as const)(
    '%s: names the roundup whose timestamp is unreadable',
    (format) => {
      expect(() => renderFeed(format, input([{ ...july, updatedAt: 'yesterday' }]))).toThrow(
        'updatedAt of roundup "july" is not a timestamp: yesterday'
      );
    }
  );

  it.each(['rss', 'atom', 'json'] as const)('%s: reads timestamps with an offset', (format) => {
    const document = renderFeed(
      format,
      input([{ ...july, publishedAt: '2026-07-31T20:00:00+02:00' }])
    );
    expect(document).toContain(
      format === 'rss' ? 'Fri, 31 Jul 2026 18:00:00 GMT' : '2026-07-31T18:00:00.000Z'
    );
  });

  it('has a content type per format', () => {
    expect(FEED_CONTENT_TYPES).toEqual({
      rss: 'application/rss+xml; charset=utf-8',
      atom: 'application/atom+xml; charset=utf-8',
      json: 'application/feed+json; charset=utf-8',
    });
  });
});
