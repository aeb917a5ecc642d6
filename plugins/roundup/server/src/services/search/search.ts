import type { Core } from '@strapi/strapi';
import { paginate, pageWindow, type Pagination } from '../../core/pagination';
import { makeSnippet, searchTerms } from '../../core/search';
import type { EntryRow } from '../../content-types/rows';
import { ENTRY_UID, ROUNDUP_UID } from '../../uids';
import { joinTableOf, type Knex } from '../../utils/database';
import { getPluginService } from '../../utils/get-service';
import { commonTermsOf } from './common-terms';

/** One link found by GET /api/roundup/search. */
export interface SearchHit {
  /** The link as the read API shows it: `textAfter` only when it has one. */
  link: Pick<EntryRow, 'title' | 'url' | 'author' | 'description'> & { textAfter?: string };
  /** The published roundups showing the link, newest first. */
  roundups: { title: string; slug: string; date: string }[];
  snippet: string;
  snippetHtml: string;
}

/** The most links an editor's search narrows a list to (the inbox, link health); far more than a page. */
export const EDITOR_MATCH_LIMIT = 2_000;

type LinkRow = Pick<EntryRow, 'id' | 'title' | 'url' | 'author' | 'description'> & {
  text_after: string | null;
};

/**
 * Searches the full-text index. Readers see a link only while a published
 * roundup shows it, read from the roundups at the moment of the search, so an
 * unpublish hides its links at once on every instance; editors see every link.
 */
