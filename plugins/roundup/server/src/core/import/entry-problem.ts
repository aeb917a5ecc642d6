import { canonicalLengthProblem, canonicalUrl } from '../canonical-url';
import { FIELD_LIMITS, lengthProblem } from '../limits';
import type { RoundupEntry } from '../model';
import { httpUrlProblem } from '../url';

/** Why an entry cannot be stored as a link, named by its field; a post's entry with one is kept as text. */
export interface EntryProblem {
  field: 'title' | 'url' | 'author';
  message: string;
}

/**
 * The first reason the Document Service would refuse `entry` as a link: a
 * title, URL or author over its limit (measured before anything reads it), a
 * URL that is not absolute http(s), or one too long once written out in full.
 */
export const entryProblem = (entry: Omit<RoundupEntry, 'description'>): EntryProblem | null => {
  for (const field of ['title', 'url', 'author'] as const) {
    const message = lengthProblem(entry[field], FIELD_LIMITS.entry[field]);
    if (message) return { field, message };
  }
  const invalid = httpUrlProblem(entry.url);
  if (invalid) return { field: 'url', message: invalid };
  const canonical = canonicalUrl(entry.url);
  const message =
    canonical === null ? 'must be an absolute http(s) URL' : canonicalLengthProblem(canonical);
  return message ? { field: 'url', message } : null;
};
