/**
 * Moves of sections in the tree their parents make. The order stays a flat
 * list in reading order (each section right before the sections under it),
 * each with its parent; a move rebuilds that list from the changed tree, so a
 * section always moves with its subsections.
 */
import type { Order, SectionOrder } from './moves';

export interface SectionNode {
  section: SectionOrder;
  children: SectionNode[];
}

/**
 * The order as a tree. A section whose parent is not listed before it (not
 * in this roundup, or a broken chain) stands at the top, so nothing is lost.
 */
export const sectionTree = (order: Order): SectionNode[] => {
  const roots: SectionNode[] = [];
  const seen = new Map<string, SectionNode>();
  for (const section of order) {
    const node: SectionNode = { section, children: [] };
    const parent = section.parent ? seen.get(section.parent) : undefined;
    (parent ? parent.children : roots).push(node);
    seen.set(section.category, node);
  }
  return roots;
};

/** The tree back as the order: reading order, each section with its parent. */
const flatten = (nodes: SectionNode[], parent: string | null = null): Order =>
  nodes.flatMap((node) => [
    { ...node.section, parent },
    ...flatten(node.children, node.section.category),
  ]);

interface Place {
  siblings: SectionNode[];
  index: number;
  parent: SectionNode | null;
  /** The list the parent stands in, and the parent's place in it. */
  above: { siblings: SectionNode[]; index: number } | null;
}

const locate = (
  nodes: SectionNode[],
  category: string,
  parent: SectionNode | null = null,
  above: Place['above'] = null
): Place | null => {
  for (let index = 0; index < nodes.length; index += 1) {
    if (nodes[index].section.category === category) {
      return { siblings: nodes, index, parent, above };
    }
    const found = locate(nodes[index].children, category, nodes[index], {
      siblings: nodes,
      index,
    });
    if (found) return found;
  }
  return null;
};

/** Applies `change` to the tree of `order` at section `category`; the same order when nothing moved. */
const moveIn = (order: Order, category: string, change: (place: Place) => boolean): Order => {
  const tree = sectionTree(order);
  const place = locate(tree, category);
  return place && change(place) ? flatten(tree) : order;
};

/** One step up or down among its siblings, subsections and all. */
export const stepSection = (order: Order, category: string, direction: -1 | 1): Order =>
  moveIn(order, category, ({ siblings, index }) => {
    const target = index + direction;
    if (target < 0 || target >= siblings.length) return false;
    [siblings[index], siblings[target]] = [siblings[target], siblings[index]];
    return true;
  });

/** Makes it the last subsection of the sibling above it. */
export const indentSection = (order: Order, category: string): Order =>
  moveIn(order, category, ({ siblings, index }) => {
    if (index === 0) return false;
    const [node] = siblings.splice(index, 1);
    siblings[index - 1].children.push(node);
    return true;
  });

/** Makes it the sibling right after its parent. */
export const outdentSection = (order: Order, category: string): Order =>
  moveIn(order, category, ({ siblings, index, above }) => {
    if (!above) return false;
    const [node] = siblings.splice(index, 1);
    above.siblings.splice(above.index + 1, 0, node);
    return true;
  });

/** True when `category` is `ancestor` or stands somewhere under it. */
const isWithin = (order: Order, category: string, ancestor: string): boolean => {
  const parentOf = new Map(order.map((s) => [s.category, s.parent ?? null]));
  const seen = new Set<string>();
  for (
    let at: string | null = category;
    at !== null && !seen.has(at);
    at = parentOf.get(at) ?? null
  ) {
    if (at === ancestor) return true;
    seen.add(at);
  }
  return false;
};

/** Drops section `category` just before (or `after`) section `target`, as its sibling. */
export const placeSection = (
  order: Order,
  category: string,
  target: string,
  after: boolean
): Order => {
  if (isWithin(order, target, category)) return order;
  const tree = sectionTree(order);
  const from = locate(tree, category);
  if (!from) return order;
  const [node] = from.siblings.splice(from.index, 1);
  const to = locate(tree, target);
  if (!to) return order;
  to.siblings.splice(to.index + (after ? 1 : 0), 0, node);
  const next = flatten(tree);
  return next.every(
    (s, i) => s.category === order[i].category && s.parent === (order[i].parent ?? null)
  )
    ? order
    : next;
};
