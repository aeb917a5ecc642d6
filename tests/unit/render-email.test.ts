import type { Roundup } from '../../plugins/roundup/server/src/core/model';
import { EMAIL_CLIP_BYTES } from '../../plugins/roundup/server/src/core/limits';
import {
  createNewsletterRenderer,
  type NewsletterRendererOptions,
} from '../../plugins/roundup/server/src/core/render';
import { FIELDS, VECTORS } from '../helpers/hostile-vectors';
import { julyRoundup } from '../helpers/model';
import {
  emailDangers,
  emailLinks,
  entryUrls,
  julyPost,
  outsideMediaQueries,
  roundupOfLinks,
  textReferences,
} from '../helpers/newsletter';

const SITE = { siteUrl: 'https://blog.example.com/', permalink: '/:year/:month/:day/:slug/' };
const renderer = (options: Partial<NewsletterRendererOptions> = {}) =>
  createNewsletterRenderer({ site: SITE, siteTitle: 'Reading', ...options });
const { email, text } = renderer();

const absolute = (url: string) => new URL(url).href;

describe('the danger check of email documents', () => {
  it.each([
    '<html><body><script>alert(1)</script></body></html>',
    '<html><body><p onclick="x">a</p></body></html>',
    '<html><body><a href="/about">a</a></body></html>',
    '<html><body><p style="background:url(https://t.example/p.png)">a</p></body></html>',
    '<html><head><style>p { color: red }</style></head></html>',
    '<html><head><meta http-equiv="refresh" content="0"></head></html>',
    '<html><body><img src="https://t.example/p.png"></body></html>',
  ])('finds %j', (html) => {
    expect(emailDangers(html)).not.toEqual([]);
  });

  it('keeps @media rules apart from the layout', () => {
    expect(outsideMediaQueries('@media (x) { a { b: c } } p { d: e }')).toBe('p { d: e }');
  });
});

describe.each([
  ['the July post', julyPost()],
  ['a 60-link roundup', roundupOfLinks(60)],
])('the email document of %s', (_, roundup) => {
  const document = email(roundup);

  it('has nothing that runs, loads or is relative, and no stylesheet the layout needs', () => {
    expect(emailDangers(document)).toEqual([]);
    expect(document).not.toMatch(/<script|<link|<img|<form/i);
  });

  it('links every link of the roundup', () => {
    const links = new Set(emailLinks(document));
    for (const url of entryUrls(roundup)) expect(links).toContain(absolute(url));
  });

  it(`stays under Gmail's clipping size of ${EMAIL_CLIP_BYTES} bytes`, () => {
    expect(Buffer.byteLength(document)).toBeLessThan(EMAIL_CLIP_BYTES);
  });

  it('is a document with its language, title and a hidden preheader from the excerpt', () => {
    expect(document).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(document).toContain(`<title>What I&#39;ve been reading in July`);
    const preheader = /<div class="preheader" style="([^"]*)">([^<]*)<\/div>/.exec(document);
    expect(preheader?.[1]).toContain('display: none');
    expect(preheader?.[2]).toBe(
      'Here are the articles, videos, and tools that I&#39;m excited about this July.'
    );
  });

  it('lays out one column of at most 600 px that shrinks to the screen', () => {
    expect(document).toContain('width: 100%; max-width: 600px;');
    expect(document).not.toMatch(/width="(?:[6-9]\d\d|\d{4,})"/);
  });
});

