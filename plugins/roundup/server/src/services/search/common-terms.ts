import { fts5Query } from '../../core/search';
import type { Knex } from '../../utils/database';
import { SEARCH_TABLE } from './engines';

/** The most terms whose counts are kept between two writes of the index. */
const KEPT_TERMS = 10_000;

/** FTS5 keeps its index's structure in the row of this id of its `_data` table. */
const STRUCTURE_ID = 10;

interface Counts {
  /** The index's structure record when the counts were taken. */
  structure: Buffer;
  rows: number;
  terms: Map<string, number>;
}

const first = async <Row>(db: Knex, sql: string, bindings: unknown[] = []) =>
  // better-sqlite3 answers a raw query with its rows.
  ((await db.raw(sql, bindings as never)) as Row[])[0];

/**
 * On SQLite, which terms of a query are in at least half of the index's rows:
 * FTS5's bm25 gives such a term no weight (its idf is clamped to 1e-6), yet
 * learns so only by reading every row that holds it, on every query. A rare
 * word beside two common ones thus cost as much as the archive was large;
 * ranked without the common ones, it costs what its own matches cost.
 *
 * The counts are kept until the index is next written: FTS5 rewrites its
 * structure record with every write, so a write by any instance is noticed by
 * all on their next search. One function per app instance (its own database).
 */
export const commonTermsOf = () => {
  let kept: Counts | undefined;

  return async (db: Knex, terms: string[]): Promise<string[]> => {
    // A single term is ranked by itself whatever its count.
    if (terms.length < 2) return [];
    const found = await first<{ block: Buffer }>(
      db,
      `SELECT block FROM ${SEARCH_TABLE}_data WHERE id = ?`,
      [STRUCTURE_ID]
    );
    if (!found) return [];
    let counts = kept;
    if (!counts || !counts.structure.equals(found.block) || counts.terms.size > KEPT_TERMS) {
      const { n } = await first<{ n: number }>(
        db,
        `SELECT COUNT(*) AS n FROM ${SEARCH_TABLE}_docsize`
      );
      counts = { structure: Buffer.from(found.block), rows: Number(n), terms: new Map() };
      kept = counts;
    }
    const common: string[] = [];
    for (const term of terms) {
      let n = counts.terms.get(term);
      if (n === undefined) {
        n = Number(
          (
            await first<{ n: number }>(
              db,
              `SELECT COUNT(*) AS n FROM ${SEARCH_TABLE} WHERE ${SEARCH_TABLE} MATCH ?`,
              [fts5Query([term])]
            )
          ).n
        );
        counts.terms.set(term, n);
      }
      // bm25's idf, log((rows - n + 0.5) / (n + 0.5)), is 0 or less from here on.
      if (2 * n >= counts.rows) common.push(term);
    }
    return common;
  };
};

export type CommonTerms = ReturnType<typeof commonTermsOf>;
