import {
  entryUrlProblems,
  parseRoundupMarkdown,
  RoundupParseError,
} from '../../plugins/roundup/server/src/core/import';

const FRONT = ['---', 'title: What I read in April', 'date: 2024-04-30', '---', ''];

const failure = (text: string, fileName?: string) => {
  try {
    parseRoundupMarkdown(text, { fileName });
  } catch (error) {
    if (error instanceof RoundupParseError) return { message: error.message, line: error.line };
    throw error;
  }
  throw new Error('parsed without an error');
};

describe('parseRoundupMarkdown: input that is no roundup', () => {
  it.each<[string, string, string]>([
    ['an empty file', '', 'the post is empty'],
    ['only whitespace', ' \n\n\t\n', 'the post is empty'],
    [
      'binary data',
      Buffer.from([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
      ]).toString('latin1'),
      'the post is binary data, not Markdown text',
    ],
    [
      'a JSON document',
      '{ "title": "April", "sections": [] }',
      'the post is JSON, not a Markdown roundup',
    ],
    [
      'a JSON list',
      '[{ "title": "A", "url": "https://example.com/a" }]',
      'the post is JSON, not a Markdown roundup',
    ],
    [
      'an HTML page',
      '<!DOCTYPE html>\n<html><body><h2>Tools</h2><ul><li><a href="https://example.com">A</a></li></ul></body></html>',
      'the post is an HTML page, not Markdown',
    ],
    [
      'prose without headings',
      'Just a note.\n\n* [A link](https://example.com/a)\n',
      'the post has no sections: a roundup has "## Section" headings, each followed by "* [Title](url)" list items',
    ],
    [
      'front matter and nothing else',
      [...FRONT].join('\n'),
      'the post has no sections: a roundup has "## Section" headings, each followed by "* [Title](url)" list items',
    ],
    [
      'headings without linked list items',
      [...FRONT, '## Thoughts', 'Some words.', '', '* a list without links'].join('\n'),
      'the post has no entries: no list item under a section heading starts with a link "[Title](url)"',
    ],
  ])('refuses %s', (_name, text, message) => {
    expect(failure(text)).toEqual({ message, line: null });
  });

  it('reads a code fence that is never closed as code to the end, as CommonMark does', () => {
    const text = ['~~~', '## Tools', '* [A](https://example.com/a)'].join('\n');
    expect(failure(text).message).toBe(
      'the post has no sections: a roundup has "## Section" headings, each followed by "* [Title](url)" list items'
    );
  });

  it('names the file in the message', () => {
    expect(failure('{"a": 1}', 'exports/2024-04-30-april.md')).toEqual({
      message: '2024-04-30-april.md: the post is JSON, not a Markdown roundup',
      line: null,
    });
  });

  it('reads a post that merely starts with a bracket', () => {
    const text = ['[Draft] notes', '', '## Tools', '* [A](https://example.com/a)'].join('\n');
    expect(parseRoundupMarkdown(text).roundup.intro).toBe('[Draft] notes');
  });
});

