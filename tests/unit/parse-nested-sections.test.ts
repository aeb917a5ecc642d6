import type { RoundupSection } from '../../plugins/roundup/server/src/core/model';
import { parseRoundupMarkdown } from '../../plugins/roundup/server/src/core/import';
import { createRenderer } from '../../plugins/roundup/server/src/core/render';

const FRONT = ['---', 'layout: post', 'title: This week', 'date: 2025-07-23', '---', ''];
const post = (...body: string[]) => [...FRONT, ...body].join('\n');

/** Sections as `Name[titles](children)` text, to compare at a glance. */
const shape = (sections: readonly RoundupSection[]): string =>
  sections
    .map(
      (s) =>
        `${s.category?.name}[${s.entries.map((e) => e.title).join(',')}]` +
        (s.children?.length ? `(${shape(s.children)})` : '')
    )
    .join(' ');

describe('parseRoundupMarkdown: sections under sections', () => {
  it.each([
    [
      'a ### under a ## with links of its own',
      ['## News', '* [A](https://a.example)', '### Official', '* [B](https://b.example)'],
      'News[A](Official[B])',
    ],
    [
      'a ## whose links are all in its subsections',
      [
        '## Updates',
        '### Official',
        '* [A](https://a.example)',
        '### Tooling',
        '* [B](https://b.example)',
      ],
      'Updates[](Official[A] Tooling[B])',
    ],
    [
      'four levels, then back to the top',
      [
        '## L1',
        '### L2',
        '#### L3',
        '##### L4',
        '* [A](https://a.example)',
        '## Next',
        '* [B](https://b.example)',
      ],
      'L1[](L2[](L3[](L4[A]))) Next[B]',
    ],
    [
      'a #### right under a ## stands under it',
      ['## Top', '#### Deep', '* [A](https://a.example)'],
      'Top[](Deep[A])',
    ],
    [
      'a ### before any ## is a section of its own',
      ['### Alone', '* [A](https://a.example)', '## Top', '* [B](https://b.example)'],
      'Alone[A] Top[B]',
    ],
    [
      'a repeated subsection joins the first, under its parent',
      [
        '## News',
        '### Official',
        '* [A](https://a.example)',
        '## Videos',
        '* [B](https://b.example)',
        '### Official',
        '* [C](https://c.example)',
      ],
      'News[](Official[A,C]) Videos[B]',
    ],
  ])('%s', (_name, body, expected) => {
    expect(shape(parseRoundupMarkdown(post(...body)).roundup.sections)).toBe(expected);
  });

  it('names problems by the sections in reading order, with their lines', () => {
    const parsed = parseRoundupMarkdown(
      post('## Top', '### Sub', '* [A](https://a.example)', '## Next', '* [B](https://b.example)')
    );
    expect(parsed.lines.sections).toEqual([
      { heading: 7, entries: [] },
      { heading: 8, entries: [9] },
      { heading: 10, entries: [11] },
    ]);
  });

  it('keeps a subsection without links as text, with a warning', () => {
    const parsed = parseRoundupMarkdown(
      post(
        '## Top',
        '* [A](https://a.example)',
        '### Nothing this week',
        '## Next',
        '* [B](https://b.example)'
      )
    );
    expect(shape(parsed.roundup.sections)).toBe('Top[A] Next[B]');
    expect(parsed.roundup.sections[0].entries[0].description).toBe('### Nothing this week');
  });
});

describe('rendering sections under sections', () => {
  const renderer = createRenderer();
  const body = [
    '## Updates from the Community',
    '',
    '### Official',
    '* [Release notes](https://official.example/notes)',
    '',
    '### Tooling',
    '* [A formatter](https://tool.example/fmt) by Ann',
    '',
    '#### Crates',
    '* [A crate](https://crate.example/)',
    '',
    '## Videos',
    '* [A talk](https://video.example/talk)',
  ];

  it("writes ##, ### and #### headings back in the post's order", () => {
    const parsed = parseRoundupMarkdown(post(...body));
    const markdown = renderer.markdown(parsed.roundup);
    expect(markdown.split('\n').filter((line) => line.startsWith('#'))).toEqual([
      '## Updates from the Community',
      '### Official',
      '### Tooling',
      '#### Crates',
      '## Videos',
    ]);
    expect(shape(parseRoundupMarkdown(markdown).roundup.sections)).toBe(
      shape(parsed.roundup.sections)
    );
  });

  it('gives HTML headings h2, h3 and h4, and Hugo the same Markdown headings', () => {
    const { roundup } = parseRoundupMarkdown(post(...body));
    const html = renderer.html(roundup);
    expect([...html.matchAll(/<(h\d)>([^<]*)</g)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      'h1 This week',
      'h2 Updates from the Community',
      'h3 Official',
      'h3 Tooling',
      'h4 Crates',
      'h2 Videos',
    ]);
    const hugo = renderer.hugo(roundup);
    expect(hugo.split('\n').filter((line) => line.startsWith('#'))).toEqual([
      '## Updates from the Community',
      '### Official',
      '### Tooling',
      '#### Crates',
      '## Videos',
    ]);
  });
});

