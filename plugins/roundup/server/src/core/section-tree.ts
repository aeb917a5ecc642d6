import type { RoundupSection } from './model';

/**
 * Sections form a tree (a section may have a parent section); renderers and the
 * importer walk it in reading order, where a section comes right before its
 * subsections. These are the one place that turns between the two.
 */

/** A section in reading order: `depth` 1 for a top-level section, 2 for one under it… */
export interface PlacedSection {
  section: RoundupSection;
  depth: number;
  /** Its place in the reading order: what `sections[n]` in a problem's path counts. */
  index: number;
}

/** Every section of the tree in reading order: each before its subsections, siblings in order. */
export const sectionsInOrder = (sections: readonly RoundupSection[]): PlacedSection[] => {
  const placed: PlacedSection[] = [];
  const walk = (list: readonly RoundupSection[], depth: number) => {
    for (const section of list) {
      placed.push({ section, depth, index: placed.length });
      walk(section.children ?? [], depth + 1);
    }
  };
  walk(sections, 1);
  return placed;
};

/** The Markdown heading marks of a section at `depth`: `##` at the top, `###` under it, at most `######`. */
export const headingMarks = (depth: number): string => '#'.repeat(Math.min(depth + 1, 6));

/** The HTML heading level of a section at `depth`: 2 at the top, at most 6. */
export const headingLevel = (depth: number): number => Math.min(depth + 1, 6);

/** Something placed under a parent: its own key, and its parent's key or null at the top. */
export interface TreeNode<T> {
  item: T;
  children: TreeNode<T>[];
}

/**
 * Items (in the order siblings should keep) as a tree by `parentOf`. An item
 * whose parent is not among them, or whose parents loop back to it, stays at
 * the top, so that nothing is ever lost to a broken parent chain.
 */
export const nestByParent = <T>(
  items: readonly T[],
  keyOf: (item: T) => string | null,
  parentOf: (item: T) => string | null
): TreeNode<T>[] => {
  const nodes = items.map((item) => ({ item, children: [] as TreeNode<T>[] }));
  const byKey = new Map<string, TreeNode<T>>();
  for (const node of nodes) {
    const key = keyOf(node.item);
    if (key !== null && !byKey.has(key)) byKey.set(key, node);
  }
  const attachedUnder = (node: TreeNode<T>): TreeNode<T> | null => {
    const parentKey = parentOf(node.item);
    const parent = parentKey === null ? undefined : byKey.get(parentKey);
    if (!parent) return null;
    // A parent chain that comes back to this node would hide it: it stays at the top.
    const seen = new Set<TreeNode<T>>([node]);
    for (let at: TreeNode<T> | undefined = parent; at;) {
      if (seen.has(at)) return null;
      seen.add(at);
      const up = parentOf(at.item);
      at = up === null ? undefined : byKey.get(up);
    }
    return parent;
  };
  const roots: TreeNode<T>[] = [];
  for (const node of nodes) (attachedUnder(node)?.children ?? roots).push(node);
  return roots;
};

/** A section as its parent chain needs it: its name, and its parent's key or null at the top. */
export interface SectionLink {
  name: string;
  parent: string | null;
}

/**
 * Why `section` may not stand under `parent`: the parent is the section itself,
 * or the parent's own chain of parents reaches it (A under B under A), which
 * would take both out of every tree. null when the parent may be set (or cleared).
 */
export const parentLoopProblem = (
  section: string,
  parent: string | null,
  sections: ReadonlyMap<string, SectionLink>
): string | null => {
  if (parent === null) return null;
  const name = (key: string) => JSON.stringify(sections.get(key)?.name ?? key);
  if (parent === section)
    return `cannot be the section itself: ${name(section)} under ${name(section)}`;
  const chain = [name(section)];
  const seen = new Set<string>();
  // A loop elsewhere (from data written around these rules) ends the walk without one here.
  for (
    let at: string | null = parent;
    at !== null && !seen.has(at);
    at = sections.get(at)?.parent ?? null
  ) {
    seen.add(at);
    chain.push(name(at));
    if (at === section) {
      return `would make a loop of sections: ${chain.join(' under ')}; a section cannot stand under one of its own subsections`;
    }
  }
  return null;
};
