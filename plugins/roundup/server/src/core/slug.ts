import slugify from 'slugify';

/** Strapi's own rule for `uid` attributes. */
const SLUG_PATTERN = /^[\w.~-]+$/;

/** The slug a title gets when the editor leaves the slug empty. */
export const slugFromText = (text: string, fallback: string): string =>
  slugify(text, { lower: true, strict: true, trim: true }) || fallback;

/** `base`, then `base-2`, `base-3`, … for the n-th try. */
export const slugCandidate = (base: string, attempt: number): string =>
  attempt < 2 ? base : `${base}-${attempt}`;

/** Why an editor-given slug is unusable, or null when it is fine. */
export const slugProblem = (slug: string): string | null =>
  SLUG_PATTERN.test(slug)
    ? null
    : 'may only contain letters, digits and the characters - _ . ~';
