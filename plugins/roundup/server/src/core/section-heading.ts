import { normaliseSectionName } from './import/sections';
import { FIELD_LIMITS, MARKDOWN_LENGTH, URL_LENGTH } from './limits';
import { httpUrlProblem } from './url';

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

/**
 * A roundup's links on its sections' headings, by category documentId
 * (`### [Approved proposals](https://…)`): the link belongs to this roundup's
 * heading, not to the shared section.
 */
export type SectionLinks = Record<string, string>;

/** Why `value` is no set of heading links, or null. */
export const sectionLinksProblem = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || Array.isArray(value))
    return 'must be an object of section documentIds and URLs';
  for (const [key, url] of Object.entries(value)) {
    const problem = httpUrlProblem(url);
    if (problem) return `"${key.slice(0, 64)}" ${problem}`;
    if ((url as string).length > URL_LENGTH)
      return `"${key.slice(0, 64)}" must be at most ${URL_LENGTH} characters (it has ${(url as string).length})`;
  }
  return null;
};

/** A roundup's notes on its sections (Markdown before their links), by category documentId. */
export type SectionNotes = Record<string, string>;

/** Why `value` is no set of section notes, or null. */
export const sectionNotesProblem = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || Array.isArray(value))
    return 'must be an object of section documentIds and Markdown notes';
  for (const [key, note] of Object.entries(value)) {
    if (typeof note !== 'string') return `"${key.slice(0, 64)}" must be Markdown text`;
    if (note.length > MARKDOWN_LENGTH)
      return `"${key.slice(0, 64)}" must be at most ${MARKDOWN_LENGTH} characters (it has ${note.length})`;
  }
  return null;
};
