/**
 * The moves an editor makes on the page, as plain functions of the order:
 * sections (by category) holding entry ids. Drag and drop and the keyboard
 * both end up here, and the result is what the reorder route receives.
 * Sections move in their tree by section-moves.ts.
 */
import type { SectionOrder } from '../../../shared/contracts/editor';

export type { SectionOrder };
export type Order = SectionOrder[];

/** What moving links and sections on the page works on: the order shown, and what to do with a new one. */
export interface Reordering {
  order: Order;
  /** Shows a new order at once, unsaved (while an item is held with the keyboard, say). */
  onPreview: (order: Order) => void;
  /** Saves a new order. */
  onCommit: (order: Order) => void;
}

export interface EntryPlace {
  section: number;
  index: number;
}

/** Where entry `id` is, or null. */
export const findEntry = (order: Order, id: string): EntryPlace | null => {
  for (let section = 0; section < order.length; section += 1) {
    const index = order[section].entries.indexOf(id);
    if (index >= 0) return { section, index };
  }
  return null;
};

/**
 * Moves entry `id` to section `category` at `index` (counted in that section
 * as it is before the move; clamped to its length). Moving into another
 * section changes the entry's section (its category) on save.
 */
export const moveEntry = (order: Order, id: string, category: string, index: number): Order => {
  const from = findEntry(order, id);
  const to = order.findIndex((section) => section.category === category);
  if (!from || to < 0) return order;
  let target = Math.max(0, Math.min(index, order[to].entries.length));
  // Within one section, removing the entry first shifts the later places up by one.
  if (from.section === to && target > from.index) target -= 1;
  if (from.section === to && target === from.index) return order;
  const next = order.map((section) => ({
    ...section,
    entries: section.entries.filter((e) => e !== id),
  }));
  next[to].entries.splice(target, 0, id);
  return next;
};

/**
 * One keyboard step: up or down within the section, and past its first or
 * last place into the end or start of the section above or below.
 */
export const stepEntry = (order: Order, id: string, direction: -1 | 1): Order => {
  const from = findEntry(order, id);
  if (!from) return order;
  const section = order[from.section];
  const index = from.index + direction;
  if (index >= 0 && index < section.entries.length) {
    return moveEntry(order, id, section.category, direction > 0 ? index + 1 : index);
  }
  const neighbour = order[from.section + direction];
  if (!neighbour) return order;
  return moveEntry(order, id, neighbour.category, direction > 0 ? 0 : neighbour.entries.length);
};

/** True when two orders are the same. */
export const sameOrder = (a: Order, b: Order): boolean =>
  a.length === b.length &&
  a.every(
    (section, i) =>
      section.category === b[i].category &&
      (section.parent ?? null) === (b[i].parent ?? null) &&
      section.entries.length === b[i].entries.length &&
      section.entries.every((id, j) => id === b[i].entries[j])
  );
