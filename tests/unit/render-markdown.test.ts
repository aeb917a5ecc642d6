import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import YAML from 'yaml';
import type { Roundup, RoundupEntry } from '../../plugins/roundup/server/src/core/model';
import { renderMarkdown } from '../../plugins/roundup/server/src/core/render';
import { entry, julyRoundup } from '../helpers/model';

const roundup = julyRoundup;

/** A roundup whose only entry is `only`, in a section named `sectionName`. */
const withEntry = (only: RoundupEntry, sectionName = 'Tools'): Roundup =>
  roundup({ sections: [{ category: { name: sectionName, slug: 'tools' }, entries: [only] }] });

/** The rendered entry: from its `* [` line to the end of its commentary. */
const entryMarkdown = (markdown: string): string => {
  const lines = markdown.split('\n');
  const first = lines.findIndex((line) => line.startsWith('* ['));
  const end = lines.findIndex((line, at) => at > first && /^(?:\* \[|## |\S)/.test(line));
  return lines
    .slice(first, end === -1 ? undefined : end)
    .join('\n')
    .trimEnd();
};

// Raw HTML on, as in Jekyll: markup that escaped the escaping would show up as html_inline.
const markdownIt = new MarkdownIt({ html: true });

/** The inline tokens of the first paragraph or heading in `markdown`. */
const firstInline = (markdown: string): Token[] =>
  markdownIt.parse(markdown, {}).find((token) => token.type === 'inline')?.children ?? [];

const textOf = (tokens: Token[]) =>
  tokens.map((token) => (token.type === 'softbreak' ? '\n' : token.content)).join('');

/** How markdown-it reads an entry line: its links, the text after the link, other markup. */
const readEntry = (markdown: string) => {
  const tokens = firstInline(markdown);
  const open = tokens.findIndex((token) => token.type === 'link_open');
  const close = tokens.findIndex((token) => token.type === 'link_close');
  const lineEnd = tokens.findIndex(
    (token) => token.type === 'html_inline' || token.type === 'softbreak'
  );
  return {
    links: tokens.filter((token) => token.type === 'link_open').length,
    text: textOf(tokens.slice(open + 1, close)),
    href: tokens[open]?.attrGet('href'),
    after: textOf(tokens.slice(close + 1, lineEnd === -1 ? undefined : lineEnd)),
    markup: tokens
      .filter((token) => !['text', 'link_open', 'link_close', 'softbreak'].includes(token.type))
      .map((token) => `${token.type} ${token.content}`.trim()),
  };
};

describe('renderMarkdown: the format of the hand-written posts', () => {
  it('writes front matter, excerpt, intro, sections of entries and outro', () => {
    const text = renderMarkdown(
      roundup({
        outro: 'See you in August.',
        frontMatter: { tags: ['roundup', 'reading'], comments: true },
        sections: [
          roundup().sections[0],
          {
            category: { name: 'Neat Open Source Projects', slug: 'neat-open-source-projects' },
            entries: [
              entry('Seastar', 'http://seastar.io/', null, 'A C++ framework.\n\nShared-nothing.'),
              entry('vgrep', 'https://github.com/vrothberg/vgrep', 'Valentin Rothberg', null),
            ],
          },
          { category: null, entries: [entry('Misc', 'https://example.com/misc', '', '')] },
        ],
      })
    );
    expect(text).toBe(`---
layout: post
title: What I've been reading in July
date: 2020-07-31
comments: true
tags:
  - roundup
  - reading
---

<!-- excerpt start -->
Here are the articles, videos, and tools that I'm excited about this July.
<!-- excerpt end -->

The format of this entry is stolen from a monthly roundup.

## Articles & Learning
* [Flatter wait-free hazard pointers](https://pvk.ca/Blog/2020/07/07/flatter-wait-free-hazard-pointers/) by Paul Khuong<br/>
  Paul provides references.

## Neat Open Source Projects
* [Seastar](http://seastar.io/)<br/>
  A C++ framework.

  Shared-nothing.
* [vgrep](https://github.com/vrothberg/vgrep) by Valentin Rothberg

## Other
* [Misc](https://example.com/misc)

See you in August.
`);
  });

  it.each<[string, Partial<Roundup>, string]>([
    ['no excerpt', { excerpt: null }, '---\n\nThe format'],
    ['a blank excerpt', { excerpt: '  \n ' }, '---\n\nThe format'],
    ['no intro', { intro: '' }, '<!-- excerpt end -->\n\n## Articles'],
    ['no excerpt nor intro', { excerpt: '', intro: null }, '---\n\n## Articles'],
    [
      'no layout',
      { layout: null },
      "---\ntitle: What I've been reading in July\ndate: 2020-07-31\n---\n",
    ],
    ['empty extra front matter', { frontMatter: {} }, '2020-07-31\n---\n'],
    ['an outro', { outro: '\nBye.\n\n' }, 'Paul provides references.\n\nBye.\n'],
  ])('skips what is empty: %s', (_case, overrides, expected) => {
    const text = renderMarkdown(roundup(overrides));
    expect(text).toContain(expected);
    expect(text).not.toMatch(/\n\n\n/);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });

  it('names a section whose category was deleted "Other"', () => {
    const text = renderMarkdown(
      roundup({ sections: [{ category: null, entries: roundup().sections[0].entries }] })
    );
    expect(text).toContain('\n## Other\n* [Flatter');
  });
});

describe('renderMarkdown: entries', () => {
  it.each<[string | null, string]>([
    ['Paul Khuong', '* [T](https://t.example/) by Paul Khuong<br/>'],
    [null, '* [T](https://t.example/)<br/>'],
    ['', '* [T](https://t.example/)<br/>'],
    ['   ', '* [T](https://t.example/)<br/>'],
    ['  Spaced  ', '* [T](https://t.example/) by Spaced<br/>'],
  ])('writes " by" only with an author: %j', (author, line) => {
    const text = renderMarkdown(withEntry(entry('T', 'https://t.example/', author, 'Commentary.')));
    expect(entryMarkdown(text).split('\n')[0]).toBe(line);
    expect(text).not.toContain(' by \n');
  });

  it.each<[string | null, string]>([
    [null, '* [T](https://t.example/) by A'],
    ['', '* [T](https://t.example/) by A'],
    ['One line.', '* [T](https://t.example/) by A<br/>\n  One line.'],
    ['Hard\nwrapped\nlines.', '* [T](https://t.example/) by A<br/>\n  Hard\n  wrapped\n  lines.'],
    ['First.\n\nSecond.', '* [T](https://t.example/) by A<br/>\n  First.\n\n  Second.'],
    [
      'Windows\r\nline\r\n\r\nends.',
      '* [T](https://t.example/) by A<br/>\n  Windows\n  line\n\n  ends.',
    ],
    ['Blank\n   \nindented.', '* [T](https://t.example/) by A<br/>\n  Blank\n\n  indented.'],
    ['\n\n  Trimmed.  \n\n', '* [T](https://t.example/) by A<br/>\n  Trimmed.'],
    [
      '- a list\n- in commentary',
      '* [T](https://t.example/) by A<br/>\n  - a list\n  - in commentary',
    ],
  ])('indents every line of the commentary %j under the entry', (description, expected) => {
    expect(
      entryMarkdown(renderMarkdown(withEntry(entry('T', 'https://t.example/', 'A', description))))
    ).toBe(expected);
  });

  it('keeps an indented commentary inside its list item', () => {
    const text = renderMarkdown(
      withEntry(
        entry(
          'T',
          'https://t.example/',
          'A',
          'First.\n\nSecond, with [a link](https://l.example/).'
        )
      )
    );
    const tokens = markdownIt.parse(text.slice(text.indexOf('## Tools')), {});
    const types = tokens.map((token) => token.type);
    expect(types.filter((type) => type === 'list_item_open')).toHaveLength(1);
    expect(types.slice(types.indexOf('list_item_open'), types.indexOf('list_item_close'))).toEqual([
      'list_item_open',
      'paragraph_open',
      'inline',
      'paragraph_close',
      'paragraph_open',
      'inline',
      'paragraph_close',
    ]);
  });
});

describe('renderMarkdown: escaping', () => {
  const SPECIALS = [
    '[',
    ']',
    '(',
    ')',
    '<',
    '>',
    '`',
    '*',
    '_',
    '\\',
    '|',
    '{',
    '}',
    '#',
    '!',
    '&',
    '$$',
    '~~',
  ];
  const TEXTS = [
    ...SPECIALS.flatMap((c) => [`a ${c} b`, `${c}start`, `end${c}`, `${c}both${c}`]),
    '[nested](https://evil.example)',
    '![image](https://evil.example/pixel.png)',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<https://autolink.example>',
    '*emphasis* and __strong__ and `code`',
    '_a_b_ snake_case jo_mp1.cpp',
    'entity &amp; &#60; &copy;',
    'kramdown {: .class onclick="x"} and {::comment}',
    'math $$x$$',
    'back\\slash \\[ \\*',
    'ends with a hash #',
    'C#',
    'Issue #5',
    'a | table | row',
    '  padded  ',
    'line\nbreak',
    'line\r\n\r\nbreaks\n',
    'tab\there',
    'I/O Is Faster Than the CPU – Let’s Eliminate (Most) OS Abstractions',
  ];
  const plain = (text: string) =>
    text
      .split(/[\r\n]/)
      .map((line) => line.trim())
      .filter(Boolean)
      .join(' ');

  it.each(TEXTS)('keeps the title %j as the text of exactly one link', (title) => {
    const read = readEntry(
      entryMarkdown(renderMarkdown(withEntry(entry(title, 'https://e.example/a', 'A', 'C.'))))
    );
    expect(read).toEqual({
      links: 1,
      text: plain(title),
      href: 'https://e.example/a',
      after: ' by A',
      markup: ['html_inline <br/>'],
    });
  });

  it.each(TEXTS)('keeps the author %j as plain text after the link', (author) => {
    const read = readEntry(
      entryMarkdown(renderMarkdown(withEntry(entry('T', 'https://e.example/a', author, 'C.'))))
    );
    expect(read).toEqual({
      links: 1,
      text: 'T',
      href: 'https://e.example/a',
      after: ` by ${plain(author)}`,
      markup: ['html_inline <br/>'],
    });
  });

  it.each(TEXTS)('keeps the section name %j as the plain text of its heading', (name) => {
    const text = renderMarkdown(withEntry(entry('T', 'https://e.example/a', 'A', 'C.'), name));
    const heading = text.split('\n').find((line) => line.startsWith('## '))!;
    const tokens = firstInline(heading);
    expect(tokens.map((token) => token.type)).toEqual(['text']);
    expect(tokens[0].content).toBe(plain(name));
  });

  it.each<[string, string]>([
    [
      'https://pvk.ca/Blog/2020/07/07/flatter-wait-free-hazard-pointers/',
      'https://pvk.ca/Blog/2020/07/07/flatter-wait-free-hazard-pointers/',
    ],
    [
      'https://www.youtube.com/watch?v=lJ8ydIuPFeU&list=WL&index=23&t=0s',
      'https://www.youtube.com/watch?v=lJ8ydIuPFeU&list=WL&index=23&t=0s',
    ],
    ['https://en.wikipedia.org/wiki/Foo_(bar)', 'https://en.wikipedia.org/wiki/Foo_(bar)'],
    ['https://e.example/a)b', 'https://e.example/a)b'],
    ['https://e.example/a(b', 'https://e.example/a(b'],
    ['https://e.example/a b', 'https://e.example/a%20b'],
    ['https://e.example/<x>', 'https://e.example/%3Cx%3E'],
    ['https://e.example/a>"title"', 'https://e.example/a%3E%22title%22'],
    ['https://e.example/a "title"', 'https://e.example/a%20%22title%22'],
    ['https://e.example/a`b', 'https://e.example/a%60b'],
    ['https://e.example/a\\)b', 'https://e.example/a%5C)b'],
    ['https://e.example/a\nb', 'https://e.example/a%0Ab'],
    ['https://e.example/a\tb', 'https://e.example/a%09b'],
    ['https://e.example/a\u0000b', 'https://e.example/a%00b'],
    ['https://e.example/a\u2028b', 'https://e.example/a%E2%80%A8b'],
    ['https://e.example/[x]*y*_z_', 'https://e.example/%5Bx%5D*y*_z_'],
    ['  https://e.example/trimmed  ', 'https://e.example/trimmed'],
  ])('keeps the URL %j inside the link destination', (url, href) => {
    const read = readEntry(entryMarkdown(renderMarkdown(withEntry(entry('T', url, 'A', 'C.')))));
    expect(read).toEqual({
      links: 1,
      text: 'T',
      href,
      after: ' by A',
      markup: ['html_inline <br/>'],
    });
  });

  it.each<[string, string]>([
    ['T', '* [T](https://e.example/)'],
    ['[T]', '* [\\[T\\]](https://e.example/)'],
    ['*T* <b>', '* [\\*T\\* \\<b\\>](https://e.example/)'],
    ['jo_mp1.cpp', '* [jo_mp1.cpp](https://e.example/)'],
    ['_T_', '* [\\_T\\_](https://e.example/)'],
    ['a | b {: x}', '* [a \\| b &#123;: x&#125;](https://e.example/)'],
    [
      '{{ 7 | times: 6 }} {',
      '* [&#123;&#123; 7 \\| times: 6 &#125;&#125; &#123;](https://e.example/)',
    ],
    ['&#123; &amp;', '* [&amp;#123; &amp;amp;](https://e.example/)'],
    ['AT&T &amp;', '* [AT&T &amp;amp;](https://e.example/)'],
    ['C#', '* [C\\#](https://e.example/)'],
    ['Issue #5', '* [Issue #5](https://e.example/)'],
  ])('escapes the title %j no more than needed', (title, line) => {
    expect(
      entryMarkdown(renderMarkdown(withEntry(entry(title, 'https://e.example/', null, null))))
    ).toBe(line);
  });
});

describe('renderMarkdown: front matter', () => {
  const frontMatterOf = (text: string) => text.slice(4, text.indexOf('\n---\n', 4) + 1);

  it.each<[string, string]>([
    ["What I've been reading in July", "title: What I've been reading in July"],
    ['Links: part #2', 'title: "Links: part #2"'],
    ['#1 links', 'title: "#1 links"'],
    ['Links #1', 'title: "Links #1"'],
    ['Links#1', 'title: Links#1'],
    ['Yes', 'title: "Yes"'],
    ['no', 'title: "no"'],
    ['2020', 'title: "2020"'],
    ['null', 'title: "null"'],
    ['- dash first', 'title: "- dash first"'],
    ['[bracketed]', 'title: "[bracketed]"'],
    ['"quoted"', `title: '"quoted"'`],
    ['*star', 'title: "*star"'],
    ['a\nsecond line', 'title: |-\n  a\n  second line'],
    ['---', 'title: ---'],
  ])('writes the title %j as YAML that reads back the same', (title, line) => {
    const yaml = frontMatterOf(renderMarkdown(roundup({ title })));
    expect(yaml.split('\n').slice(1).join('\n')).toContain(`${line}\n`);
    expect(YAML.parse(yaml).title).toBe(title);
  });

  it('writes layout, title, date, then the extra keys sorted', () => {
    const yaml = frontMatterOf(
      renderMarkdown(
        roundup({
          frontMatter: {
            tags: ['a', 'b'],
            author: { name: 'Me', email: 'me@example.com' },
            comments: false,
            note: 'yes: no',
          },
        })
      )
    );
    expect(yaml).toBe(
      [
        'layout: post',
        "title: What I've been reading in July",
        'date: 2020-07-31',
        'author:',
        '  email: me@example.com',
        '  name: Me',
        'comments: false',
        'note: "yes: no"',
        'tags:',
        '  - a',
        '  - b',
        '',
      ].join('\n')
    );
  });

  it('lets no extra key override layout, title or date', () => {
    const text = renderMarkdown(
      roundup({ frontMatter: { title: 'Other', layout: 'page', date: '1999-01-01', x: 1 } })
    );
    expect(frontMatterOf(text)).toBe(
      `layout: post\ntitle: What I've been reading in July\ndate: 2020-07-31\nx: 1\n`
    );
  });
});

describe('renderMarkdown: byte stability', () => {
  it('renders the same content to the same bytes', () => {
    const a = roundup({ frontMatter: { b: 1, a: { d: 2, c: [3] } }, outro: 'Bye.' });
    const b = roundup({ frontMatter: { a: { c: [3], d: 2 }, b: 1 }, outro: 'Bye.' });
    const first = renderMarkdown(a);
    expect(renderMarkdown(a)).toBe(first);
    expect(renderMarkdown(JSON.parse(JSON.stringify(a)))).toBe(first);
    expect(renderMarkdown(b)).toBe(first);
  });

  it.each<[string, Partial<Roundup>]>([
    ['an outro', { outro: 'Bye.' }],
    ['an outro ending in blank lines', { outro: 'Bye.\n\n\n' }],
    ['no outro', { outro: null }],
    [
      'commentary ending in blank lines',
      {
        sections: [{ category: null, entries: [entry('T', 'https://e.example/', 'A', 'C.\n\n')] }],
      },
    ],
  ])('ends with exactly one newline with %s', (_case, overrides) => {
    expect(renderMarkdown(roundup(overrides))).toMatch(/[^\n]\n$/);
  });
});
