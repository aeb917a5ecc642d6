import { parseRoundupMarkdown } from '../../plugins/roundup/server/src/core/import';
import type { RoundupEntry } from '../../plugins/roundup/server/src/core/model';
import { entry } from '../helpers/model';

/** A post whose body starts on line 7, under front matter that gives no warnings. */
const post = (...body: string[]) =>
  [
    '---',
    'layout: post',
    'title: What I read in April',
    'date: 2024-04-30',
    '---',
    '',
    ...body,
  ].join('\n');

const entriesOf = (text: string) =>
  parseRoundupMarkdown(text).roundup.sections.flatMap((section) => section.entries);

describe('parseRoundupMarkdown: entries', () => {
  it.each<[string, string[], RoundupEntry[]]>([
    [
      'by Author<br/> and commentary that is not indented',
      [
        '## Articles',
        '* [Queues in practice](https://example.com/queues) by Ada Byron<br/>',
        'A plain look at bounded queues and back pressure.',
      ],
      [
        entry(
          'Queues in practice',
          'https://example.com/queues',
          'Ada Byron',
          'A plain look at bounded queues and back pressure.'
        ),
      ],
    ],
    [
      'by Author.<br/> keeps the period in the author',
      ['## Articles', '* [Queues](https://example.com/q) by Ada Byron.<br/>', 'Short and clear.'],
      [entry('Queues', 'https://example.com/q', 'Ada Byron.', 'Short and clear.')],
    ],
    [
      'by Author. with no <br/>: the author ends with the line',
      [
        '## Articles',
        '* [Queues](https://example.com/q) by Ada Byron.',
        'Short and clear.',
        'Over two lines.',
      ],
      [entry('Queues', 'https://example.com/q', 'Ada Byron.', 'Short and clear.\nOver two lines.')],
    ],
    [
      'a quoted author keeps its quotes',
      [
        '## Articles',
        '* [Games to write first](https://example.com/games) by "quiet_coder"<br/>',
        'Pong, then more.',
      ],
      [
        entry(
          'Games to write first',
          'https://example.com/games',
          '"quiet_coder"',
          'Pong, then more.'
        ),
      ],
    ],
    [
      'no author',
      ['## Tools', '* [Plotter](https://example.com/plot)<br/>', 'Draws graphs in the browser.'],
      [entry('Plotter', 'https://example.com/plot', null, 'Draws graphs in the browser.')],
    ],
    [
      'neither author nor commentary',
      ['## Tools', '* [Plotter](https://example.com/plot)', '* [Probe](https://example.com/probe)'],
      [
        entry('Plotter', 'https://example.com/plot', null, null),
        entry('Probe', 'https://example.com/probe', null, null),
      ],
    ],
    [
      'commentary on the line of the link, after <br/>',
      [
        '## Articles',
        '* [Fast I/O](https://example.com/io) by Kim Lee<br/>Disks are fast now; kernels are not.',
      ],
      [
        entry(
          'Fast I/O',
          'https://example.com/io',
          'Kim Lee',
          'Disks are fast now; kernels are not.'
        ),
      ],
    ],
    [
      'commentary indented by two spaces and hard-wrapped keeps its line breaks',
      [
        '## Videos',
        '* [Lecture series](https://example.com/lectures) by Sam Doe<br/>',
        '  Twelve lectures on caches,',
        '  page tables and TLBs,',
        '  with exercises.',
      ],
      [
        entry(
          'Lecture series',
          'https://example.com/lectures',
          'Sam Doe',
          'Twelve lectures on caches,\npage tables and TLBs,\nwith exercises.'
        ),
      ],
    ],
    [
      'blank lines, blank indented lines and trailing spaces around commentary paragraphs',
      [
        '## Articles',
        '',
        '* [Git objects](https://example.com/git) by Lin Park<br/>',
        '  ',
        '  Blobs, trees and commits, shown with plain tools.   ',
        '  ',
        '  ',
        '  A second paragraph. ',
        '',
        '* [Tiny interpreter](https://example.com/tcl) by Lin Park<br/>',
        '',
        '  .. in about 700 lines. ',
        '  ',
      ],
      [
        entry(
          'Git objects',
          'https://example.com/git',
          'Lin Park',
          'Blobs, trees and commits, shown with plain tools.\n\nA second paragraph.'
        ),
        entry('Tiny interpreter', 'https://example.com/tcl', 'Lin Park', '.. in about 700 lines.'),
      ],
    ],
    [
      'items with and without blank lines between them',
      [
        '## Tools',
        '* [One](https://example.com/1)<br/>',
        'First.',
        '',
        '* [Two](https://example.com/2)<br/>',
        '  Second.',
        '* [Three](https://example.com/3)<br/>',
        'Third.',
      ],
      [
        entry('One', 'https://example.com/1', null, 'First.'),
        entry('Two', 'https://example.com/2', null, 'Second.'),
        entry('Three', 'https://example.com/3', null, 'Third.'),
      ],
    ],
    [
      '<br>, <br/> and <br /> all end the byline; - and + bullets work like *',
      [
        '## Articles',
        '- [A](https://example.com/a) by One<br>Note a.',
        '- [B](https://example.com/b) by Two<br/>Note b.',
        '+ [C](https://example.com/c) by Three<br />Note c.',
      ],
      [
        entry('A', 'https://example.com/a', 'One', 'Note a.'),
        entry('B', 'https://example.com/b', 'Two', 'Note b.'),
        entry('C', 'https://example.com/c', 'Three', 'Note c.'),
      ],
    ],
    [
      'Interrupt style: bold "Title - Site" link text loses its ** and keeps the words',
      [
        '## Articles & Learning',
        '',
        '- [**Sleepy sensors - Example Blog**](https://example.com/sleepy)<br>',
        '  How a coin cell lasts five years. - Noah',
      ],
      [
        entry(
          'Sleepy sensors - Example Blog',
          'https://example.com/sleepy',
          null,
          'How a coin cell lasts five years. - Noah'
        ),
      ],
    ],
    [
      'Interrupt style: by Author - commentary on the line of the link',
      [
        '## Neat Projects',
        '- [Tiny RTOS](https://example.com/rtos) by Ravi Shah - A scheduler in one file.',
        '  Worth a read.',
      ],
      [
        entry(
          'Tiny RTOS',
          'https://example.com/rtos',
          'Ravi Shah',
          'A scheduler in one file.\nWorth a read.'
        ),
      ],
    ],
    [
      'Interrupt style: - commentary without an author',
      [
        '## News',
        '- [Cheap SIMs](https://example.com/sim) - A global SIM card',
        '  for small fleets.',
      ],
      [
        entry(
          'Cheap SIMs',
          'https://example.com/sim',
          null,
          'A global SIM card\nfor small fleets.'
        ),
      ],
    ],
    [
      'Interrupt style: link text wrapped over two lines',
      [
        '## Events',
        '- [**Tuesday, June 4 – A long talk title about',
        '  flash wear leveling**](https://example.com/talk)<br>',
        '  Join us live.',
      ],
      [
        entry(
          'Tuesday, June 4 – A long talk title about flash wear leveling',
          'https://example.com/talk',
          null,
          'Join us live.'
        ),
      ],
    ],
    [
      'Interrupt style: a sign-off is kept after its link, or in the commentary when indented under it',
      [
        '## Random',
        '- [**Shoes with firmware**](https://example.com/shoes)<br>',
        'They get updates now.',
        '- Noah',
        '- [**Version zero**](https://example.com/zero)<br>',
        '  Some projects never reach 1.0.',
        '  - Jane Doe',
      ],
      [
        {
          ...entry(
            'Shoes with firmware',
            'https://example.com/shoes',
            null,
            'They get updates now.'
          ),
          textAfter: '- Noah',
        },
        entry(
          'Version zero',
          'https://example.com/zero',
          null,
          'Some projects never reach 1.0.\n- Jane Doe'
        ),
      ],
    ],
    [
      'Interrupt style: "by" at the end of the line, the author on the next',
      [
        '## Articles',
        '- [Secure boot](https://example.com/boot) by',
        '  Mia Chen<br>A walk through the chain',
        '  of trust.',
      ],
      [
        entry(
          'Secure boot',
          'https://example.com/boot',
          'Mia Chen',
          'A walk through the chain\nof trust.'
        ),
      ],
    ],
    [
      'Interrupt style: the byline on the line after the link',
      [
        '## Articles',
        '- [Execute-only memory](https://example.com/xom)',
        '  by Ana Ruiz and Bo Lind.<br>A paper about',
        '  hiding code.',
      ],
      [
        entry(
          'Execute-only memory',
          'https://example.com/xom',
          'Ana Ruiz and Bo Lind.',
          'A paper about\nhiding code.'
        ),
      ],
    ],
    [
      'commentary without <br/> on the line after a link with no author',
      ['## Tools', '* [Pager](https://example.com/pager)', '  Opens grep hits in your editor.'],
      [entry('Pager', 'https://example.com/pager', null, 'Opens grep hits in your editor.')],
    ],
    [
      'backslash escapes and entities in titles and authors are resolved',
      [
        '## Articles',
        '* [A \\[draft\\] of \\*everything\\* &amp; more](https://example.com/d) by R\\_Smith<br/>',
        'Fine.',
      ],
      [entry('A [draft] of *everything* & more', 'https://example.com/d', 'R_Smith', 'Fine.')],
    ],
    [
      'URLs with parentheses, angle brackets and escapes',
      [
        '## Articles',
        '* [Wiki](https://en.wikipedia.org/wiki/Foo_(bar))',
        '* [Spaced](<https://example.com/a%20b>)',
        '* [Escaped](https://example.com/x\\)y)',
      ],
      [
        entry('Wiki', 'https://en.wikipedia.org/wiki/Foo_(bar)', null, null),
        entry('Spaced', 'https://example.com/a%20b', null, null),
        entry('Escaped', 'https://example.com/x)y', null, null),
      ],
    ],
    [
      'links inside the commentary, even relative ones, are kept as written',
      [
        '## Projects',
        '* [Bench](https://example.com/bench)<br/>',
        '  Numbers on [uops.example](uops.example) and [the paper](https://example.com/p).',
      ],
      [
        entry(
          'Bench',
          'https://example.com/bench',
          null,
          'Numbers on [uops.example](uops.example) and [the paper](https://example.com/p).'
        ),
      ],
    ],
    [
      'a nested list and a code block stay in the commentary',
      [
        '## Tools',
        '* [Counter](https://example.com/count)<br/>',
        '  Counts lines:',
        '',
        '  ```',
        '  ## not a heading',
        '  * [not](https://example.com/entry)',
        '  ```',
        '  * [a nested link](https://example.com/nested)',
      ],
      [
        entry(
          'Counter',
          'https://example.com/count',
          null,
          'Counts lines:\n\n```\n## not a heading\n* [not](https://example.com/entry)\n```\n* [a nested link](https://example.com/nested)'
        ),
      ],
    ],
  ])('%s', (_name, body, expected) => {
    expect(entriesOf(post(...body))).toEqual(expected);
  });

  it('reads a post that ends mid-word without a final newline', () => {
    const text = post(
      '## Tools',
      '* [Probe](https://example.com/probe)<br/>',
      '  Outperforms the usual probe by fa'
    );
    expect(text.endsWith('fa')).toBe(true);
    expect(entriesOf(text)).toEqual([
      entry('Probe', 'https://example.com/probe', null, 'Outperforms the usual probe by fa'),
    ]);
  });

  it('reads CRLF line endings and a byte order mark like LF', () => {
    const lf = post(
      '## Tools',
      '* [Probe](https://example.com/probe) by Al<br/>',
      '  Two',
      '  lines.',
      ''
    );
    const crlf = `\ufeff${lf.replace(/\n/g, '\r\n')}`;
    expect(parseRoundupMarkdown(crlf)).toEqual(parseRoundupMarkdown(lf));
  });

  it.each<[string, string[], RoundupEntry, { line: number; message: string }[]]>([
    [
      'code in a title',
      ['## Articles', '* [Fun with `-fsanitize`](https://example.com/s)<br/>', 'Traps.'],
      entry('Fun with -fsanitize', 'https://example.com/s', null, 'Traps.'),
      [
        {
          line: 8,
          message:
            'the formatting of the title "Fun with -fsanitize" is not kept: "Fun with `-fsanitize`"',
        },
      ],
    ],
    [
      'a link title attribute',
      ['## Articles', '* [Maps](https://example.com/maps "hover text")<br/>', 'Old maps.'],
      entry('Maps', 'https://example.com/maps', null, 'Old maps.'),
      [{ line: 8, message: 'the link title "hover text" of "Maps" is not kept' }],
    ],
    [
      'text after the link that is not "by Author"',
      ['## Articles', '* [Maps](https://example.com/maps), a long read<br/>', 'Old maps.'],
      entry('Maps', 'https://example.com/maps', null, ', a long read\nOld maps.'),
      [
        {
          line: 8,
          message:
            'the text after the link of "Maps" is not "by Author", so it starts the commentary: ", a long read"',
        },
      ],
    ],
    [
      'an author with a link',
      [
        '## Articles',
        '* [Maps](https://example.com/maps) by [Jo](https://example.com/jo)<br/>',
        'Old maps.',
      ],
      entry('Maps', 'https://example.com/maps', null, 'by [Jo](https://example.com/jo)\nOld maps.'),
      [
        {
          line: 8,
          message:
            'the text after the link of "Maps" is not "by Author", so it starts the commentary: "by [Jo](https://example.com/jo)"',
        },
      ],
    ],
    [
      'an author in italics',
      ['## Articles', '* [Maps](https://example.com/maps) by *Jo*<br/>', 'Old maps.'],
      entry('Maps', 'https://example.com/maps', 'Jo', 'Old maps.'),
      [{ line: 8, message: 'the formatting of the author of "Maps" is not kept: "*Jo*"' }],
    ],
    [
      '"by" with no author, kept as the start of the commentary',
      ['## Articles', '* [Maps](https://example.com/maps) by <br/>', 'Old maps.'],
      entry('Maps', 'https://example.com/maps', null, 'by\nOld maps.'),
      [
        {
          line: 8,
          message:
            'the link of "Maps" is followed by "by" but no author; "by" starts the commentary',
        },
      ],
    ],
    [
      'a link without text',
      ['## Articles', '* [](https://example.com/maps)<br/>', 'Old maps.'],
      entry('https://example.com/maps', 'https://example.com/maps', null, 'Old maps.'),
      [
        {
          line: 8,
          message: 'the link to https://example.com/maps has no text; its URL is the title',
        },
      ],
    ],
    [
      'a relative link in the commentary',
      [
        '## Projects',
        '* [Bench](https://example.com/bench)<br/>',
        '',
        '  Data on [uops.example](uops.example).',
      ],
      entry('Bench', 'https://example.com/bench', null, 'Data on [uops.example](uops.example).'),
      [
        {
          line: 10,
          message:
            'the link "uops.example" in the commentary of "Bench" is relative; it is kept as written',
        },
      ],
    ],
    [
      'an image in the commentary',
      [
        '## Projects',
        '* [Board](https://example.com/board)<br/>',
        '  ![the board](https://example.com/board.png)',
      ],
      entry(
        'Board',
        'https://example.com/board',
        null,
        '![the board](https://example.com/board.png)'
      ),
      [{ line: 9, message: 'an image in the commentary of "Board" is kept as written' }],
    ],
  ])('warns about %s, with its line', (_name, body, expected, warnings) => {
    const parsed = parseRoundupMarkdown(post(...body));
    expect(parsed.roundup.sections[0].entries).toEqual([expected]);
    expect(parsed.warnings).toEqual(warnings);
  });

  it('gives the line of every section heading and entry', () => {
    const parsed = parseRoundupMarkdown(
      post(
        '## Articles',
        '* [A](https://example.com/a)',
        '',
        '* [B](https://example.com/b)',
        '',
        '## Tools',
        '- [C](https://example.com/c)'
      )
    );
    expect(parsed.lines).toEqual({
      sections: [
        { heading: 7, entries: [8, 10] },
        { heading: 12, entries: [13] },
      ],
    });
  });
});