describe('the text of the July post', () => {
  const july = julyPost();
  const output = text(july);

  it('lists every link once, numbered in order of appearance, and refers to each by number', () => {
    const references = textReferences(output);
    const urls = [...references.values()];
    expect([...references.keys()]).toEqual(urls.map((_, at) => at + 1));
    expect(new Set(urls).size).toBe(urls.length);
    for (const url of entryUrls(july)) expect(urls).toContain(absolute(url));
    for (const [number] of references) expect(output).toContain(` [${number}]`);
  });

  it('writes sections as headings and each link as its title, author and commentary', () => {
    expect(output).toMatch(/^What I've been reading in July\n={30}\n/);
    expect(output).toContain('\nArticles & Learning\n-------------------\n');
    expect(output).toContain(
      '- What every programmer should know about memory [1] by Ulrich Drepper\n  Old but still'
    );
    expect(output).not.toMatch(/<\/?[a-z]+[ >]/);
  });
});

describe('the text of a roundup with sections under sections', () => {
  const nested = julyRoundup({
    excerpt: null,
    intro: null,
    sections: [
      {
        category: { name: 'Updates', slug: 'updates' },
        note: 'What happened, by *corner*.',
        entries: [],
        children: [
          {
            category: { name: 'Approved proposals', slug: 'approved-proposals' },
            url: 'https://lang.example.org/proposals?state=approved',
            entries: [
              {
                title: 'Sections under sections',
                url: 'https://lang.example.org/proposals/3412',
                author: 'Lee',
                description: null,
              },
            ],
            children: [
              {
                category: { name: 'Editor Plugins', slug: 'editor-plugins' },
                entries: [
                  {
                    title: 'Inline hints',
                    url: 'https://editors.example.net/hints',
                    author: null,
                    description: 'Three levels down.',
                    textAfter: '* No recording; [the slides](https://slides.example.com/m) are up.',
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  });

  it('underlines each depth differently, with the note, the heading link and items after a link', () => {
    const output = text(nested);
    expect(output).toContain(
      [
        'Updates',
        '-------',
        '',
        'What happened, by corner.',
        '',
        'Approved proposals',
        '~~~~~~~~~~~~~~~~~~',
        'https://lang.example.org/proposals?state=approved',
        '',
        '- Sections under sections [1] by Lee',
        '',
        'Editor Plugins',
        '..............',
        '',
        '- Inline hints [2]',
        '  Three levels down.',
        '- No recording; the slides [3] are up.',
      ].join('\n')
    );
    expect([...textReferences(output).values()]).toEqual([
      'https://lang.example.org/proposals/3412',
      'https://editors.example.net/hints',
      'https://slides.example.com/m',
    ]);
  });

  it('shows what the email shows: the same headings, note, heading link and item', () => {
    const document = email(nested);
    expect(document).toMatch(/<h2[^>]*>Updates<\/h2>/);
    expect(document).toMatch(
      /<h3[^>]*><a href="https:\/\/lang\.example\.org\/proposals\?state=approved"/
    );
    expect(document).toMatch(/<h4[^>]*>Editor Plugins<\/h4>/);
    expect(document).toMatch(/What happened, by <em[^>]*>corner<\/em>\./);
    expect(document).toMatch(
      /<\/li>\n<li[^>]*>No recording; <a [^>]*>the slides<\/a> are up\.<\/li>/
    );
  });
});

describe('links in the newsletter', () => {
  const roundup = (description: string, url = 'https://a.example/one'): Roundup =>
    julyRoundup({
      sections: [
        {
          category: { name: 'Tools', slug: 'tools' },
          entries: [
            { title: 'One', url, author: null, description },
            { title: 'Two', url: 'https://a.example/one', author: null, description: null },
          ],
        },
      ],
    });

  it.each([
    ['[about](/about/)', 'https://blog.example.com/about/'],
    [
      '[post]({% post_url 2020-06-30-reading-june %})',
      'https://blog.example.com/2020/06/30/reading-june/',
    ],
    ['[x][ref]\n\n[ref]: ../feed.xml', 'https://blog.example.com/feed.xml'],
    ['[mail](mailto:me@example.com)', 'mailto:me@example.com'],
  ])('resolves %j against the site', (description, expected) => {
    expect(emailLinks(email(roundup(description)))).toContain(expected);
    expect([...textReferences(text(roundup(description))).values()]).toContain(expected);
  });

  it.each(['[x](javascript:alert(1))', '[x](data:text/html,hi)', '[x](vbscript:msgbox(1))'])(
    'drops %j to its text',
    (description) => {
      const document = email(roundup(description));
      expect(emailLinks(document)).toEqual([
        'https://a.example/one',
        'https://a.example/one',
        'https://blog.example.com/2020/07/31/what-ive-been-reading-in-july/',
      ]);
      expect(emailDangers(document)).toEqual([]);
      const references = [...textReferences(text(roundup(description))).values()];
      expect(references.every((url) => /^https?:/.test(url))).toBe(true);
    }
  );

  it('numbers a URL met twice once', () => {
    const output = text(roundup('See [the same](https://a.example/one) again.'));
    expect([...textReferences(output).values()]).toEqual(['https://a.example/one']);
    expect(output.match(/\[1\]/g)).toHaveLength(4);
  });
});

describe('the newsletter formats: no field can inject anything executable', () => {
  // Each vector in every field at once: the whole output is checked, so a leak from any field shows.
  it.each(VECTORS)('%j', (vector) => {
    const input = julyRoundup({ outro: 'Outro.' });
    for (const put of Object.values(FIELDS)) put(input, vector);
    // category.slug replaced the section's name: the name takes the vector too.
    input.sections[0].category = { name: vector, slug: vector };
    expect(emailDangers(email(input))).toEqual([]);
    const output = text(input);
    for (const url of textReferences(output).values())
      expect(url).toMatch(/^(?:https?:\/\/|mailto:)/);
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(output).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F\u202A-\u202E]/);
  });
});

describe('email and text templates', () => {
  it('takes the language from the configuration', () => {
    expect(renderer({ lang: 'pt-BR' }).email(julyRoundup())).toContain('<html lang="pt-BR">');
  });

  it("inlines a site owner's stylesheet and keeps only its @media rules in <style>", () => {
    const custom = renderer({
      emailTemplate: {
        name: 'mine.liquid',
        source:
          '<html><head><style>h1 { color: #123456 } @media (prefers-color-scheme: dark) { h1 { color: #fff !important } }</style></head>' +
          '<body><h1>{{ roundup.title }}</h1><p>{{ email.preheader }}</p></body></html>',
      },
    }).email(julyRoundup());
    expect(custom).toContain('<h1 style="color: #123456;">');
    expect(emailDangers(custom)).toEqual([]);
  });

  it('rebuilds what a template lets through raw', () => {
    const custom = renderer({
      emailTemplate: {
        name: 'raw.liquid',
        source: '<html><body><p>{{ roundup.title | raw }}</p></body></html>',
      },
    }).email(julyRoundup({ title: '<img src=x onerror=alert(1)><script>alert(1)</script>' }));
    expect(emailDangers(custom)).toEqual([]);
  });

  it('names a template that does not parse', () => {
    expect(() => renderer({ textTemplate: { name: 'broken.liquid', source: '{% if %}' } })).toThrow(
      /broken\.liquid/
    );
  });
});
