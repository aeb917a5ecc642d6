import type { RoundupSection } from '../model';
import { nestByParent, type TreeNode } from '../section-tree';
import type { WarningLog } from './errors';
import { normaliseSectionName, type DraftSection } from './sections';

/**
 * Sections whose names are the same once normalised become one, under the
 * name and at the place of the first; later entries are appended to it.
 */
export const mergeRepeatedSections = (
  sections: readonly DraftSection[],
  warnings: WarningLog
): DraftSection[] => {
  const merged: DraftSection[] = [];
  const byName = new Map<string, DraftSection>();
  // Each section of the post as the merged section it became, for its subsections' parents.
  const became = new Map<DraftSection, DraftSection>();
  for (const section of sections) {
    const key = normaliseSectionName(section.name);
    const earlier = byName.get(key);
    if (!earlier) {
      const parent = section.parent ? (became.get(section.parent) ?? null) : null;
      const copy = { ...section, entries: [...section.entries], parent };
      byName.set(key, copy);
      became.set(section, copy);
      merged.push(copy);
      continue;
    }
    became.set(section, earlier);
    warnings.add(
      section.line,
      `the section "${section.name}" repeats "${earlier.name}" of line ${earlier.line}; its entries are added there`
    );
    earlier.entries.push(...section.entries);
  }
  return merged;
};

/** A section of the post with the sections under it. */
export type DraftNode = TreeNode<DraftSection>;

/** The merged sections as the tree their headings make, siblings in the post's order. */
export const nestDraftSections = (sections: readonly DraftSection[]): DraftNode[] =>
  nestByParent(
    sections,
    (section) => String(section.id),
    (section) => (section.parent ? String(section.parent.id) : null)
  );

/** The sections of a tree in reading order: each before its subsections. */
export const draftsInOrder = (nodes: readonly DraftNode[]): DraftSection[] =>
  nodes.flatMap((node) => [node.item, ...draftsInOrder(node.children)]);

/** The tree of draft sections as the model's sections, `build` making each one's own part. */
export const modelSections = (
  nodes: readonly DraftNode[],
  build: (section: DraftSection) => Omit<RoundupSection, 'children'>
): RoundupSection[] =>
  nodes.map((node) =>
    // A section without subsections has no `children`, as a flat roundup's sections never had.
    node.children.length > 0
      ? { ...build(node.item), children: modelSections(node.children, build) }
      : build(node.item)
  );
