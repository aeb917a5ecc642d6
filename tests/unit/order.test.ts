import {
  groupIntoSections,
  orderCategories,
  planReorder,
  type CategoryRef,
  type Placed,
} from '../../plugins/roundup/server/src/core/order';
import { orderVersion } from '../../plugins/roundup/server/src/core/order-version';

const category = (documentId: string, position: number): CategoryRef => ({
  documentId,
  name: documentId.toUpperCase(),
  slug: documentId,
  position,
});
const A = category('a', 1);
const B = category('b', 2);
const C = category('c', 3);
const categories = [C, A, B];
const entry = (documentId: string, cat: string | null): Placed => ({ documentId, category: cat });

describe('orderCategories', () => {
  it.each([
    [[], ['a', 'b', 'c']],
    [['c'], ['c', 'a', 'b']],
    [
      ['b', 'a'],
      ['b', 'a', 'c'],
    ],
    [
      ['unknown', 'c', 'c'],
      ['c', 'a', 'b'],
    ],
  ])('with override %j gives %j', (override, expected) => {
    expect(orderCategories(categories, override).map((c) => c.documentId)).toEqual(expected);
  });

  it('breaks position ties by name', () => {
    const tied = [category('z', 1), category('m', 1)];
    expect(orderCategories(tied, []).map((c) => c.documentId)).toEqual(['m', 'z']);
  });
});

describe('groupIntoSections', () => {
  const entries = [
    entry('1', 'b'),
    entry('2', 'a'),
    entry('3', 'b'),
    entry('4', 'gone'),
    entry('5', null),
  ];

  it('keeps entry order within sections and puts sections in category order', () => {
    const sections = groupIntoSections(entries, categories, [], { includeEmpty: false });
    expect(
      sections.map((s) => [s.category?.documentId ?? null, s.entries.map((e) => e.documentId)])
    ).toEqual([
      ['a', ['2']],
      ['b', ['1', '3']],
      [null, ['4', '5']],
    ]);
  });

  it('includes empty sections on request, in the overridden order', () => {
    const sections = groupIntoSections(entries.slice(0, 3), categories, ['c', 'b'], {
      includeEmpty: true,
    });
    expect(sections.map((s) => [s.category?.documentId, s.entries.length])).toEqual([
      ['c', 0],
      ['b', 2],
      ['a', 1],
    ]);
  });
});

describe('orderVersion', () => {
  const base = [entry('1', 'a'), entry('2', 'a')];
  it('is stable for the same order and changes with order, section or section override', () => {
    expect(orderVersion(base, [])).toBe(orderVersion([...base], []));
    expect(orderVersion([base[1], base[0]], [])).not.toBe(orderVersion(base, []));
    expect(orderVersion([entry('1', 'b'), base[1]], [])).not.toBe(orderVersion(base, []));
    expect(orderVersion(base, ['b'])).not.toBe(orderVersion(base, []));
  });

  it('changes when a section moves under another, and stays as it was while none is nested', () => {
    const flat = [category('a', 1), category('b', 2)];
    const nested = [category('a', 1), { ...category('b', 2), parent: 'a' }];
    expect(orderVersion(base, [], flat)).toBe(orderVersion(base, []));
    expect(orderVersion(base, [], nested)).not.toBe(orderVersion(base, [], flat));
    expect(orderVersion(base, [], [nested[1], nested[0]])).toBe(orderVersion(base, [], nested));
    expect(
      orderVersion(base, [], [category('a', 1), { ...category('b', 2), parent: 'c' }])
    ).not.toBe(orderVersion(base, [], nested));
  });
});

