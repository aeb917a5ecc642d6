import {
  booleanModeQuery,
  fts5Query,
  hostWords,
  makeSnippet,
  searchTerms,
  stemPrefix,
  tsQueryText,
} from '../../plugins/roundup/server/src/core/search';
import { SEARCH_MAX_TERMS } from '../../plugins/roundup/server/src/core/limits';

describe('searchTerms: what a query string searches for', () => {
  it.each([
    ['plain words, lower-cased', 'Lock-free Queues', ['lock', 'free', 'queues']],
    ['quotes, unbalanced or not', '"ring buffer', ['ring', 'buffer']],
    [
      'FTS5 and boolean-mode operators',
      'a* -b +c ~d <e> NEAR(f g, 2)',
      ['b', 'c', 'd', 'e', 'near', 'f', 'g', '2'],
    ],
    ['column filters and colons', 'title:memory', ['title', 'memory']],
    ['SQL', "x'; DROP TABLE t; --", ['x', 'drop', 'table', 't']],
    ['LIKE wildcards and backslashes', '%_\\ memory', ['memory']],
    ['stopwords left out', 'the art of the deal', ['art', 'deal']],
    ['repeats once', 'rust Rust RUST', ['rust']],
    ['emoji are no words', '🦀 🦀', []],
    ['CJK runs are words', '検索エンジン 東京', ['検索エンジン', '東京']],
    ['accented words as written', 'Café crème', ['café', 'crème']],
    ['nothing searchable', '*** "" ()', []],
  ])('%s', (_name, q, terms) => {
    expect(searchTerms(q)).toEqual(terms);
  });

  it('leaves out words shorter than the index holds (MariaDB: 3)', () => {
    expect(searchTerms('go to ai land', { minLength: 3 })).toEqual(['land']);
  });

  it(`searches at most ${SEARCH_MAX_TERMS} words`, () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`);
    expect(searchTerms(words.join(' '))).toEqual(words.slice(0, SEARCH_MAX_TERMS));
  });
});

describe('engine queries: every term as text, all required', () => {
  const terms = ['lock', 'queues'];
  it('FTS5 quotes each term', () => expect(fts5Query(terms)).toBe('"lock" "queues"'));
  it('PostgreSQL gets the words for plainto_tsquery', () =>
    expect(tsQueryText(terms)).toBe('lock queues'));
  it('MariaDB requires each stem as a prefix', () =>
    expect(booleanModeQuery(terms)).toBe('+lock* +queu*'));
});

describe('stemPrefix: what an English word begins with', () => {
  it.each([
    ['queues', 'queu'],
    ['queued', 'queu'],
    ['libraries', 'librar'],
    ['running', 'runn'],
    ['links', 'link'],
    ['bus', 'bus'],
    ['is', 'is'],
    ['memory', 'memory'],
  ])('%s → %s', (word, prefix) => expect(stemPrefix(word)).toBe(prefix));
});

describe('hostWords: the words of a link host', () => {
  it.each([
    ['https://blog.example.com/a?b', 'blog example com'],
    ['http://127.0.0.1:8080/', '127 0 0 1'],
    ['not a url', ''],
    [null, ''],
  ])('%s', (url, words) => expect(hostWords(url)).toBe(words));
});

describe('makeSnippet: the text around the match, marked and escaped', () => {
  const link = (description: string | null, title = 'A title', author: string | null = null) => ({
    title,
    author,
    description,
  });

  it.each([
    [
      'marks matched words in the commentary',
      link('Why lock-free queues are hard.'),
      ['queue'],
      'Why lock-free queues are hard.',
      'Why lock-free <mark>queues</mark> are hard.',
    ],
    [
      'escapes everything but the marks',
      link('<script>alert("queue")</script> & more'),
      ['queue'],
      '<script>alert("queue")</script> & more',
      '&lt;script&gt;alert(&quot;<mark>queue</mark>&quot;)&lt;/script&gt; &amp; more',
    ],
    [
      'takes the title when only the title matches',
      link('Nothing here.', 'Queues <em>in</em> practice'),
      ['queues'],
      'Queues <em>in</em> practice',
      '<mark>Queues</mark> &lt;em&gt;in&lt;/em&gt; practice',
    ],
    [
      'takes the list items after the link when only they match',
      { ...link('Nothing here.'), textAfter: '- Slides\n- Queue notes from the meetup' },
      ['queue'],
      '- Slides - Queue notes from the meetup',
      '- Slides - <mark>Queue</mark> notes from the meetup',
    ],
    [
      'prefers the commentary to the items after the link',
      { ...link('Queues, again.'), textAfter: '- More queues' },
      ['queue'],
      'Queues, again.',
      '<mark>Queues</mark>, again.',
    ],
    [
      'takes the author when only the author matches',
      link(null, 'Title', 'Ada Lovelace'),
      ['lovelace'],
      'Ada Lovelace',
      'Ada <mark>Lovelace</mark>',
    ],
    [
      'shows the commentary unmarked when the match was the host',
      link('Plain text.'),
      ['example'],
      'Plain text.',
      'Plain text.',
    ],
    [
      'marks CJK words',
      link('東京 の 本屋'),
      ['東京'],
      '東京 の 本屋',
      '<mark>東京</mark> の 本屋',
    ],
  ])('%s', (_name, fields, terms, snippet, snippetHtml) => {
    expect(makeSnippet(fields, terms)).toEqual({ snippet, snippetHtml });
  });

  it('cuts long commentary around the first match, at word boundaries', () => {
    const description = `${'lorem ipsum '.repeat(40)}the zymurgy part ${'dolor sit '.repeat(40)}`;
    const { snippet, snippetHtml } = makeSnippet(link(description), ['zymurgy']);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(162);
    expect(snippet).toContain('the zymurgy part');
    expect(snippet).toMatch(/^…(lorem|ipsum) /);
    expect(snippetHtml).toContain('the <mark>zymurgy</mark> part');
  });

  it('never splits an emoji at the cut', () => {
    const { snippet } = makeSnippet(link(`zymurgy ${'🦀'.repeat(200)}`), ['zymurgy']);
    expect(snippet).toMatch(/^zymurgy 🦀+…$/u);
  });
});
