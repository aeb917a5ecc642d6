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
