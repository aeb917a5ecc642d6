import {
  findDuplicates,
  firstLine,
  roundupStatus,
  urlHost,
} from '../../plugins/roundup/server/src/core/editor';

describe('roundupStatus', () => {
  it.each([
    [{ updatedAt: '2026-07-01T10:00:00Z' }, null, 'draft'],
    [{ updatedAt: '2026-07-01T10:00:00Z' }, { updatedAt: '2026-07-01T10:00:00Z' }, 'published'],
    [{ updatedAt: '2026-07-01T10:00:01Z' }, { updatedAt: '2026-07-01T10:00:00Z' }, 'modified'],
    [null, { updatedAt: '2026-07-01T10:00:00Z' }, 'published'],
  ])('draft %j, published %j → %s', (draft, published, status) => {
    expect(roundupStatus(draft, published)).toBe(status);
  });
});

describe('urlHost', () => {
  it('drops www. and lower-cases; empty for what does not parse', () => {
    expect(urlHost('https://www.Example.COM/a')).toBe('example.com');
    expect(urlHost('https://blog.example.com:8080/a')).toBe('blog.example.com');
    expect(urlHost('not a url')).toBe('');
  });
});

describe('firstLine', () => {
  it.each([
    [null, ''],
    ['', ''],
    ['\n\n  Plain first line.  \nSecond.', 'Plain first line.'],
    [
      '**Bold** and _em_ with `code` and [a link](https://x.test).',
      'Bold and em with code and a link.',
    ],
    ['> Quoted opinion', 'Quoted opinion'],
    ['- a list item', 'a list item'],
    ['---\nafter a rule', 'after a rule'],
    ['# A heading', 'A heading'],
    ['![a diagram](https://x.test/d.png) explained', 'a diagram explained'],
    ['First line\nsecond line of the paragraph', 'First line'],
    ['```js\nconst x = 1;\n```', 'const x = 1;'],
    ['AT&amp;T \\*not emphasis\\*', 'AT&T *not emphasis*'],
    ['[unclosed link](https://x.test', '[unclosed link](https://x.test'],
  ])('%j → %j', (markdown, expected) => {
    expect(firstLine(markdown)).toBe(expected);
  });

  it('gives the same answers when it reads a commentary again, after thousands of others', () => {
    const commentary = (n: number) => `**Link ${n}** is worth it.\nMore about ${n}.`;
    for (let n = 0; n < 3000; n += 1)
      expect(firstLine(commentary(n))).toBe(`Link ${n} is worth it.`);
    for (const n of [0, 1500, 2999])
      expect(firstLine(commentary(n))).toBe(`Link ${n} is worth it.`);
    expect(firstLine('`code`')).toBe('code');
    expect(firstLine('`code`')).toBe('code');
  });

  it('reads only the start of the commentary, whatever follows', () => {
    expect(firstLine(`${'\n'.repeat(3000)}Too far down`)).toBe('');
    expect(firstLine(`Shown. ${'[!['.repeat(500_000)}`)).toMatch(/^Shown\. \[!\[/);
  });

  it('shortens a long line with an ellipsis', () => {
    const line = firstLine('word '.repeat(100));
    expect(line.length).toBeLessThanOrEqual(160);
    expect(line.endsWith('…')).toBe(true);
  });
});

describe('findDuplicates', () => {
  const july = { documentId: 'july', title: 'July' };
  const august = { documentId: 'august', title: 'August' };

  it('names each other roundup once, and ignores the inbox, the link itself and its own roundup', () => {
    const own = [
      { documentId: 'e1', canonicalUrl: 'https://a.test/x', roundup: 'august' },
      { documentId: 'e2', canonicalUrl: 'https://a.test/y', roundup: 'august' },
      { documentId: 'e3', canonicalUrl: null, roundup: 'august' },
    ];
    const candidates = [
      { documentId: 'e1', canonicalUrl: 'https://a.test/x', roundup: august },
      { documentId: 'j1', canonicalUrl: 'https://a.test/x', roundup: july },
      { documentId: 'j2', canonicalUrl: 'https://a.test/x', roundup: july },
      { documentId: 'i1', canonicalUrl: 'https://a.test/y', roundup: null },
      { documentId: 'a9', canonicalUrl: 'https://a.test/y', roundup: august },
    ];
    const found = findDuplicates(own, candidates);
    expect([...found.entries()]).toEqual([['e1', [{ roundup: july, entry: 'j1' }]]]);
  });

  it('flags an inbox link against every roundup that has it', () => {
    const found = findDuplicates(
      [{ documentId: 'i1', canonicalUrl: 'https://a.test/x', roundup: null }],
      [
        { documentId: 'j1', canonicalUrl: 'https://a.test/x', roundup: july },
        { documentId: 'a1', canonicalUrl: 'https://a.test/x', roundup: august },
      ]
    );
    expect(found.get('i1')!.map((d) => d.roundup.title)).toEqual(['July', 'August']);
  });
});
