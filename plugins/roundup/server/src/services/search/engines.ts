import { anyTermQuery, booleanModeQuery, fts5Query, tsQueryText } from '../../core/search';
import type { Knex } from '../../utils/database';

/** The plugin's full-text index: one row per link, made from its text (services/search/search-index). */
export const SEARCH_TABLE = 'roundup_search';

/**
 * The index's shape; a stored index of another version (or language) is made anew at startup.
 * 2: the commentary column also holds a link's `textAfter`.
 */
export const SEARCH_SCHEMA_VERSION = 2;

/** One link as the index holds it: the words of its title, author, commentary (with the items after it) and host. */
export interface IndexRow {
  entryId: number;
  title: string;
  author: string;
  description: string;
  host: string;
}

/** SQL selecting `entry_id` and `score` (higher is more relevant) of the rows matching some terms. */
export interface MatchSql {
  sql: string;
  bindings: string[];
}

/** What differs between SQLite FTS5, PostgreSQL and MariaDB: the table, its writes, its match. */
export interface SearchEngine {
  /** The index's key column: the link's id. */
  idColumn: string;
  /** Words shorter than this are not in the index (MariaDB's innodb_ft_min_token_size). */
  minTermLength: number;
  create(db: Knex): Promise<void>;
  /** Writes `rows`, replacing any row of the same link. */
  write(db: Knex, rows: IndexRow[]): Promise<void>;
  /**
   * Whether the engine's ranking gives no weight to a term in half the rows or
   * more, yet reads all of them to learn so (SQLite: services/search/common-terms).
   */
  weighsCommonTermsAtFullCost?: boolean;
  /** The rows matching every term of `terms`, ranked by all but `unranked` (common terms, see above). */
  matches(terms: string[], unranked?: string[]): MatchSql;
}

const columns = (row: IndexRow) => ({
  title: row.title,
  author: row.author,
  description: row.description,
  host: row.host,
});

/** Writes rows into a table keyed by `entry_id`, replacing any row of the same link (PostgreSQL, MariaDB). */
const upsert = async (db: Knex, rows: IndexRow[]) => {
  if (rows.length === 0) return;
  await db(SEARCH_TABLE)
    .insert(rows.map((row) => ({ entry_id: row.entryId, ...columns(row) })))
    .onConflict('entry_id')
    .merge();
};

/** SQLite: an FTS5 table whose rowid is the link's id; porter stems English words. */
const sqlite: SearchEngine = {
  idColumn: 'rowid',
  minTermLength: 1,
  async create(db) {
    await db.raw(
      `CREATE VIRTUAL TABLE IF NOT EXISTS ${SEARCH_TABLE} USING fts5(` +
        `title, author, description, host, tokenize = 'porter unicode61 remove_diacritics 2')`
    );
  },
  async write(db, rows) {
    if (rows.length === 0) return;
    // FTS5 tables have no upsert: the old row goes first.
    const ids = rows.map((row) => row.entryId);
    await db(SEARCH_TABLE).whereIn('rowid', ids).delete();
    await db(SEARCH_TABLE).insert(rows.map((row) => ({ rowid: row.entryId, ...columns(row) })));
  },
  weighsCommonTermsAtFullCost: true,
  matches: (terms, unranked = []) => {
    // bm25 is lower for better matches; a title match weighs most, then author and host.
    const select =
      `SELECT rowid AS entry_id, -bm25(${SEARCH_TABLE}, 10.0, 4.0, 1.0, 4.0) AS score ` +
      `FROM ${SEARCH_TABLE} WHERE ${SEARCH_TABLE} MATCH ?`;
    const ranked = terms.filter((term) => !unranked.includes(term));
    if (ranked.length === terms.length || ranked.length === 0) {
      return { sql: select, bindings: [fts5Query(terms)] };
    }
    // bm25 of the ranked terms alone, over the rows matching all terms; `+rowid` keeps SQLite
    // from seeking each of those rows in the index anew, which costs more than the list.
    return {
      sql:
        `${select} AND +rowid IN ` +
        `(SELECT rowid FROM ${SEARCH_TABLE} WHERE ${SEARCH_TABLE} MATCH ?)`,
      bindings: [fts5Query(ranked), fts5Query(terms)],
    };
  },
};

/** PostgreSQL: a generated tsvector (title A, author and host B, commentary D) with a GIN index. */
const postgres = (language: string): SearchEngine => {
  // `language` is checked against pg_ts_config before the table is made, and by the config's pattern.
  const config = `'${language}'::regconfig`;
  const vector = (column: string, weight: string) =>
    `setweight(to_tsvector(${config}, ${column}), '${weight}')`;
  return {
    idColumn: 'entry_id',
    minTermLength: 1,
    async create(db) {
      const known = await db.raw('SELECT 1 FROM pg_ts_config WHERE cfgname = ?', [language]);
      if (known.rows.length === 0) {
        throw new Error(
          `roundup: search.language "${language}" is not a PostgreSQL text search configuration (see pg_ts_config)`
        );
      }
      await db.raw(
        `CREATE TABLE IF NOT EXISTS ${SEARCH_TABLE} (` +
          `entry_id integer PRIMARY KEY, title text NOT NULL, author text NOT NULL, ` +
          `description text NOT NULL, host text NOT NULL, document tsvector GENERATED ALWAYS AS (` +
          `${vector('title', 'A')} || ${vector('author', 'B')} || ${vector('host', 'B')} || ` +
          `${vector('description', 'D')}) STORED)`
      );
      await db.raw(
        `CREATE INDEX IF NOT EXISTS ${SEARCH_TABLE}_document_idx ON ${SEARCH_TABLE} USING GIN (document)`
      );
    },
    write: upsert,
    matches: (terms) => ({
      sql:
        `SELECT entry_id, ts_rank(document, query) AS score ` +
        `FROM ${SEARCH_TABLE}, plainto_tsquery(${config}, ?) query WHERE document @@ query`,
      bindings: [tsQueryText(terms)],
    }),
  };
};

/** MariaDB and MySQL: an InnoDB table with a FULLTEXT index, searched in boolean mode. */
const mysql: SearchEngine = {
  idColumn: 'entry_id',
  minTermLength: 3,
  async create(db) {
    await db.raw(
      `CREATE TABLE IF NOT EXISTS ${SEARCH_TABLE} (` +
        `entry_id INT NOT NULL PRIMARY KEY, title TEXT NOT NULL, author TEXT NOT NULL, ` +
        `description MEDIUMTEXT NOT NULL, host TEXT NOT NULL, ` +
        `FULLTEXT KEY ${SEARCH_TABLE}_text_ft (title, author, description, host), ` +
        `FULLTEXT KEY ${SEARCH_TABLE}_title_ft (title)` +
        `) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`
    );
  },
  write: upsert,
  matches: (terms) => {
    const all = booleanModeQuery(terms);
    const text = 'MATCH(title, author, description, host) AGAINST (? IN BOOLEAN MODE)';
    return {
      // Terms found in the title count four times over, as the other engines weigh titles.
      sql:
        `SELECT entry_id, MATCH(title) AGAINST (? IN BOOLEAN MODE) * 4 + ${text} AS score ` +
        `FROM ${SEARCH_TABLE} WHERE ${text}`,
      bindings: [anyTermQuery(terms), all, all],
    };
  },
};

/** The engine of the app's database. */
export const engineFor = (client: string, language: string): SearchEngine => {
  if (client === 'sqlite') return sqlite;
  if (client === 'postgres') return postgres(language);
  if (client === 'mysql') return mysql;
  throw new Error(`roundup: search has no engine for the database client "${client}"`);
};
