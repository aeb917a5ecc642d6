import {
  findEntry,
  moveEntry,
  moveSection,
  sameOrder,
  stepEntry,
  stepSection,
  type Order,
} from '../../plugins/roundup/admin/src/editor/moves';

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
    expect(flat(moveSection(order, 'tools', 0)).map((s) => s.split(':')[0])).toEqual([
      'tools',
      'articles',
      'videos',
    ]);
    expect(flat(stepSection(order, 'articles', 1)).map((s) => s.split(':')[0])).toEqual([
      'videos',
      'articles',
      'tools',
    ]);
    expect(stepSection(order, 'articles', -1)).toBe(order);
    expect(stepSection(order, 'tools', 1)).toBe(order);
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