describe('entry URLs', () => {
  const text = [
    ...FRONT,
    '## Tools',
    '* [Good](https://example.com/good)',
    '* [Bare host](example.com/tool)',
    '## Projects',
    '* [Script](javascript:alert(1))',
    '* [Relative](/projects/x)',
    '* [Mail](mailto:someone@example.com)',
    '* [Empty]()',
  ].join('\n');

  it('keeps an entry whose URL the API refuses as text, with a warning naming its line', () => {
    const parsed = parseRoundupMarkdown(text);
    expect(parsed.roundup.sections.map((s) => s.entries.map((e) => e.url))).toEqual([
      ['https://example.com/good'],
    ]);
    expect(parsed.roundup.sections[0].entries[0]).toMatchObject({
      description: null,
      textAfter: '* [Bare host](example.com/tool)',
    });
    expect(parsed.roundup.outro).toBe(
      [
        '## Projects',
        '* [Script](javascript:alert(1))',
        '* [Relative](/projects/x)',
        '* [Mail](mailto:someone@example.com)',
        '* [Empty]()',
      ].join('\n')
    );
    const refused = parsed.warnings.filter((w) => w.message.includes('cannot be a link'));
    expect(refused.map((w) => [w.line, w.message])).toEqual([
      [
        8,
        'the entry "Bare host", which cannot be a link (its url must be an absolute http(s) URL, such as https://example.com/article), is kept in the list after "Good"',
      ],
      [
        10,
        'the entry "Script", which cannot be a link (its url must use http or https, not javascript), is kept in the outro',
      ],
      [
        11,
        'the entry "Relative", which cannot be a link (its url must be an absolute http(s) URL, such as https://example.com/article), is kept in the outro',
      ],
      [
        12,
        'the entry "Mail", which cannot be a link (its url must use http or https, not mailto), is kept in the outro',
      ],
      [
        13,
        'the entry "Empty", which cannot be a link (its url must be an absolute http(s) URL), is kept in the outro',
      ],
    ]);
    expect(parsed.urlProblems).toEqual([]);
  });

  it('keeps a URL of 2,048 characters as a link, and one longer (as written or in full) as text', () => {
    const url = (length: number) => `https://example.com/${'a'.repeat(length - 20)}`;
    // Each "é" is written out in full as %C3%A9: 720 characters as written, 4,220 in full.
    const escaped = `https://example.com/${'é'.repeat(700)}`;
    const parsed = parseRoundupMarkdown(
      [
        ...FRONT,
        '## Tools',
        `* [Longest](${url(2048)}) by Ann - kept`,
        `* [Too long](${url(2049)}) by Bob - as text`,
        `* [Escaped](${escaped})`,
      ].join('\n')
    );
    expect(parsed.roundup.sections[0].entries.map((e) => [e.title, e.url.length])).toEqual([
      ['Longest', 2048],
    ]);
    expect(parsed.roundup.sections[0].entries[0]).toMatchObject({
      description: 'kept',
      textAfter: [`* [Too long](${url(2049)}) by Bob - as text`, `* [Escaped](${escaped})`].join(
        '\n'
      ),
    });
    expect(parsed.warnings.map((w) => [w.line, w.message])).toEqual([
      [
        8,
        'the entry "Too long", which cannot be a link (its url must be at most 2048 characters (it has 2049)), is kept in the list after "Longest"',
      ],
      [
        9,
        'the entry "Escaped", which cannot be a link (its url must be at most 2048 characters once written out in full (it has 4220)), is kept in the list after "Longest"',
      ],
    ]);
    expect(parsed.lengthProblems).toEqual([]);
  });

  it('checks a model without its lines, as after an edit', () => {
    const { roundup } = parseRoundupMarkdown(text);
    roundup.sections[0].entries.push(
      { title: 'Script', url: 'javascript:alert(1)', author: null, description: null },
      { title: 'Empty', url: '', author: null, description: null }
    );
    expect(entryUrlProblems(roundup).map((problem) => [problem.line, problem.message])).toEqual([
      [null, 'the URL "javascript:alert(1)" of "Script" must use http or https, not javascript'],
      [null, 'the URL "" of "Empty" must be an absolute http(s) URL'],
    ]);
  });

  it('finds nothing wrong with http and https URLs', () => {
    const parsed = parseRoundupMarkdown(
      [...FRONT, '## Tools', '* [A](http://example.com/a)', '* [B](https://example.com/b)'].join(
        '\n'
      )
    );
    expect(parsed.urlProblems).toEqual([]);
    expect(entryUrlProblems(parsed.roundup, parsed.lines)).toEqual([]);
  });
});

describe('parseRoundupMarkdown: fields longer than their limit', () => {
  const long = (unit: string) => unit.repeat(20_001).slice(0, 20_001);

  it('names each over-long field with its line and limit, and does not read it', () => {
    const parsed = parseRoundupMarkdown(
      [
        ...FRONT,
        long('a'),
        '',
        `## ${long('[')}`,
        '* [A](https://a.test/) by Ann<br/>',
        long('!['),
        `* [B](https://b.test/) by ${long('[')}`,
        '* [C](https://c.test/)',
        '',
        long('<a'),
      ].join('\n')
    );
    expect(parsed.lengthProblems).toEqual([
      {
        field: 'intro',
        line: 6,
        message: 'line 6: must be at most 20000 characters (it has 20001)',
      },
      {
        field: 'outro',
        line: 14,
        message: 'line 14: must be at most 20000 characters (it has 20001)',
      },
      {
        field: 'sections[0].name',
        line: 8,
        message: 'line 8: must be at most 120 characters (it has 20001)',
      },
      {
        field: 'sections[0].entries[0].description',
        line: 9,
        message: 'line 9: must be at most 20000 characters (it has 20001)',
      },
      {
        field: 'sections[0].entries[0].textAfter',
        line: 9,
        // B's author is over its limit: B is kept as text, in the list after A.
        message: 'line 9: must be at most 20000 characters (it has 20027)',
      },
    ]);
    // An over-long field gets its problem instead of warnings about its contents.
    expect(parsed.warnings.filter((w) => [6, 10, 14].includes(w.line))).toEqual([]);
  });

  it('keeps a field at its limit, read as usual', () => {
    const commentary = `![a](/x.png) ${'a'.repeat(20_000 - 13)}`;
    const parsed = parseRoundupMarkdown(
      [...FRONT, '## Tools', '* [A](https://a.test/) by Ann<br/>', commentary].join('\n')
    );
    expect(parsed.lengthProblems).toEqual([]);
    expect(parsed.roundup.sections[0].entries[0].description).toHaveLength(20_000);
    expect(parsed.warnings.map((w) => w.line)).toContain(8);
  });
});