describe('headings that are links', () => {
  const renderer = createRenderer();
  const PROPOSALS = 'https://lang.example.org/proposals?state=approved';

  it.each([
    ['a heading that is one link', `### [Approved proposals](${PROPOSALS})`, PROPOSALS, []],
    [
      'a top-level heading that is one link',
      `## [Approved proposals](${PROPOSALS})`,
      PROPOSALS,
      [],
    ],
  ])('%s keeps the link as its own', (_name, heading, url, entriesFromHeading) => {
    const { roundup, warnings } = parseRoundupMarkdown(
      post('## News', '* [A](https://a.example)', heading, '* [B](https://b.example)')
    );
    const linked = roundup.sections.flatMap((s) => [s, ...(s.children ?? [])]).find((s) => s.url);
    expect(linked).toMatchObject({ category: { name: 'Approved proposals' }, url });
    expect(linked?.entries.map((e) => e.title)).toEqual([...entriesFromHeading, 'B']);
    expect(warnings).toEqual([]);
  });

  it('keeps a link among other heading text as an entry, as before', () => {
    const { roundup } = parseRoundupMarkdown(
      post('## 2025-07-23 | City | [Meetup](https://meetup.example)', '* [A](https://a.example)')
    );
    expect(roundup.sections[0]).toMatchObject({
      category: { name: '2025-07-23 | City | Meetup' },
      entries: [{ title: 'Meetup', url: 'https://meetup.example' }, { title: 'A' }],
    });
    expect(roundup.sections[0].url).toBeUndefined();
  });

  it('keeps a heading link that cannot be followed as text, as before', () => {
    const { roundup, warnings } = parseRoundupMarkdown(
      post('## [Proposals](javascript:void(0))', '* [A](https://a.example)')
    );
    expect(roundup.sections[0].url).toBeUndefined();
    expect(warnings.map((w) => w.message).join('\n')).toContain('cannot be a link');
  });

  it('renders the link back on the heading in Markdown, HTML and Hugo', () => {
    const { roundup } = parseRoundupMarkdown(
      post(
        '## News',
        '* [A](https://a.example)',
        '',
        `### [Approved proposals](${PROPOSALS})`,
        '* [B](https://b.example)'
      )
    );
    expect(renderer.markdown(roundup)).toContain(
      `\n### [Approved proposals](${PROPOSALS})\n* [B](https://b.example)\n`
    );
    expect(renderer.html(roundup)).toContain(
      `<h3><a href="${PROPOSALS}" rel="noopener noreferrer">Approved proposals</a></h3>`
    );
    expect(renderer.hugo(roundup)).toContain(`### [Approved proposals](${PROPOSALS})`);
  });
});

describe('section notes', () => {
  const renderer = createRenderer();
  const notesOf = (sections: readonly RoundupSection[]): [string, string | null][] =>
    sections.flatMap((s) => [
      [s.category?.name ?? '', s.note ?? null] as [string, string | null],
      ...notesOf(s.children ?? []),
    ]);

  it.each([
    [
      'prose between a heading and its list',
      ['## Project of the Week', 'This week: a *tiny* parser.', '', '* [A](https://a.example)'],
      [['Project of the Week', 'This week: a *tiny* parser.']],
    ],
    [
      'prose under a parent whose links are in its subsections',
      ['## Updates', '> Quiet week.', '', '### Official', '* [A](https://a.example)'],
      [
        ['Updates', '> Quiet week.'],
        ['Official', null],
      ],
    ],
    [
      'prose after a link stays its commentary',
      ['## A', '* [A](https://a.example)', '', 'More about A.'],
      [['A', null]],
    ],
  ])('%s', (_name, body, expected) => {
    expect(notesOf(parseRoundupMarkdown(post(...body)).roundup.sections)).toEqual(expected);
  });

  it('renders the note under its heading, before the links, where the post had it', () => {
    const body = [
      '## News',
      '* [A](https://a.example)',
      '',
      '## Project of the Week',
      '',
      'This week: a *tiny* parser.',
      '',
      '* [B](https://b.example)',
    ];
    const { roundup } = parseRoundupMarkdown(post(...body));
    const markdown = renderer.markdown(roundup);
    expect(markdown).toContain(
      '\n## Project of the Week\n\nThis week: a *tiny* parser.\n\n* [B](https://b.example)\n'
    );
    expect(renderer.html(roundup)).toContain(
      '<h2>Project of the Week</h2>\n<p>This week: a <em>tiny</em> parser.</p>\n<ul>'
    );
    expect(renderer.hugo(roundup)).toContain(
      '## Project of the Week\n\nThis week: a *tiny* parser.\n\n* [B](https://b.example)'
    );
    expect(parseRoundupMarkdown(markdown).roundup).toEqual(roundup);
  });
});
