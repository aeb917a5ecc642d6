import { parseRoundupMarkdown } from '../../plugins/roundup/server/src/core/import';
import { renderMarkdown } from '../../plugins/roundup/server/src/core/render';

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
