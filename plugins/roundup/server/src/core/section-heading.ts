import { normaliseSectionName } from './import/sections';
import { FIELD_LIMITS } from './limits';

/**
 * A roundup's own text for its sections' headings, by category documentId:
 * kept where a post's heading differs from the shared section's name only in
 * punctuation or case (`Great!` for the section `Great`).
 */
export type SectionHeadings = Record<string, string>;

/**
 * The heading a roundup shows for a section: its own text while that still
 * names the section (equal once normalised), else the section's name, so a
 * section renamed since does not keep an old heading.
 */
export const sectionHeading = (name: string, own: string | null | undefined): string =>
  own && own !== name && normaliseSectionName(own) === normaliseSectionName(name) ? own : name;

/** Why `value` is no set of section headings, or null. */
export const sectionHeadingsProblem = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || Array.isArray(value))
    return 'must be an object of section documentIds and heading texts';
  for (const [key, text] of Object.entries(value)) {
    if (typeof text !== 'string' || text.trim() === '')
      return `"${key.slice(0, 64)}" must be a heading text`;
    if (text.length > FIELD_LIMITS.category.name)
      return `"${key.slice(0, 64)}" must be at most ${FIELD_LIMITS.category.name} characters (it has ${text.length})`;
  }
  return null;
};
