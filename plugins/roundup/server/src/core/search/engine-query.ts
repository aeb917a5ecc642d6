import { stemPrefix } from './terms';

/**
 * The text each database's full-text engine is given for the sanitised `terms`
 * (see searchTerms): every term is a run of letters and digits, so none carries
 * the engine's syntax; every term must match (AND) on each engine.
 */

/** SQLite FTS5: each term a quoted string, which FTS5 reads as text; porter stems both sides. */
export const fts5Query = (terms: string[]): string => terms.map((term) => `"${term}"`).join(' ');

/** PostgreSQL: the words, for plainto_tsquery, which reads no operators at all. */
export const tsQueryText = (terms: string[]): string => terms.join(' ');

/** MariaDB, boolean mode: every term required, searched by its stem as a prefix (InnoDB has no stemmer). */
export const booleanModeQuery = (terms: string[]): string =>
  terms.map((term) => `+${stemPrefix(term)}*`).join(' ');

/** MariaDB, boolean mode, for weighting: any term, by its stem. */
export const anyTermQuery = (terms: string[]): string =>
  terms.map((term) => `${stemPrefix(term)}*`).join(' ');
