import {
  decodePage,
  charsetFromContentType,
  charsetFromMeta,
} from '../../plugins/roundup/server/src/core/unfurl/charset';
import {
  extractMetadata,
  oembedFacts,
  personNames,
} from '../../plugins/roundup/server/src/core/unfurl/metadata';

const PAGE = 'https://blog.example/posts/memory?ref=hn';
const page = (head: string, body = '') =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const ld = (json: unknown) => `<script type="application/ld+json">${JSON.stringify(json)}</script>`;

describe('extractMetadata: title', () => {
  it.each([
    [
      'og:title first',
      page(
        '<title>Doc</title><meta name="twitter:title" content="Tw"><meta property="og:title" content="OG">'
      ),
      'OG',
    ],
    [
      'twitter:title next',
      page('<title>Doc</title><meta name="twitter:title" content="Tw">'),
      'Tw',
    ],
    [
      '<title> next',
      page(`<title> Memory &amp; caches\n </title>${ld({ '@type': 'Article', headline: 'LD' })}`),
      'Memory & caches',
    ],
    [
      'JSON-LD headline last',
      page('', ld({ '@type': 'BlogPosting', headline: 'From LD' })),
      'From LD',
    ],
    ['an <svg><title> is not the page title', page('', '<svg><title>icon</title></svg>'), null],
    ['none', page(''), null],
  ])('%s', (_case, html, title) => {
    expect(extractMetadata(html, PAGE).title).toBe(title);
  });

  it('caps a very long title', () => {
    const title = extractMetadata(page(`<title>${'x'.repeat(900)}</title>`), PAGE).title!;
    expect(title).toHaveLength(500);
    expect(title.endsWith('…')).toBe(true);
  });
});

describe('extractMetadata: author', () => {
  it.each([
    [
      'JSON-LD author as object',
      ld({
        '@type': 'Article',
        headline: 'H',
        author: { '@type': 'Person', name: 'Ulrich Drepper' },
      }),
      'Ulrich Drepper',
    ],
    [
      'JSON-LD author as array',
      ld({
        '@type': 'NewsArticle',
        headline: 'H',
        author: [{ name: 'Ada Lovelace' }, { name: 'Charles Babbage' }],
      }),
      'Ada Lovelace, Charles Babbage',
    ],
    [
      'JSON-LD author as string',
      ld({ '@type': 'Article', headline: 'H', author: 'Grace Hopper' }),
      'Grace Hopper',
    ],
    [
      'JSON-LD in @graph',
      ld({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebSite', name: 'Site' },
          { '@type': 'Article', headline: 'H', author: { name: 'Graph Author' } },
        ],
      }),
      'Graph Author',
    ],
    [
      'JSON-LD wins over meta',
      ld({ '@type': 'Article', author: { name: 'LD' } }) + '<meta name="author" content="Meta">',
      'LD',
    ],
    ['<meta name=author>', '<meta name="author" content="Julia Evans">', 'Julia Evans'],
    ['article:author as a name', '<meta property="article:author" content="Dan Luu">', 'Dan Luu'],
    [
      'article:author as a profile URL is not a name',
      '<meta property="article:author" content="https://facebook.com/someone">',
      null,
    ],
    [
      'a JSON-LD author URL is not a name',
      ld({ '@type': 'Article', author: 'https://example.com/me' }),
      null,
    ],
    [
      'broken JSON-LD is ignored',
      '<script type="application/ld+json">{ nope</script><meta name="author" content="Fallback">',
      'Fallback',
    ],
  ])('%s', (_case, head, author) => {
    expect(extractMetadata(page(head), PAGE).author).toBe(author);
  });

  it('reads JSON-LD placed in the body', () => {
    expect(
      extractMetadata(
        page('<title>T</title>', ld({ '@type': 'Article', author: { name: 'In Body' } })),
        PAGE
      ).author
    ).toBe('In Body');
  });
});

