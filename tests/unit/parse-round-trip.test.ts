import { parseRoundupMarkdown } from '../../plugins/roundup/server/src/core/import';
import { renderHtml, renderMarkdown } from '../../plugins/roundup/server/src/core/render';

const FRONT = [
  '---',
  'layout: post',
  'title: What I read in April',
  'date: 2024-04-30',
  'tags: [links]',
  '---',
  '',
];
const EXCERPT = ['<!-- excerpt start -->', 'Links I liked this April.', '<!-- excerpt end -->', ''];

describe('parseRoundupMarkdown after renderMarkdown', () => {
  it.each<[string, string[]]>([
    [
      'the hand-written shape: authors with periods and quotes, commentary unindented, indented and wrapped',
      [
        'Borrowed format; thanks to [them](https://example.com/them).',
        '',
        '## Articles & Learning',
        '* [Queues](https://example.com/q) by Ada Byron.<br/>',
        'Short and clear.',
        '* [Games](https://example.com/g) by "quiet_coder"<br/>',
        '  Pong first,',
        '  then the rest.',
        '* [Speed limits](https://example.com/s) by Al Mo.',
        'Cycles per byte.',
        '',
        '## Neat Open-Source Projects',
        '',
        '* [Bench](https://example.com/b)<br/>',
        '',
        '  Data on [uops.example](uops.example).',
        '  ',
        '# Tools',
        '* [Probe](https://example.com/p)<br/>Best by fa',
      ],
    ],
    [
      'the Interrupt shape: bold titles, dash commentary, wrapped link text, sign-offs',
      [
        '## Articles & Learning',
        '',
        '- [**Sleepy sensors - Example Blog**](https://example.com/sleepy)<br>',
        '  How a coin cell lasts five years. - Noah',
        '',
        '- [**A long talk title about',
        '  flash wear**](https://example.com/talk) by Ravi Shah - Worth it.',
        '- Jane',
        '',
        '## Random',
        '',
        '- [Cheap SIMs](https://example.com/sim) - A global SIM card',
        '  for small fleets.',
      ],
    ],
    [
      'text moved into the intro, commentary and outro',
      [
        '<!-- draft -->',
        '',
        '## Jobs',
        'We are hiring.',
        '',
        '## A',
        'Before any entry.',
        '* [A](https://example.com/a)<br/>',
        '  About A.',
        '* a note without a link',
        '',
        '![a chart](https://example.com/chart.png)',
        '',
        '### Sub-heading',
        '',
        '* [B \\[beta\\] *now*](https://example.com/b) by R\\_Smith<br/>',
        '  ```',
        '  ## not a heading',
        '  ```',
        '## Notes',
        'Nothing.',
        '## C',
        '* [C](https://example.com/c)',
        '',
        'See you next month!',
        '',
        '## References',
        '',
        '[^1]: A footnote.',
      ],
    ],
  ])('gives back the same roundup: %s', (_name, body) => {
    const first = parseRoundupMarkdown([...FRONT, ...EXCERPT, ...body].join('\n'), {
      fileName: '2024-04-30-april.md',
    });
    const rendered = renderMarkdown(first.roundup);
    const second = parseRoundupMarkdown(rendered, { fileName: '2024-04-30-april.md' });
    expect(second.roundup).toEqual(first.roundup);
  });
});

describe('list items without a link, after renderMarkdown', () => {
  const front = ['---', 'layout: post', 'title: What I read in April', 'date: 2024-04-30', '---'];
  it.each<[string, string[]]>([
    [
      'an item with no link between two links',
      [
        '## A',
        '* [A](https://example.com/a)<br/>',
        '  About A.',
        '* remember to add B',
        '* [C](https://example.com/c)',
      ],
    ],
    [
      'an item with several links, none first, and one after it',
      [
        '## Videos',
        '* [A talk about trees](https://video.example.com/trees)',
        '* No recording this time; [the slides](https://example.com/s) and [the notes](https://example.com/n) are up.',
        '* Also [the code](https://example.com/c).',
      ],
    ],
    [
      'a sign-off at the top level, and one indented under its link',
      [
        '## Random',
        '* [Shoes with firmware](https://example.com/shoes)<br/>',
        '  They get updates now.',
        '- Noah',
        '* [Version zero](https://example.com/zero)<br/>',
        '  Some projects never reach 1.0.',
        '  - Jane Doe',
      ],
    ],
  ])('are written back at the top level of the list as the post had them: %s', (_name, body) => {
    const post = [...front, '', ...body, ''].join('\n');
    const parsed = parseRoundupMarkdown(post, { fileName: '2024-04-30-april.md' });
    expect(renderMarkdown(parsed.roundup)).toBe(post);
  });

  it('are list items of the section in the HTML, after the link they follow', () => {
    const post = [
      ...front,
      '## Videos',
      '* [Trees](https://video.example.com/trees)<br/>',
      '  A talk.',
      '* No recording; [the slides](https://example.com/s) are up.',
      '* [Next](https://example.com/next)',
    ].join('\n');
    const html = renderHtml(parseRoundupMarkdown(post).roundup);
    expect(html).toContain(
      [
        '<ul>',
        '<li><p><a href="https://video.example.com/trees" rel="noopener noreferrer">Trees</a></p>',
        '<p>A talk.</p></li>',
        '<li>No recording; <a href="https://example.com/s" rel="noopener noreferrer">the slides</a> are up.</li>',
        '<li><p><a href="https://example.com/next" rel="noopener noreferrer">Next</a></p></li>',
        '</ul>',
      ].join('\n')
    );
  });

  it('are items of the list in the HTML even with a paragraph after them', () => {
    const post = [
      ...front,
      '## Videos',
      '* [Trees](https://video.example.com/trees)',
      '* No recording.',
      '',
      'More next week.',
      '',
      '* [Next](https://example.com/next)',
    ].join('\n');
    const html = renderHtml(parseRoundupMarkdown(post).roundup);
    expect(html).toContain(
      [
        '<li><p><a href="https://video.example.com/trees" rel="noopener noreferrer">Trees</a></p></li>',
        '<li>No recording.</li>',
        '<li><p>More next week.</p></li>',
        '<li><p><a href="https://example.com/next" rel="noopener noreferrer">Next</a></p></li>',
      ].join('\n')
    );
  });
});