const search = ({ strapi }: { strapi: Core.Strapi }) => {
  const engine = () => getPluginService(strapi, 'search-index').engine();
  const knex = (): Knex => strapi.db.connection;

  /** SQL true when a published roundup shows the link `m.entry_id`, and the newest such roundup's date. */
  const shown = () => {
    const join = joinTableOf(strapi, ENTRY_UID, 'roundup');
    const roundups = strapi.db.metadata.get(ROUNDUP_UID).tableName;
    const from =
      `FROM ${join.name} l JOIN ${roundups} r ON r.id = l.${join.inverseJoinColumn.name} ` +
      `WHERE l.${join.joinColumn.name} = m.entry_id AND r.published_at IS NOT NULL`;
    return { exists: `EXISTS (SELECT 1 ${from})`, date: `(SELECT MAX(r.date) ${from})` };
  };

  const terms = (q: string) => searchTerms(q, { minLength: engine().minTermLength });
  const commonTerms = commonTermsOf();
  /** The engine's SQL for the rows matching every word of `words`. */
  const matchOf = async (words: string[]) => {
    const chosen = engine();
    const unranked = chosen.weighsCommonTermsAtFullCost ? await commonTerms(knex(), words) : [];
    return chosen.matches(words, unranked);
  };

  return {
    /** One page of the published links matching `q`, most relevant first, then newest. */
    async published({ q, page, pageSize }: { q: string; page: number; pageSize: number }) {
      const words = terms(q);
      if (words.length === 0) return { results: [], pagination: paginate(page, pageSize, 0) };
      const match = await matchOf(words);
      const { exists, date } = shown();
      const { offset, limit } = pageWindow(page, pageSize);
      const entries = strapi.db.metadata.get(ENTRY_UID).tableName;
      // One statement reads the page, its links and how many match in all.
      const rows = rowsOf<LinkRow & { total: unknown }>(
        await knex().raw(
          `SELECT e.id, e.title, e.url, e.author, e.description, e.text_after, ` +
            `COUNT(*) OVER () AS total ` +
            `FROM (${match.sql}) m JOIN ${entries} e ON e.id = m.entry_id WHERE ${exists} ` +
            `ORDER BY m.score DESC, ${date} DESC, m.entry_id DESC LIMIT ? OFFSET ?`,
          [...match.bindings, limit, offset]
        )
      );
      // Past the last page no row carries the count.
      const total = rows.length
        ? Number(rows[0].total)
        : Number(
            rowsOf<{ total: unknown }>(
              await knex().raw(
                `SELECT COUNT(*) AS total FROM (${match.sql}) m WHERE ${exists}`,
                match.bindings
              )
            )[0]?.total ?? 0
          );
      return {
        results: await this.hits(rows, words),
        pagination: paginate(page, pageSize, total) as Pagination,
      };
    },

    /** The links `links` as hits, in that order, with the published roundups showing them. */
    async hits(links: LinkRow[], words: string[]): Promise<SearchHit[]> {
      if (links.length === 0) return [];
      const join = joinTableOf(strapi, ENTRY_UID, 'roundup');
      const roundups = strapi.db.metadata.get(ROUNDUP_UID).tableName;
      const shownIn = rowsOf<{ entry_id: number; title: string; slug: string; date: unknown }>(
        await knex().raw(
          `SELECT l.${join.joinColumn.name} AS entry_id, r.title, r.slug, r.date ` +
            `FROM ${join.name} l JOIN ${roundups} r ON r.id = l.${join.inverseJoinColumn.name} ` +
            `WHERE r.published_at IS NOT NULL AND l.${join.joinColumn.name} IN (${links.map(() => '?').join(', ')}) ` +
            `ORDER BY r.date DESC, r.id DESC`,
          links.map((link) => link.id)
        )
      );
      return links.map((link) => {
        const author = link.author ?? null;
        const description = link.description ?? null;
        const textAfter = link.text_after ?? null;
        return {
          link: {
            title: link.title,
            url: link.url,
            author,
            description,
            ...(textAfter ? { textAfter } : {}),
          },
          roundups: shownIn
            .filter((row) => Number(row.entry_id) === Number(link.id))
            .map((row) => ({ title: row.title, slug: row.slug, date: dayOf(row.date) })),
          ...makeSnippet({ title: link.title, author, description, textAfter }, words),
        };
      });
    },

    /**
     * The ids of every link matching `q`, drafts and the inbox included (only
     * the inbox with `inInbox`), most relevant first, at most EDITOR_MATCH_LIMIT.
     */
    async editorMatches(q: string, { inInbox }: { inInbox?: boolean } = {}): Promise<number[]> {
      const words = terms(q);
      // A word too short for the index (MariaDB) would widen the match: the URL match alone answers then.
      if (words.length === 0 || words.length < searchTerms(q).length) return [];
      const match = await matchOf(words);
      const entries = strapi.db.metadata.get(ENTRY_UID).tableName;
      // better-sqlite3 binds no booleans; Strapi stores them there as 1 and 0.
      const yes = strapi.db.dialect.client === 'sqlite' ? 1 : true;
      const inbox = inInbox ? `JOIN ${entries} e ON e.id = m.entry_id WHERE e.in_inbox = ? ` : '';
      const found = await knex().raw(
        `SELECT m.entry_id AS entry_id FROM (${match.sql}) m ${inbox}` +
          `ORDER BY m.score DESC, m.entry_id DESC LIMIT ?`,
        [...match.bindings, ...(inInbox ? [yes] : []), EDITOR_MATCH_LIMIT]
      );
      return rowsOf<{ entry_id: number }>(found).map((row) => Number(row.entry_id));
    },
  };
};

/** A date column's value as YYYY-MM-DD: drivers that parse DATE give a Date at local midnight. */
const dayOf = (value: unknown): string => {
  if (!(value instanceof Date)) return String(value).slice(0, 10);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${two(value.getMonth() + 1)}-${two(value.getDate())}`;
};

/** The rows of a raw query's answer, which each knex client shapes its own way. */
const rowsOf = <Row>(answer: unknown): Row[] => {
  if (Array.isArray(answer)) {
    // mysql2 answers [rows, fields]; better-sqlite3 answers the rows.
    return (Array.isArray(answer[0]) ? answer[0] : answer) as Row[];
  }
  return ((answer as { rows?: Row[] }).rows ?? []) as Row[];
};

export type SearchService = ReturnType<typeof search>;
export default search;