describe('extractMetadata: description, site, canonical, oEmbed', () => {
  it('reads Open Graph and resolves relative URLs against the page', () => {
    const meta = extractMetadata(
      page(`<meta property="og:description" content="What every programmer should know.">
        <meta property="og:site_name" content="LWN.net">
        <link rel="canonical" href="/posts/memory">
        <link rel="alternate" type="application/json+oembed" href="/oembed?url=x">`),
      PAGE
    );
    expect(meta).toEqual({
      title: null,
      author: null,
      description: 'What every programmer should know.',
      siteName: 'LWN.net',
      canonicalUrl: 'https://blog.example/posts/memory',
      oembedUrl: 'https://blog.example/oembed?url=x',
    });
  });

  it.each([
    ['twitter:description', '<meta name="twitter:description" content="tw">', 'tw'],
    ['meta description', '<meta name="description" content="plain">', 'plain'],
    ['JSON-LD description', ld({ '@type': 'Article', headline: 'h', description: 'ld' }), 'ld'],
  ])('description from %s', (_case, head, description) => {
    expect(extractMetadata(page(head), PAGE).description).toBe(description);
  });

  it('takes og:url when there is no canonical link, and refuses non-http canonicals', () => {
    expect(
      extractMetadata(page('<meta property="og:url" content="https://blog.example/m">'), PAGE)
        .canonicalUrl
    ).toBe('https://blog.example/m');
    expect(
      extractMetadata(page('<link rel="canonical" href="javascript:alert(1)">'), PAGE).canonicalUrl
    ).toBeNull();
  });

  it('keeps a canonical URL of up to 2,048 characters, and no longer one', () => {
    const href = (length: number) => `https://blog.example/${'a'.repeat(length - 21)}`;
    const canonical = (length: number) =>
      extractMetadata(page(`<link rel="canonical" href="${href(length)}">`), PAGE).canonicalUrl;
    expect(canonical(2048)).toBe(href(2048));
    expect(canonical(2049)).toBeNull();
  });

  it('takes the site name from the JSON-LD publisher', () => {
    expect(
      extractMetadata(
        page(
          ld({
            '@type': 'Article',
            headline: 'h',
            publisher: { '@type': 'Organization', name: 'ACM Queue' },
          })
        ),
        PAGE
      ).siteName
    ).toBe('ACM Queue');
  });

  it('reads oEmbed author_name and provider_name', () => {
    expect(
      oembedFacts({
        type: 'video',
        title: 'Talk',
        author_name: 'Bryan Cantrill',
        provider_name: 'YouTube',
      })
    ).toEqual({
      title: 'Talk',
      author: 'Bryan Cantrill',
      siteName: 'YouTube',
    });
    expect(oembedFacts(['not', 'an', 'object'])).toEqual({
      title: null,
      author: null,
      siteName: null,
    });
  });

  it.each([
    ['Plain', 'Plain'],
    [{ name: ['A', 'B'] }, 'A, B'],
    [[{ name: 'A' }, 'B', { name: 'A' }], 'A, B'],
    [{ '@id': 'https://x' }, null],
    [42, null],
  ])('personNames(%j) is %j', (value, names) => {
    expect(personNames(value)).toBe(names);
  });
});

describe('decodePage', () => {
  const latin1 = Buffer.from(
    page('<meta charset="iso-8859-1"><title>Café crème</title>'),
    'latin1'
  );
  const shiftJis = Buffer.concat([
    Buffer.from(
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><title>'
    ),
    Buffer.from([0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea]), // 日本語
    Buffer.from('</title></head></html>'),
  ]);

  it.each([
    [
      'the Content-Type header',
      Buffer.from('<title>é</title>', 'latin1'),
      'text/html; charset=ISO-8859-1',
      'windows-1252',
      'é',
    ],
    ['<meta charset>', latin1, 'text/html', 'windows-1252', 'Café crème'],
    ['<meta http-equiv>', shiftJis, undefined, 'shift_jis', '日本語'],
    [
      'a UTF-8 BOM over a wrong header',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<title>ü</title>')]),
      'text/html; charset=iso-8859-1',
      'utf-8',
      'ü',
    ],
    [
      'an unknown label falls back to UTF-8',
      Buffer.from('<title>ü</title>'),
      'text/html; charset=x-nonsense',
      'utf-8',
      'ü',
    ],
  ])('uses %s', (_case, bytes, contentType, charset, title) => {
    const decoded = decodePage(bytes, contentType);
    expect(decoded.charset).toBe(charset);
    expect(extractMetadata(decoded.text, PAGE).title).toBe(title);
  });

  it.each([
    ['text/html; charset="UTF-8"', 'utf-8'],
    ['text/html;charset=shift_jis', 'shift_jis'],
    ['text/html', null],
    [undefined, null],
  ])('charsetFromContentType(%j)', (header, charset) => {
    expect(charsetFromContentType(header)).toBe(charset);
  });

  it('finds a <meta charset> only near the start of the page', () => {
    expect(charsetFromMeta(Buffer.from('<meta charset="euc-jp">'))).toBe('euc-jp');
    expect(charsetFromMeta(Buffer.from(`${' '.repeat(5000)}<meta charset="euc-jp">`))).toBeNull();
  });
});
