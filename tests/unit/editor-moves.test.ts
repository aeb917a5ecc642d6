import {
  findEntry,
  moveEntry,
  sameOrder,
  stepEntry,
  type Order,
} from '../../plugins/roundup/admin/src/editor/moves';
import {
  indentSection,
  outdentSection,
  placeSection,
  stepSection,
} from '../../plugins/roundup/admin/src/editor/section-moves';

const order: Order = [
  { category: 'articles', entries: ['a1', 'a2', 'a3'] },
  { category: 'videos', entries: ['v1'] },
  { category: 'tools', entries: [] },
];

const flat = (o: Order) => o.map((s) => `${s.category}:${s.entries.join(',')}`);

describe('moveEntry', () => {
  it.each([
    ['a1', 'articles', 3, ['articles:a2,a3,a1', 'videos:v1', 'tools:']],
    ['a1', 'articles', 2, ['articles:a2,a1,a3', 'videos:v1', 'tools:']],
    ['a3', 'articles', 0, ['articles:a3,a1,a2', 'videos:v1', 'tools:']],
    ['a2', 'videos', 0, ['articles:a1,a3', 'videos:a2,v1', 'tools:']],
    ['a2', 'videos', 1, ['articles:a1,a3', 'videos:v1,a2', 'tools:']],
    ['v1', 'tools', 0, ['articles:a1,a2,a3', 'videos:', 'tools:v1']],
    ['v1', 'articles', 99, ['articles:a1,a2,a3,v1', 'videos:', 'tools:']],
  ])('%s to %s at %i', (id, category, index, expected) => {
    expect(flat(moveEntry(order, id, category, index))).toEqual(expected);
  });

  it('returns the same order for a move to where the entry already is, an unknown entry or section', () => {
    expect(moveEntry(order, 'a2', 'articles', 1)).toBe(order);
    expect(moveEntry(order, 'a2', 'articles', 2)).toBe(order);
    expect(moveEntry(order, 'zz', 'articles', 0)).toBe(order);
    expect(moveEntry(order, 'a1', 'nope', 0)).toBe(order);
  });

  it('never changes the order it is given', () => {
    const copy = JSON.parse(JSON.stringify(order));
    moveEntry(order, 'a1', 'videos', 0);
    expect(order).toEqual(copy);
  });
});

describe('stepEntry (keyboard)', () => {
  it('moves within a section and across section edges', () => {
    expect(flat(stepEntry(order, 'a1', 1))).toEqual(['articles:a2,a1,a3', 'videos:v1', 'tools:']);
    expect(flat(stepEntry(order, 'a2', -1))).toEqual(['articles:a2,a1,a3', 'videos:v1', 'tools:']);
    expect(flat(stepEntry(order, 'a3', 1))).toEqual(['articles:a1,a2', 'videos:a3,v1', 'tools:']);
    expect(flat(stepEntry(order, 'v1', -1))).toEqual(['articles:a1,a2,a3,v1', 'videos:', 'tools:']);
    expect(flat(stepEntry(order, 'v1', 1))).toEqual(['articles:a1,a2,a3', 'videos:', 'tools:v1']);
  });

  it('stops at the first and last place', () => {
    expect(stepEntry(order, 'a1', -1)).toBe(order);
    const last: Order = [{ category: 'x', entries: ['e'] }];
    expect(stepEntry(last, 'e', 1)).toBe(last);
  });
});

describe('sections', () => {
  it('moves a section by drag and by keyboard', () => {
    expect(
      flat(placeSection(order, 'tools', 'articles', false)).map((s) => s.split(':')[0])
    ).toEqual(['tools', 'articles', 'videos']);
    expect(flat(stepSection(order, 'articles', 1)).map((s) => s.split(':')[0])).toEqual([
      'videos',
      'articles',
      'tools',
    ]);
    expect(stepSection(order, 'articles', -1)).toBe(order);
    expect(stepSection(order, 'tools', 1)).toBe(order);
  });
});

describe('sections in a tree', () => {
  /** The order as `name<parent` per section, in reading order. */
  const tree = (o: Order) => o.map((s) => (s.parent ? `${s.category}<${s.parent}` : s.category));
  const nested: Order = [
    { category: 'a', entries: [], parent: null },
    { category: 'b', entries: [], parent: 'a' },
    { category: 'c', entries: [], parent: 'b' },
    { category: 'd', entries: [], parent: null },
  ];

  it.each([
    ['indent d under a, after b', indentSection(nested, 'd'), ['a', 'b<a', 'c<b', 'd<a']],
    ['indent c: no sibling above', indentSection(nested, 'c'), ['a', 'b<a', 'c<b', 'd']],
    ['outdent c: right after b', outdentSection(nested, 'c'), ['a', 'b<a', 'c<a', 'd']],
    [
      'outdent b: its subsection moves with it',
      outdentSection(nested, 'b'),
      ['a', 'b', 'c<b', 'd'],
    ],
    ['outdent a: already at the top', outdentSection(nested, 'a'), ['a', 'b<a', 'c<b', 'd']],
    ['step d up: past a and all under it', stepSection(nested, 'd', -1), ['d', 'a', 'b<a', 'c<b']],
    ['step c down: no sibling below', stepSection(nested, 'c', 1), ['a', 'b<a', 'c<b', 'd']],
    [
      'drop d before c: beside it',
      placeSection(nested, 'd', 'c', false),
      ['a', 'b<a', 'd<b', 'c<b'],
    ],
    [
      'drop a after c: under itself',
      placeSection(nested, 'a', 'c', true),
      ['a', 'b<a', 'c<b', 'd'],
    ],
  ])('%s', (_, moved, expected) => {
    expect(tree(moved)).toEqual(expected);
  });

  it('leaves the order itself when nothing moves, and tells parents apart', () => {
    expect(indentSection(nested, 'a')).toBe(nested);
    expect(placeSection(nested, 'a', 'c', true)).toBe(nested);
    expect(sameOrder(nested, indentSection(nested, 'd'))).toBe(false);
  });
});

describe('findEntry and sameOrder', () => {
  it('finds places and compares orders', () => {
    expect(findEntry(order, 'v1')).toEqual({ section: 1, index: 0 });
    expect(findEntry(order, 'zz')).toBeNull();
    expect(sameOrder(order, JSON.parse(JSON.stringify(order)))).toBe(true);
    expect(sameOrder(order, stepEntry(order, 'a1', 1))).toBe(false);
  });
});
