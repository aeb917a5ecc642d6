import {
  normaliseSectionName,
  parseRoundupMarkdown,
} from '../../plugins/roundup/server/src/core/import';

/** Front matter on lines 1–5, a blank line 6, the excerpt on lines 7–9 and a blank line 10: the body starts on line 11. */
const post = (...body: string[]) =>
  [
    '---',
    'layout: post',
    'title: What I read in April',
    'date: 2024-04-30',
    '---',
    '',
    '<!-- excerpt start -->',
    'Links I liked this April.',
    '<!-- excerpt end -->',
    '',
    ...body,
  ].join('\n');

const sectionsOf = (text: string) =>
  parseRoundupMarkdown(text).roundup.sections.map((section) => ({
    name: section.category?.name,
    slug: section.category?.slug,
    titles: section.entries.map((entry) => entry.title),
  }));

describe('normaliseSectionName', () => {
  it.each([
    ['Neat Open-Source Projects', 'neat open source projects'],
    ['Neat Open Source Projects', 'neat open source projects'],
    ['  neat   open source PROJECTS ', 'neat open source projects'],
    ['Articles & Learning', 'articles and learning'],
    ['Articles and Learning', 'articles and learning'],
    ['Random!', 'random'],
    ['News, Updates, and Random Tidbits', 'news updates and random tidbits'],
    ['Café Tools', 'cafe tools'],
  ])('%j becomes %j', (name, normalised) => {
    expect(normaliseSectionName(name)).toBe(normalised);
  });

  it('keeps different names apart', () => {
    expect(normaliseSectionName('Tools & Projects')).not.toBe(
      normaliseSectionName('Projects & Tools')
    );
  });
});

describe('parseRoundupMarkdown: sections', () => {
  it('reads "## Name" sections in order, with slugs for their categories', () => {
    const text = post(
      '## Articles & Learning',
      '* [A](https://example.com/a)',
      '## Neat Open-Source Projects',
      '* [B](https://example.com/b)',
      '## Events',
      '- [C](https://example.com/c)',
      '## Random',
      '- [D](https://example.com/d)'
    );
    expect(sectionsOf(text)).toEqual([
      { name: 'Articles & Learning', slug: 'articles-and-learning', titles: ['A'] },
      { name: 'Neat Open-Source Projects', slug: 'neat-open-source-projects', titles: ['B'] },
      { name: 'Events', slug: 'events', titles: ['C'] },
      { name: 'Random', slug: 'random', titles: ['D'] },
    ]);
    expect(parseRoundupMarkdown(text).warnings).toEqual([]);
  });

  it('reads a "# Name" heading as a section too, and says so', () => {
    const text = post(
      '## Projects',
      '* [A](https://example.com/a)',
      '',
      '# Tools',
      '',
      '* [B](https://example.com/b)'
    );
    const parsed = parseRoundupMarkdown(text);
    expect(sectionsOf(text).map((section) => [section.name, section.titles])).toEqual([
      ['Projects', ['A']],
      ['Tools', ['B']],
    ]);
    expect(parsed.warnings).toEqual([
      { line: 14, message: '"# Tools" is a level-1 heading; it is read as the section "Tools"' },
    ]);
  });

  it('merges a section whose name repeats an earlier one, under the first name', () => {
    const text = post(
      '## Neat Open Source Projects',
      '* [A](https://example.com/a)',
      '## Tools',
      '* [B](https://example.com/b)',
      '## Neat Open-Source Projects',
      '* [C](https://example.com/c)'
    );
    const parsed = parseRoundupMarkdown(text);
    expect(sectionsOf(text).map((section) => [section.name, section.titles])).toEqual([
      ['Neat Open Source Projects', ['A', 'C']],
      ['Tools', ['B']],
    ]);
    expect(parsed.lines.sections).toEqual([
      { heading: 11, entries: [12, 16] },
      { heading: 13, entries: [14] },
    ]);
    expect(parsed.warnings).toEqual([
      {
        line: 15,
        message:
          'the section "Neat Open-Source Projects" repeats "Neat Open Source Projects" of line 11; its entries are added there',
      },
    ]);
  });

  it('reads a heading with no visible text as text, not as a section', () => {
    const parsed = parseRoundupMarkdown(
      post('## A', '* [A](https://example.com/a)', '## <br>', '* [B](https://example.com/b)')
    );
    expect(parsed.roundup.sections.map((section) => section.entries.length)).toEqual([2]);
    expect(parsed.roundup.sections[0].entries[0].description).toBe('## <br>');
    expect(parsed.warnings).toEqual([
      { line: 13, message: 'text outside any entry ("## <br>") is kept in the commentary of "A"' },
    ]);
  });

  it('keeps the formatting-free text of a heading as the section name', () => {
    const parsed = parseRoundupMarkdown(post('## **Tools** ##', '* [A](https://example.com/a)'));
    expect(parsed.roundup.sections[0].category?.name).toBe('Tools');
    expect(parsed.warnings).toEqual([
      { line: 11, message: 'the formatting of the section heading "Tools" is not kept' },
    ]);
  });
});

