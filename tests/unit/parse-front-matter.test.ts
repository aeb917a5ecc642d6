import {
  parseRoundupMarkdown,
  RoundupParseError,
} from '../../plugins/roundup/server/src/core/import';

const BODY = ['', '## Tools', '* [Plotter](https://example.com/plot)'];
const withFrontMatter = (...yaml: string[]) => ['---', ...yaml, '---', ...BODY].join('\n');

const fieldsOf = (text: string, fileName?: string) => {
  const { roundup, warnings } = parseRoundupMarkdown(text, { fileName });
  const { title, slug, date, layout, frontMatter } = roundup;
  return { title, slug, date, layout, frontMatter, warnings };
};

describe('parseRoundupMarkdown: front matter', () => {
  it('puts layout, title and date in their fields and keeps every other key', () => {
    const text = withFrontMatter(
      'layout: post',
      'title: "Reading list: April"',
      'date: 2024-04-30',
      'author: tyler',
      'tags: [roundup, links]',
      'comments: true'
    );
    expect(fieldsOf(text)).toEqual({
      title: 'Reading list: April',
      slug: 'reading-list-april',
      date: '2024-04-30',
      layout: 'post',
      frontMatter: { author: 'tyler', tags: ['roundup', 'links'], comments: true },
      warnings: [],
    });
  });

  it.each<[string, string[], string | undefined, { slug: string; date: string }]>([
    [
      'a slug key wins over the file name and title',
      ['title: April', 'slug: april-links', 'date: 2024-04-30'],
      '2024-05-01-may.md',
      { slug: 'april-links', date: '2024-04-30' },
    ],
    [
      'a Jekyll file name gives the date and the slug',
      ['title: April'],
      '2024-04-30-april-reading.md',
      { slug: 'april-reading', date: '2024-04-30' },
    ],
    [
      'the file name may come with its folder',
      ['title: April'],
      '_posts/2024-04-30-april-reading.markdown',
      { slug: 'april-reading', date: '2024-04-30' },
    ],
    [
      'the front matter date wins over the file name',
      ['title: April', 'date: 2024-05-02'],
      '2024-04-30-april.md',
      { slug: 'april', date: '2024-05-02' },
    ],
    [
      'a file name that is no Jekyll post name gives nothing',
      ['title: What I read in April', 'date: 2024-04-30'],
      '2024-04-reading-april.md',
      { slug: 'what-i-read-in-april', date: '2024-04-30' },
    ],
  ])('%s', (_name, yaml, fileName, expected) => {
    const { slug, date } = fieldsOf(withFrontMatter(...yaml), fileName);
    expect({ slug, date }).toEqual(expected);
  });

  it('keeps a slug key in the front matter too, since Jekyll reads it', () => {
    expect(
      fieldsOf(withFrontMatter('title: April', 'slug: april-links', 'date: 2024-04-30')).frontMatter
    ).toEqual({
      slug: 'april-links',
    });
  });

  it.each<[string, string[], string | undefined, string, { line: number; message: string }[]]>([
    [
      'no date anywhere',
      ['title: April'],
      '2024-04-reading-april.md',
      '',
      [
        {
          line: 1,
          message:
            'the post has no date: the front matter has none and the file name 2024-04-reading-april.md is not YYYY-MM-DD-slug.md',
        },
      ],
    ],
    [
      'no date and no file name',
      ['title: April'],
      undefined,
      '',
      [
        {
          line: 1,
          message: 'the post has no date: the front matter has none and no file name was given',
        },
      ],
    ],
    [
      'a date with a time',
      ['title: April', 'date: 2024-04-30 18:00:00 +0200'],
      undefined,
      '2024-04-30',
      [
        {
          line: 3,
          message:
            'the front matter date "2024-04-30 18:00:00 +0200" has a time; only the day 2024-04-30 is kept',
        },
      ],
    ],
    [
      'a date that is no day of the calendar, with the file name to fall back on',
      ['title: April', 'date: 2024-02-30'],
      '2024-04-30-april.md',
      '2024-04-30',
      [{ line: 3, message: 'the front matter date "2024-02-30" is not a date written YYYY-MM-DD' }],
    ],
    [
      'a date written another way',
      ['title: April', 'date: April 30, 2024'],
      undefined,
      '',
      [
        {
          line: 3,
          message: 'the front matter date "April 30, 2024" is not a date written YYYY-MM-DD',
        },
      ],
    ],
  ])('warns about %s', (_name, yaml, fileName, date, warnings) => {
    const fields = fieldsOf(withFrontMatter(...yaml), fileName);
    expect(fields.date).toBe(date);
    expect(fields.warnings).toEqual(warnings);
  });

  it.each([
    ['title: "  "', 2, 'the front matter has no title'],
    ['title: [a, b]', 2, 'the front matter title is not text: ["a","b"]'],
    ['title: 2024', null, null],
  ])('reads %j as the title', (yaml, line, message) => {
    const fields = fieldsOf(withFrontMatter(yaml, 'date: 2024-04-30'));
    expect(fields.warnings).toEqual(line === null ? [] : [{ line, message }]);
    if (line === null) expect(fields.title).toBe('2024');
  });

  it('warns about a missing title and falls back on the file name for the slug', () => {
    const fields = fieldsOf(withFrontMatter('date: 2024-04-30'), '2024-04-30-april.md');
    expect([fields.title, fields.slug]).toEqual(['', 'april']);
    expect(fields.warnings).toEqual([{ line: 1, message: 'the front matter has no title' }]);
  });

  it('warns about keys the roundup cannot store, and layouts that are not text', () => {
    const fields = fieldsOf(
      withFrontMatter('title: April', 'date: 2024-04-30', 'layout: [a, b]', 'Bad Key: 1')
    );
    expect([fields.layout, fields.frontMatter]).toEqual([null, { 'Bad Key': 1 }]);
    expect(fields.warnings).toEqual([
      { line: 4, message: 'the front matter layout is not text and is left out: ["a","b"]' },
      {
        line: 5,
        message:
          'the front matter key "Bad Key" must start with a letter or _ and contain only letters, digits, - and _',
      },
    ]);
  });

  it('reads a post without front matter, and says what is missing', () => {
    const fields = fieldsOf(BODY.join('\n'));
    expect(fields).toEqual({
      title: '',
      slug: 'roundup',
      date: '',
      layout: null,
      frontMatter: null,
      warnings: [
        { line: 1, message: 'the post has no front matter (--- lines with its title and date)' },
        { line: 1, message: 'the front matter has no title' },
        {
          line: 1,
          message: 'the post has no date: the front matter has none and no file name was given',
        },
      ],
    });
  });

  it('reads empty front matter as no keys', () => {
    expect(fieldsOf(['---', '---', ...BODY].join('\n'), '2024-04-30-april.md').warnings).toEqual([
      { line: 1, message: 'the front matter has no title' },
    ]);
  });
});

