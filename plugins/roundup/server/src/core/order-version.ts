import { createHash } from 'node:crypto';
import type { CategoryRef, Placed } from './order';

/**
 * A short fingerprint of a roundup's order; it changes whenever the order does,
 * nesting included: which section stands under which (`categories`' parents).
 * A roundup whose sections are all at the top keeps the fingerprint it had
 * before sections could nest.
 */
export const orderVersion = (
  entries: Placed[],
  override: string[],
  categories: CategoryRef[] = []
): string => {
  const nesting = categories
    .filter((category) => category.parent)
    .map((category) => [category.documentId, category.parent])
    .sort(([a], [b]) => String(a).localeCompare(String(b)));
  return createHash('sha256')
    .update(
      JSON.stringify({
        entries: entries.map((e) => [e.documentId, e.category]),
        override,
        ...(nesting.length ? { nesting } : {}),
      })
    )
    .digest('base64url')
    .slice(0, 22);
};
