import slugify from 'slugify';
import { STRING_COLUMN_LENGTH } from './limits';

/** Strapi's own rule for `uid` attributes. */
const SLUG_PATTERN = /^[\w.~-]+$/;

/** Room left in a slug column for the `-2`, `-3`, … that tell equal titles apart. */
const SLUG_BASE_LENGTH = STRING_COLUMN_LENGTH - 10;

/** The slug a title gets when the editor leaves the slug empty (slugify can lengthen text: & → and). */
export const slugFromText = (text: string, fallback: string): string => {
  const slug = slugify(text, { lower: true, strict: true, trim: true }).slice(0, SLUG_BASE_LENGTH);
  let end = slug.length;
  while (end > 0 && slug[end - 1] === '-') end -= 1;
  return slug.slice(0, end) || fallback;
};

/** `base`, then `base-2`, `base-3`, … for the n-th try. */
export const slugCandidate = (base: string, attempt: number): string =>
  attempt < 2 ? base : `${base}-${attempt}`;

/** Why an editor-given slug is unusable, or null when it is fine. */
export const slugProblem = (slug: string): string | null =>
  SLUG_PATTERN.test(slug) ? null : 'may only contain letters, digits and the characters - _ . ~';
