import { nestByParent, parentLoopProblem, type TreeNode } from './section-tree';

/**
 * Order is content: entries keep the place the editor gave them within their
 * section, and sections follow the categories' positions unless the roundup
 * lists its own section order. These functions are the one place that turns
 * stored order into sections and checks a requested new order.
 */

export interface CategoryRef {
  documentId: string;
  name: string;
  slug: string;
  position: number;
  /** The documentId of the section it stands under; null or absent at the top. */
  parent?: string | null;
}

/** A category row (from the database or the Document Service) as order sees it. */
export const toCategoryRef = (row: {
  documentId: string;
  name: string;
  slug: string;
  position?: number | null;
  parent?: { documentId: string } | null;
}): CategoryRef => ({
  documentId: row.documentId,
  name: row.name,
  slug: row.slug,
  position: row.position ?? 0,
  parent: row.parent?.documentId ?? null,
});

/** An entry as order sees it: its id and the documentId of its category. */
export interface Placed {
  documentId: string;
  category: string | null;
}

export interface Section<E> {
  category: CategoryRef | null;
  entries: E[];
}

const byPosition = (a: CategoryRef, b: CategoryRef) =>
  a.position - b.position ||
  a.name.localeCompare(b.name) ||
  a.documentId.localeCompare(b.documentId);

/** Categories in the order a roundup shows them: its own list first, then the rest by position. */
export const orderCategories = (categories: CategoryRef[], override: string[]): CategoryRef[] => {
  const byId = new Map(categories.map((category) => [category.documentId, category]));
  const first: CategoryRef[] = [];
  for (const id of override) {
    const category = byId.get(id);
    if (category && !first.includes(category)) first.push(category);
  }
  const rest = categories.filter((category) => !first.includes(category)).sort(byPosition);
  return [...first, ...rest];
};

/**
 * Groups entries (already in the roundup's order) into sections in section
 * order. Entries whose category no longer exists come last, under `null`.
 */
export const groupIntoSections = <E extends Placed>(
  entries: E[],
  categories: CategoryRef[],
  override: string[],
  { includeEmpty }: { includeEmpty: boolean }
): Section<E>[] => {
  const ordered = orderCategories(categories, override);
  const buckets = new Map<string | null, E[]>(ordered.map((category) => [category.documentId, []]));
  const orphans: E[] = [];
  for (const entry of entries) {
    const bucket = entry.category === null ? undefined : buckets.get(entry.category);
    (bucket ?? orphans).push(entry);
  }
  const sections: Section<E>[] = ordered.map((category) => ({
    category,
    entries: buckets.get(category.documentId) ?? [],
  }));
  if (orphans.length > 0) sections.push({ category: null, entries: orphans });
  return includeEmpty ? sections : sections.filter((section) => section.entries.length > 0);
};

export interface SectionNode<E> extends Section<E> {
  children: SectionNode<E>[];
}

/**
 * Sections (in the roundup's order) as the tree their categories' parents make,
 * siblings in that same order. Without `includeEmpty`, a section shows when it
 * or a section under it has entries.
 */
export const nestSections = <E>(
  sections: Section<E>[],
  { includeEmpty }: { includeEmpty: boolean }
): SectionNode<E>[] => {
  const build = (nodes: TreeNode<Section<E>>[]): SectionNode<E>[] =>
    nodes
      .map((node) => ({ ...node.item, children: build(node.children) }))
      .filter((s) => includeEmpty || s.entries.length > 0 || s.children.length > 0);
  return build(
    nestByParent(
      sections,
      (section) => section.category?.documentId ?? null,
      (section) => section.category?.parent ?? null
    )
  );
};

export interface ReorderRequest {
  /**
   * Sections in reading order. `parent`, when given, is the section this one
   * stands under (null: at the top); the parent is on the shared section, so
   * it nests the section in every roundup.
   */
  sections: { category: string; entries: string[]; parent?: string | null }[];
}

export interface ReorderProblem {
  path: (string | number)[];
  message: string;
}

export interface ReorderPlan {
  /** Every entry of the roundup, in its new order. */
  entries: string[];
  /** Entries whose section (category) changes. */
  moves: { entry: string; category: string }[];
  /** The roundup's own section order, or [] when it matches the categories' positions. */
  sectionOverride: string[];
  /** Sections whose parent changes (null: to the top). */
  parents: { category: string; parent: string | null }[];
}

export interface ReorderContext {
  categories: CategoryRef[];
  /** The roundup's entries, in their current order. */
  current: Placed[];
  /**
   * Requested entries that are not in this roundup: the title of the roundup
   * they belong to, or null for entries still in the inbox.
   */
  elsewhere: Map<string, string | null>;
}