describe('parseRoundupMarkdown: excerpt, intro and outro', () => {
  it('finds the excerpt anywhere before the first entry', () => {
    const text = [
      '---',
      'title: April',
      'date: 2024-04-30',
      '---',
      '## Jobs',
      'We are hiring.',
      '<!-- excerpt start -->',
      'Short.',
      '<!-- excerpt end -->',
      '## A',
      '* [A](https://example.com/a)',
    ];
    const { roundup, warnings } = parseRoundupMarkdown(text.join('\n'));
    expect([roundup.excerpt, roundup.intro]).toEqual(['Short.', '## Jobs\nWe are hiring.']);
    expect(warnings).toEqual([
      {
        line: 5,
        message: 'the section "Jobs" has no entries; its heading and text are kept in the intro',
      },
      {
        line: 5,
        message: 'text before the excerpt is kept at the start of the intro, after the excerpt',
      },
    ]);
  });

  it('does not look for the excerpt inside code', () => {
    const text = [
      '---',
      'title: April',
      '---',
      '```',
      '<!-- excerpt start -->',
      'x',
      '<!-- excerpt end -->',
      '```',
      '## A',
      '* [A](https://example.com/a)',
    ];
    const { roundup } = parseRoundupMarkdown(text.join('\n'));
    expect(roundup.excerpt).toBeNull();
    expect(roundup.intro).toBe('```\n<!-- excerpt start -->\nx\n<!-- excerpt end -->\n```');
  });

  it('reads the excerpt, the intro before the first section and no outro', () => {
    const { roundup, warnings } = parseRoundupMarkdown(
      post(
        'This format is borrowed from [another roundup](https://example.com/roundups).',
        'Thanks to them.',
        '',
        '## Articles',
        '* [A](https://example.com/a)'
      )
    );
    expect(roundup.excerpt).toBe('Links I liked this April.');
    expect(roundup.intro).toBe(
      'This format is borrowed from [another roundup](https://example.com/roundups).\nThanks to them.'
    );
    expect(roundup.outro).toBeNull();
    expect(warnings).toEqual([]);
  });

  it('reads a post without an excerpt', () => {
    const text = [
      '---',
      'title: What I read in April',
      'date: 2024-04-30',
      '---',
      'Hello.',
      '## A',
      '* [A](https://example.com/a)',
    ];
    const { roundup } = parseRoundupMarkdown(text.join('\n'));
    expect([roundup.excerpt, roundup.intro]).toEqual([null, 'Hello.']);
  });

  it('keeps text before the excerpt at the start of the intro, and says so', () => {
    const text = [
      '---',
      'title: What I read in April',
      'date: 2024-04-30',
      '---',
      'Early words.',
      '',
      '<!-- excerpt start -->',
      'Short.',
      '<!-- excerpt end -->',
      '',
      'Later words.',
      '## A',
      '* [A](https://example.com/a)',
    ];
    const { roundup, warnings } = parseRoundupMarkdown(text.join('\n'));
    expect([roundup.excerpt, roundup.intro]).toEqual(['Short.', 'Early words.\n\nLater words.']);
    expect(warnings).toEqual([
      {
        line: 5,
        message: 'text before the excerpt is kept at the start of the intro, after the excerpt',
      },
    ]);
  });

  it('warns when the excerpt names another month than the title', () => {
    const text = post('## A', '* [A](https://example.com/a)').replace('this April', 'this August');
    expect(parseRoundupMarkdown(text).warnings).toEqual([
      {
        line: 8,
        message:
          'the excerpt names August but the title is about April; was it copied from another post?',
      },
    ]);
  });

  it('accepts an excerpt that names every month of the title', () => {
    const text = post('## A', '* [A](https://example.com/a)')
      .replace('title: What I read in April', 'title: What I read in July and August')
      .replace('this April', 'in July and August');
    expect(parseRoundupMarkdown(text).warnings).toEqual([]);
  });

  it('compares the excerpt with the month of the date when the title names none', () => {
    const text = post('## A', '* [A](https://example.com/a)').replace(
      'title: What I read in April',
      'title: Links'
    );
    expect(parseRoundupMarkdown(text.replace('this April', 'this May')).warnings).toEqual([
      {
        line: 8,
        message:
          'the excerpt names May but the date is about April; was it copied from another post?',
      },
    ]);
  });

  it('warns about an excerpt that never ends, and keeps its text in the intro', () => {
    const text = [
      '---',
      'title: April',
      'date: 2024-04-30',
      '---',
      '<!-- excerpt start -->',
      'Short.',
      '## A',
      '* [A](https://example.com/a)',
    ];
    const { roundup, warnings } = parseRoundupMarkdown(text.join('\n'));
    expect([roundup.excerpt, roundup.intro]).toEqual([null, '<!-- excerpt start -->\nShort.']);
    expect(warnings).toEqual([
      {
        line: 5,
        message:
          'the excerpt has no <!-- excerpt end --> before the first entry; it is read as the intro',
      },
      { line: 5, message: 'an HTML comment in the intro is kept as written' },
    ]);
  });

  it.each<[string, string[], string | null, string | null]>([
    [
      'a closing paragraph after a blank line is the outro',
      ['## A', '* [A](https://example.com/a)<br/>', 'Commentary.', '', 'See you next month!'],
      'Commentary.',
      'See you next month!',
    ],
    [
      'a line right after the commentary continues it',
      ['## A', '* [A](https://example.com/a)<br/>', 'Commentary.', 'See you next month!'],
      'Commentary.\nSee you next month!',
      null,
    ],
    [
      'an indented paragraph after a blank line is more commentary',
      ['## A', '* [A](https://example.com/a)<br/>', '  Commentary.', '', '  See you next month!'],
      'Commentary.\n\nSee you next month!',
      null,
    ],
    [
      'the outro keeps everything after it, list items too',
      [
        '## A',
        '* [A](https://example.com/a)<br/>',
        '  Commentary.',
        '',
        'Bye!',
        '',
        '* a note without a link',
      ],
      'Commentary.',
      'Bye!\n\n* a note without a link',
    ],
  ])('%s', (_name, body, description, outro) => {
    const { roundup, warnings } = parseRoundupMarkdown(post(...body));
    expect(roundup.sections[0].entries[0].description).toBe(description);
    expect(roundup.outro).toBe(outro);
    expect(warnings).toEqual([]);
  });
});

