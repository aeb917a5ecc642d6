import type { RoundupSection } from '../../plugins/roundup/server/src/core/model';
import {
  groupIntoSections,
  nestSections,
  type CategoryRef,
} from '../../plugins/roundup/server/src/core/order';
import {
  headingMarks,
  nestByParent,
  parentLoopProblem,
  sectionsInOrder,
  type SectionLink,
} from '../../plugins/roundup/server/src/core/section-tree';

const category = (documentId: string, position: number, parent: string | null = null) => ({
  documentId,
  name: documentId.toUpperCase(),
  slug: documentId,
  position,
  parent,
});

/** A tree as `name(child, child…)` text, to compare at a glance. */
const shape = (sections: { category: CategoryRef | null; children: any[] }[]): string =>
  sections
    .map(
      (s) =>
        (s.category?.documentId ?? 'other') +
        (s.children.length > 0 ? `(${shape(s.children)})` : '')
    )
    .join(' ');

describe('nestByParent', () => {
  const items = (pairs: [string, string | null][]) => pairs;
  it.each([
    [
      'flat',
      items([
        ['a', null],
        ['b', null],
      ]),
      'a b',
    ],
    [
      'a child after its parent',
      items([
        ['a', null],
        ['b', 'a'],
        ['c', null],
      ]),
      'a(b) c',
    ],
    [
      'a child before its parent',
      items([
        ['b', 'a'],
        ['a', null],
      ]),
      'a(b)',
    ],
    [
      'four levels',
      items([
        ['a', null],
        ['b', 'a'],
        ['c', 'b'],
        ['d', 'c'],
      ]),
      'a(b(c(d)))',
    ],
    [
      'siblings keep their order',
      items([
        ['p', null],
        ['z', 'p'],
        ['y', 'p'],
      ]),
      'p(z y)',
    ],
    [
      'a parent not among them',
      items([
        ['b', 'gone'],
        ['a', null],
      ]),
      'b a',
    ],
    [
      'a loop stays at the top',
      items([
        ['a', 'b'],
        ['b', 'a'],
        ['c', 'a'],
      ]),
      'a b c',
    ],
    ['its own parent', items([['a', 'a']]), 'a'],
  ])('%s', (_name, pairs, expected) => {
    const tree = nestByParent(
      pairs,
      ([key]) => key,
      ([, parent]) => parent
    );
    const text = (nodes: typeof tree): string =>
      nodes
        .map((n) => n.item[0] + (n.children.length > 0 ? `(${text(n.children)})` : ''))
        .join(' ');
    expect(text(tree)).toBe(expected);
  });
});

describe('nestSections', () => {
  const categories = [
    category('news', 1),
    category('official', 2, 'news'),
    category('tooling', 3, 'news'),
    category('crates', 4, 'tooling'),
    category('videos', 5),
  ];
  const entries = (...pairs: [string, string | null][]) =>
    pairs.map(([documentId, cat]) => ({ documentId, category: cat }));

  it.each([
    [
      'links in every section',
      entries(['1', 'news'], ['2', 'official'], ['3', 'crates'], ['4', 'videos']),
      [],
      'news(official tooling(crates)) videos',
    ],
    [
      'a parent with no links of its own shows for its children',
      entries(['1', 'crates']),
      [],
      'news(tooling(crates))',
    ],
    [
      "a roundup's own order orders siblings",
      entries(['1', 'official'], ['2', 'tooling'], ['3', 'videos']),
      ['videos', 'tooling', 'news'],
      'videos news(tooling official)',
    ],
    [
      'links without a section come last',
      entries(['1', null], ['2', 'official']),
      [],
      'news(official) other',
    ],
  ])('%s', (_name, placed, override, expected) => {
    const sections = groupIntoSections(placed, categories, override, { includeEmpty: true });
    expect(shape(nestSections(sections, { includeEmpty: false }))).toBe(expected);
  });

  it('keeps empty sections for the editor', () => {
    const sections = groupIntoSections([], categories, [], { includeEmpty: true });
    expect(shape(nestSections(sections, { includeEmpty: true }))).toBe(
      'news(official tooling(crates)) videos'
    );
  });

  it('gives a flat roundup the order and sections it always had', () => {
    const flat = [category('a', 3), category('b', 1), category('c', 2)];
    const placed = entries(['1', 'a'], ['2', 'c'], ['3', 'b']);
    const before = groupIntoSections(placed, flat, ['c'], { includeEmpty: false });
    const nested = nestSections(groupIntoSections(placed, flat, ['c'], { includeEmpty: true }), {
      includeEmpty: false,
    });
    expect(nested.map((s) => s.category?.documentId)).toEqual(
      before.map((s) => s.category?.documentId)
    );
    expect(nested.every((s) => s.children.length === 0)).toBe(true);
  });
});

describe('sectionsInOrder', () => {
  const section = (name: string, children?: RoundupSection[]): RoundupSection => ({
    category: { name, slug: name },
    entries: [],
    ...(children ? { children } : {}),
  });
  it('walks each section before its subsections, with their depths', () => {
    const tree = [
      section('a', [section('b', [section('c', [section('d')])]), section('e')]),
      section('f'),
    ];
    expect(
      sectionsInOrder(tree).map(({ section: s, depth, index }) => [s.category?.name, depth, index])
    ).toEqual([
      ['a', 1, 0],
      ['b', 2, 1],
      ['c', 3, 2],
      ['d', 4, 3],
      ['e', 2, 4],
      ['f', 1, 5],
    ]);
  });

  it.each([
    [1, '##'],
    [2, '###'],
    [3, '####'],
    [4, '#####'],
    [5, '######'],
    [9, '######'],
  ])('a section at depth %d has the heading %s', (depth, marks) => {
    expect(headingMarks(depth)).toBe(marks);
  });
});

describe('parentLoopProblem', () => {
  // News has Official under it, and Tooling under Official; Videos stands alone.
  const sections = new Map<string, SectionLink>([
    ['news', { name: 'News', parent: null }],
    ['official', { name: 'Official', parent: 'news' }],
    ['tooling', { name: 'Tooling', parent: 'official' }],
    ['videos', { name: 'Videos', parent: null }],
    // A loop already stored (written around the rules) that does not involve the section moved.
    ['x', { name: 'X', parent: 'y' }],
    ['y', { name: 'Y', parent: 'x' }],
  ]);
  it.each<[string, string, string | null, string | null]>([
    ['to the top', 'tooling', null, null],
    ['under a section alone', 'news', 'videos', null],
    ['a subsection under another branch', 'tooling', 'videos', null],
    ['deeper under its own ancestor', 'tooling', 'news', null],
    ['under a section whose parents loop elsewhere', 'videos', 'x', null],
    ['under a parent not stored', 'videos', 'unknown', null],
    ['under itself', 'news', 'news', 'cannot be the section itself: "News" under "News"'],
    [
      'under its own child (A under B under A)',
      'news',
      'official',
      'would make a loop of sections: "News" under "Official" under "News"; a section cannot stand under one of its own subsections',
    ],
    [
      'under its grandchild',
      'news',
      'tooling',
      'would make a loop of sections: "News" under "Tooling" under "Official" under "News"; a section cannot stand under one of its own subsections',
    ],
  ])('%s', (_name, section, parent, problem) => {
    expect(parentLoopProblem(section, parent, sections)).toBe(problem);
  });
});
