import { parseRoundupMarkdown } from '../../plugins/roundup/server/src/core/import';
import type { Roundup } from '../../plugins/roundup/server/src/core/model';
import { renderHtml, renderMarkdown, safeMarkdown } from '../../plugins/roundup/server/src/core/render';

/**
 * Input made to find super-linear work: 1 MiB of one pattern, the size limit of
 * an import. A linear path takes tens of milliseconds; a quadratic one, minutes.
 */
const MIB = 1024 * 1024;
const BOUND_MS = 2000;

const repeat = (unit: string) => unit.repeat(Math.floor(MIB / unit.length));
const PATTERNS: [string, string][] = [
  ['[', repeat('[')],
  ['![', repeat('![')],
  ['](', repeat('](')],
  ['](<', repeat('](<')],
  ['*', repeat('*')],
  ['_', repeat('_')],
  ['backticks', repeat('`')],
  ['backtick runs of growing length', Array.from({ length: 1400 }, (_, i) => '`'.repeat(i % 700 + 1) + 'x').join('')],
  ['<', repeat('<')],
  ['<a', repeat('<a')],
  ['<a title="', repeat('<a title="')],
  ['<!--', repeat('<!--')],
  ['(', repeat('(')],
  ['\\', repeat('\\')],
  ['&#', repeat('&#')],
  ['#', repeat('#')],
  ['spaces and tabs', repeat(' \t')],
  ['spaces then a letter', `${repeat(' ')}x`],
  ['by and dashes', `by ${repeat(' -')}x`],
  ['{{', repeat('{{')],
  ['{%', repeat('{%')],
  ['{:', repeat('{:')],
  ['deep nesting', `${'> '.repeat(MIB / 8)}${'['.repeat(MIB / 8)}${'*'.repeat(MIB / 8)}`],
  ['links', repeat('[a](b) ')],
];

const timed = (run: () => unknown): number => {
  const start = performance.now();
  run();
  return performance.now() - start;
};

const post = (body: string) =>
  ['---', 'title: Hostile', 'date: 2024-04-30', '---', '', '## Links', `* [T](https://e.example/) by A<br/>`, `  ${body}`, ''].join('\n');

const roundupWith = (text: string): Roundup => ({
  title: 'Hostile',
  slug: 'hostile',
  date: '2024-04-30',
  excerpt: null,
  intro: text,
  outro: null,
  layout: null,
  frontMatter: null,
  sections: [
    {
      category: { name: 'Links', slug: 'links' },
      entries: [{ title: 'T', url: 'https://e.example/', author: 'A', description: text }],
    },
  ],
});

describe.each(PATTERNS)('1 MiB of %s', (_name, text) => {
  it('imports (parse and dry-run warnings) in linear time', () => {
    expect(timed(() => parseRoundupMarkdown(post(text)))).toBeLessThan(BOUND_MS);
  });

  it('is made safe for the Markdown output in linear time', () => {
    expect(timed(() => safeMarkdown(text))).toBeLessThan(BOUND_MS);
  });

  it('renders as Markdown and HTML in linear time', () => {
    const roundup = roundupWith(text);
    expect(timed(() => renderMarkdown(roundup))).toBeLessThan(BOUND_MS);
    expect(timed(() => renderHtml(roundup))).toBeLessThan(BOUND_MS);
  });
});

it('imports 20,000 list items in linear time', () => {
  const items = Array.from({ length: 20_000 }, (_, i) => `* [T${i}](https://e.example/${i}) by A<br/>\n  C ${i}.`);
  const markdown = ['---', 'title: Many', 'date: 2024-04-30', '---', '', '## Links', ...items, ''].join('\n');
  let parsed: ReturnType<typeof parseRoundupMarkdown> | null = null;
  expect(timed(() => (parsed = parseRoundupMarkdown(markdown)))).toBeLessThan(BOUND_MS * 2);
  expect(parsed!.roundup.sections[0].entries).toHaveLength(20_000);
});