describe('parseRoundupMarkdown: broken front matter', () => {
  it.each<[string, string, string, number]>([
    [
      'unterminated',
      ['---', 'title: April', '', '## Tools', '* [A](https://example.com/a)'].join('\n'),
      'line 1: the front matter opened by --- is never closed by a --- line',
      1,
    ],
    [
      'invalid YAML',
      withFrontMatter('title: April', 'date: 2024-04-30', 'tags: [a, b'),
      'line 4: the front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      4,
    ],
    [
      'a nested mapping on one line',
      withFrontMatter('title: Reading: April'),
      'line 2: the front matter is not valid YAML: Nested mappings are not allowed in compact mappings',
      2,
    ],
    [
      'a repeated key',
      withFrontMatter('title: April', 'title: May'),
      'line 3: the front matter is not valid YAML: Map keys must be unique',
      3,
    ],
    [
      'a list',
      withFrontMatter('- title', '- date'),
      'line 2: the front matter must be a mapping of keys to values (such as "title: …"), not a list',
      2,
    ],
    [
      'a plain string',
      withFrontMatter('just some words'),
      'line 2: the front matter must be a mapping of keys to values (such as "title: …"), not a string ("just some words")',
      2,
    ],
  ])('refuses %s, naming the line', (_name, text, message, line) => {
    let thrown: unknown;
    try {
      parseRoundupMarkdown(text);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RoundupParseError);
    expect((thrown as RoundupParseError).message).toBe(message);
    expect((thrown as RoundupParseError).line).toBe(line);
  });

  it('names the file in the message when it has one', () => {
    expect(() =>
      parseRoundupMarkdown('---\ntitle: April\n', { fileName: 'posts/2024-04-30-april.md' })
    ).toThrow(
      new RoundupParseError(
        'the front matter opened by --- is never closed by a --- line',
        1,
        '2024-04-30-april.md'
      )
    );
    expect(() =>
      parseRoundupMarkdown('---\ntitle: April\n', { fileName: 'posts/2024-04-30-april.md' })
    ).toThrow(
      '2024-04-30-april.md, line 1: the front matter opened by --- is never closed by a --- line'
    );
  });
});