describe('parseRoundupMarkdown: nothing is dropped silently', () => {
  it.each<
    [
      string,
      string[],
      {
        intro?: string | null;
        descriptions?: (string | null)[];
        /** Each entry's `textAfter`, absent as undefined. */
        after?: (string | undefined)[];
        outro?: string | null;
      },
      { line: number; message: string }[],
    ]
  >([
    [
      'a list item without a link between entries',
      [
        '## A',
        '* [A](https://example.com/a)<br/>',
        '  About A.',
        '* remember to add B',
        '* [C](https://example.com/c)',
      ],
      { descriptions: ['About A.', null], after: ['* remember to add B', undefined] },
      [
        {
          line: 14,
          message:
            'a list item without a link ("* remember to add B") is kept in the list after "A"',
        },
      ],
    ],
    [
      'a list item whose link comes later',
      ['## A', '* [A](https://example.com/a)', '* Part one and [part two](https://example.com/2)'],
      { descriptions: [null], after: ['* Part one and [part two](https://example.com/2)'] },
      [
        {
          line: 13,
          message:
            'a list item that does not start with a link ("* Part one and [part two](https://example.com/2)") is kept in the list after "A"',
        },
      ],
    ],
    [
      'a paragraph between entries',
      [
        '## A',
        '* [A](https://example.com/a)<br/>',
        '  About A.',
        '',
        'A stray thought.',
        '',
        '* [C](https://example.com/c)',
      ],
      { descriptions: ['About A.\n\nA stray thought.', null] },
      [
        {
          line: 15,
          message: 'text outside any entry ("A stray thought.") is kept in the commentary of "A"',
        },
      ],
    ],
    [
      'an HTML comment between entries',
      ['## A', '* [A](https://example.com/a)', '<!-- add more -->', '* [C](https://example.com/c)'],
      { descriptions: ['<!-- add more -->', null] },
      [
        {
          line: 13,
          message: 'an HTML comment ("<!-- add more -->") is kept in the commentary of "A"',
        },
      ],
    ],
    [
      'an image between entries',
      [
        '## A',
        '* [A](https://example.com/a)',
        '',
        '![a chart](https://example.com/chart.png)',
        '',
        '* [C](https://example.com/c)',
      ],
      { descriptions: ['![a chart](https://example.com/chart.png)', null] },
      [
        {
          line: 14,
          message:
            'an image ("![a chart](https://example.com/chart.png)") is kept in the commentary of "A"',
        },
      ],
    ],
    [
      'a level-3 heading with no links under it inside a section',
      [
        '## A',
        '* [A](https://example.com/a)',
        '',
        '### For game fans',
        '',
        '## C',
        '* [C](https://example.com/c)',
      ],
      { descriptions: ['### For game fans', null] },
      [
        {
          line: 14,
          message:
            'the section "For game fans" has no entries; its heading and text are kept in the commentary of "A"',
        },
      ],
    ],
    [
      "text between a section heading and its first entry: the section's note, not moved",
      [
        '## A',
        '* [A](https://example.com/a)',
        '## B',
        'Some words about B.',
        '* [C](https://example.com/c)',
      ],
      { descriptions: [null, null] },
      [],
    ],
    [
      'text before the first entry of the first section: its note, not the intro',
      ['Intro.', '', '## A', 'Before any entry.', '* [A](https://example.com/a)'],
      { intro: 'Intro.', descriptions: [null] },
      [],
    ],
    [
      'a section without entries before the first one',
      ['## Jobs', '', 'We are hiring.', '', '## A', '* [A](https://example.com/a)'],
      { intro: '## Jobs\n\nWe are hiring.', descriptions: [null] },
      [
        {
          line: 11,
          message: 'the section "Jobs" has no entries; its heading and text are kept in the intro',
        },
      ],
    ],
    [
      'a section without entries between two others',
      [
        '## A',
        '* [A](https://example.com/a)',
        '## Notes',
        'Nothing this month.',
        '## B',
        '* [B](https://example.com/b)',
      ],
      { descriptions: ['## Notes\nNothing this month.', null] },
      [
        {
          line: 13,
          message:
            'the section "Notes" has no entries; its heading and text are kept in the commentary of "A"',
        },
      ],
    ],
    [
      'a section without entries at the end',
      ['## A', '* [A](https://example.com/a)', '', '## References', '', '[^1]: A footnote.'],
      { descriptions: [null], outro: '## References\n\n[^1]: A footnote.' },
      [
        {
          line: 14,
          message:
            'the section "References" has no entries; its heading and text are kept in the outro',
        },
      ],
    ],
    [
      'an HTML comment in the intro',
      ['<!-- draft -->', '', '## A', '* [A](https://example.com/a)'],
      { intro: '<!-- draft -->' },
      [{ line: 11, message: 'an HTML comment in the intro is kept as written' }],
    ],
    [
      'a Jekyll link tag in the commentary',
      [
        '## A',
        '* [A](https://example.com/a)<br/>',
        '  See [our post]({% post_url 2020-11-10-sdks %}).',
      ],
      { descriptions: ['See [our post]({% post_url 2020-11-10-sdks %}).'] },
      [
        {
          line: 13,
          message:
            'the link "{% post_url 2020-11-10-sdks %}" in the commentary of "A" is a Jekyll tag; it is kept as written',
        },
      ],
    ],
  ])('%s', (_name, body, expected, warnings) => {
    const parsed = parseRoundupMarkdown(post(...body));
    if ('intro' in expected) expect(parsed.roundup.intro).toBe(expected.intro);
    if ('outro' in expected) expect(parsed.roundup.outro).toBe(expected.outro);
    if (expected.descriptions) {
      expect(parsed.roundup.sections.flatMap((s) => s.entries.map((e) => e.description))).toEqual(
        expected.descriptions
      );
    }
    if (expected.after) {
      expect(parsed.roundup.sections.flatMap((s) => s.entries.map((e) => e.textAfter))).toEqual(
        expected.after
      );
    }
    expect(parsed.warnings).toEqual(warnings);
  });

  it('keeps a sign-off after its link without a warning, but not other linkless items', () => {
    const parsed = parseRoundupMarkdown(
      post(
        '## A',
        '- [A](https://example.com/a)<br>',
        'Nice. ',
        '- Noah',
        '- too long to be a name'
      )
    );
    expect(parsed.roundup.sections[0].entries[0]).toMatchObject({
      description: 'Nice.',
      textAfter: '- Noah\n- too long to be a name',
    });
    expect(parsed.warnings).toEqual([
      {
        line: 15,
        message:
          'a list item without a link ("- too long to be a name") is kept in the list after "A"',
      },
    ]);
  });
});