/**
 * Checks a requested order against the roundup as it is and says what to
 * change. It names every problem it finds, so that the editor can fix the
 * request in one go; with any problem nothing is to be changed.
 */
export const planReorder = (
  request: ReorderRequest,
  { categories, current, elsewhere }: ReorderContext
): { plan: ReorderPlan; problems: [] } | { plan: null; problems: ReorderProblem[] } => {
  const problems: ReorderProblem[] = [];
  const knownCategories = new Set(categories.map((c) => c.documentId));
  const currentCategory = new Map(current.map((e) => [e.documentId, e.category]));
  const seenCategories = new Map<string, number>();
  const seenEntries = new Map<string, (string | number)[]>();
  const order: string[] = [];
  const moves: ReorderPlan['moves'] = [];

  request.sections.forEach((section, s) => {
    const at = ['sections', s];
    if (!knownCategories.has(section.category)) {
      problems.push({
        path: [...at, 'category'],
        message: `Unknown category "${section.category}"`,
      });
    } else if (seenCategories.has(section.category)) {
      problems.push({
        path: [...at, 'category'],
        message: `Category "${section.category}" is listed twice (also in sections[${seenCategories.get(section.category)}])`,
      });
    } else {
      seenCategories.set(section.category, s);
    }
    section.entries.forEach((id, e) => {
      const path = [...at, 'entries', e];
      const earlier = seenEntries.get(id);
      if (earlier) {
        problems.push({
          path,
          message: `Entry "${id}" is listed twice (also at ${formatPath(earlier)})`,
        });
        return;
      }
      seenEntries.set(id, path);
      if (!currentCategory.has(id)) {
        if (!elsewhere.has(id)) {
          problems.push({ path, message: `Unknown entry "${id}"` });
        } else {
          const owner = elsewhere.get(id);
          problems.push({
            path,
            message: owner
              ? `Entry "${id}" belongs to another roundup ("${owner}")`
              : `Entry "${id}" is in the inbox, not in this roundup`,
          });
        }
        return;
      }
      order.push(id);
      if (currentCategory.get(id) !== section.category && knownCategories.has(section.category)) {
        moves.push({ entry: id, category: section.category });
      }
    });
  });

  const parents = parentChanges(request, categories, problems);

  for (const entry of current) {
    if (!seenEntries.has(entry.documentId)) {
      problems.push({
        path: ['sections'],
        message: `Entry "${entry.documentId}" of this roundup is missing from the order`,
      });
    }
  }

  if (problems.length > 0) return { plan: null, problems };

  const listed = request.sections.map((section) => section.category);
  const byDefault = orderCategories(
    categories.filter((c) => seenCategories.has(c.documentId)),
    []
  ).map((c) => c.documentId);
  const sectionOverride = listed.every((id, i) => byDefault[i] === id) ? [] : listed;

  return { plan: { entries: order, moves, sectionOverride, parents }, problems: [] };
};

/**
 * The parents a request changes, checked against the tree they make: a parent
 * must be a section, and no section may end up under itself or one of its own
 * subsections.
 */
const parentChanges = (
  request: ReorderRequest,
  categories: CategoryRef[],
  problems: ReorderProblem[]
): ReorderPlan['parents'] => {
  const parentOf = new Map(categories.map((c) => [c.documentId, c.parent ?? null]));
  const asked: { category: string; parent: string | null; path: (string | number)[] }[] = [];
  request.sections.forEach((section, s) => {
    if (section.parent === undefined || !parentOf.has(section.category)) return;
    const path = ['sections', s, 'parent'];
    if (section.parent !== null && !parentOf.has(section.parent)) {
      problems.push({ path, message: `Unknown parent section "${section.parent}"` });
      return;
    }
    asked.push({ category: section.category, parent: section.parent, path });
  });
  for (const { category, parent } of asked) parentOf.set(category, parent);

  const names = new Map(categories.map((c) => [c.documentId, c.name]));
  const tree = new Map(
    [...parentOf].map(([key, parent]) => [key, { name: names.get(key) ?? key, parent }])
  );
  const changes: ReorderPlan['parents'] = [];
  for (const { category, parent, path } of asked) {
    const problem = parentLoopProblem(category, parent, tree);
    if (problem) problems.push({ path, message: `parent ${problem}` });
    const before = categories.find((c) => c.documentId === category)?.parent ?? null;
    if (before !== parent) changes.push({ category, parent });
  }
  return changes;
};

const formatPath = (path: (string | number)[]) =>
  path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