describe('planReorder', () => {
  const current = [entry('1', 'a'), entry('2', 'a'), entry('3', 'b')];
  const context = {
    categories,
    current,
    elsewhere: new Map<string, string | null>([
      ['x', 'June roundup'],
      ['inbox', null],
    ]),
  };

  it('plans the new order, the moves and no override when sections follow positions', () => {
    const { plan, problems } = planReorder(
      {
        sections: [
          { category: 'a', entries: ['2'] },
          { category: 'b', entries: ['3', '1'] },
        ],
      },
      context
    );
    expect(problems).toEqual([]);
    expect(plan).toEqual({
      entries: ['2', '3', '1'],
      moves: [{ entry: '1', category: 'b' }],
      sectionOverride: [],
      parents: [],
    });
  });

  describe('parents', () => {
    // b already stands under a; c is at the top.
    const tree = { ...context, categories: [A, { ...B, parent: 'a' }, C] };
    const request = (parents: Record<string, string | null | undefined>) => ({
      sections: [
        { category: 'a', entries: ['1', '2'], parent: parents.a },
        { category: 'b', entries: ['3'], parent: parents.b },
        { category: 'c', entries: [], parent: parents.c },
      ],
    });

    it.each([
      ['c under b, two levels down', { c: 'b' }, [{ category: 'c', parent: 'b' }]],
      ['b back to the top', { b: null }, [{ category: 'b', parent: null }]],
      ['parents as they are: no change', { a: null, b: 'a', c: null }, []],
      ['parents left out: no change', {}, []],
      ['a under c while b stays under a', { a: 'c' }, [{ category: 'a', parent: 'c' }]],
    ])('plans %s', (_, parents, expected) => {
      const { plan, problems } = planReorder(request(parents), tree);
      expect(problems).toEqual([]);
      expect(plan?.parents).toEqual(expected);
    });

    it.each([
      [
        'a section under itself',
        { c: 'c' },
        ['sections', 2, 'parent'],
        /^parent cannot be the section itself: "C" under "C"$/,
      ],
      [
        'a section under its own subsection',
        { a: 'b' },
        ['sections', 0, 'parent'],
        /^parent would make a loop of sections: "A" under "B" under "A"; a section cannot stand under one of its own subsections$/,
      ],
      [
        'a loop of two moves',
        { a: 'c', c: 'b' },
        ['sections', 0, 'parent'],
        /parent would make a loop of sections: "A" under "C" under "B" under "A"/,
      ],
      ['an unknown parent', { c: 'zz' }, ['sections', 2, 'parent'], /Unknown parent section "zz"/],
    ])('refuses %s, naming parent', (_, parents, path, message) => {
      const { plan, problems } = planReorder(request(parents), tree);
      expect(plan).toBeNull();
      expect(problems.map((p) => p.path)).toContainEqual(path);
      expect(problems.map((p) => p.message).join('; ')).toMatch(message);
    });
  });

  it('keeps an override when sections are listed out of position order', () => {
    const { plan } = planReorder(
      {
        sections: [
          { category: 'b', entries: ['3'] },
          { category: 'a', entries: ['1', '2'] },
        ],
      },
      context
    );
    expect(plan?.sectionOverride).toEqual(['b', 'a']);
    expect(plan?.moves).toEqual([]);
  });

  it.each([
    [
      'unknown category',
      [{ category: 'zz', entries: ['1', '2', '3'] }],
      [{ path: ['sections', 0, 'category'], message: 'Unknown category "zz"' }],
    ],
    [
      'category twice',
      [
        { category: 'a', entries: ['1', '2'] },
        { category: 'a', entries: ['3'] },
      ],
      [
        {
          path: ['sections', 1, 'category'],
          message: 'Category "a" is listed twice (also in sections[0])',
        },
      ],
    ],
    [
      'unknown entry',
      [{ category: 'a', entries: ['1', '2', '3', 'nope'] }],
      [{ path: ['sections', 0, 'entries', 3], message: 'Unknown entry "nope"' }],
    ],
    [
      'entry of another roundup',
      [{ category: 'a', entries: ['1', '2', '3', 'x'] }],
      [
        {
          path: ['sections', 0, 'entries', 3],
          message: 'Entry "x" belongs to another roundup ("June roundup")',
        },
      ],
    ],
    [
      'inbox entry',
      [{ category: 'a', entries: ['inbox', '1', '2', '3'] }],
      [
        {
          path: ['sections', 0, 'entries', 0],
          message: 'Entry "inbox" is in the inbox, not in this roundup',
        },
      ],
    ],
    [
      'entry twice',
      [
        { category: 'a', entries: ['1', '2'] },
        { category: 'b', entries: ['3', '2'] },
      ],
      [
        {
          path: ['sections', 1, 'entries', 1],
          message: 'Entry "2" is listed twice (also at sections[0].entries[1])',
        },
      ],
    ],
    [
      'missing entry',
      [{ category: 'a', entries: ['1', '3'] }],
      [{ path: ['sections'], message: 'Entry "2" of this roundup is missing from the order' }],
    ],
  ])('names the problem: %s', (_, sections, problems) => {
    expect(planReorder({ sections }, context)).toEqual({ plan: null, problems });
  });

  it('names every problem at once', () => {
    const { problems } = planReorder(
      { sections: [{ category: 'zz', entries: ['1', 'nope'] }] },
      context
    );
    expect(problems.map((p) => p.message)).toEqual([
      'Unknown category "zz"',
      'Unknown entry "nope"',
      'Entry "2" of this roundup is missing from the order',
      'Entry "3" of this roundup is missing from the order',
    ]);
  });
});
