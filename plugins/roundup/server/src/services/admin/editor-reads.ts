import type { Core } from '@strapi/strapi';
import { canonicalHash } from '../../core/canonical-url';
import { CATEGORY_UID, ENTRY_UID, ROUNDUP_UID } from '../../uids';
import { columnOf, joinTableOf } from '../../utils/database';

/** A link of a roundup as the editor's page reads it, with its section. */
export interface LinkRow {
  documentId: string;
  title: string;
  url: string;
  author: string | null;
  description: string | null;
  canonicalUrl: string | null;
  category: { documentId: string; name: string } | null;
}

/** A roundup's draft as the list shows it, with its published version's times and its number of links. */
export interface DraftRow {
  documentId: string;
  title: string;
  slug: string | null;
  date: string | null;
  updatedAt: string;
  published: { updatedAt: string; publishedAt: string } | null;
  entries: number;
}

/** A link in the inbox as its card needs it. */
export interface InboxRow extends LinkRow {
  capturedAt: string | null;
  captureSource: string | null;
  captures: number | null;
  unfurl: unknown;
}

/** A timestamp as the Query Engine gives it back: ISO 8601, from a driver's Date, number or string. */
const isoTime = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  const time = value instanceof Date ? value : new Date(value as string | number);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
};

/** A JSON column's value: parsed where the driver hands back its text (SQLite, and PostgreSQL as Strapi sets it up). */
const jsonValue = (value: unknown): unknown => {
  if (typeof value !== 'string') return value ?? null;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
};

/** A link elsewhere with one of the page's URLs, and the roundup holding it. */
export interface CandidateRow {
  documentId: string;
  canonicalUrl: string;
  roundup: { documentId: string; title: string };
}

/** A link's section as the joined statements select it. */
interface CategoryColumns {
  categoryDocumentId: string | null;
  categoryName: string | null;
}

/** The columns the statements below select, as the driver hands them back. */
type LinkColumns = Omit<LinkRow, 'category'> & CategoryColumns;
interface InboxColumns extends LinkColumns {
  capturedAt: unknown;
  captureSource: string | null;
  captures: number | string | null;
  unfurl: unknown;
}
interface DraftColumns {
  documentId: string;
  title: string;
  slug: string | null;
  date: string | null;
  updatedAt: unknown;
  publishedUpdatedAt: unknown;
  publishedAt: unknown;
  entries: number | string | null;
}
interface CandidateColumns {
  documentId: string;
  canonicalUrl: string;
  roundupDocumentId: string;
  roundupTitle: string;
  published: unknown;
}

/**
 * The editor's page's reads, each in one joined statement: the Query
 * Engine's populate takes one statement per relation, and building
 * statements, not running them, is most of what these pages cost. Values
 * come back as the Query Engine would give them: timestamps as ISO strings
 * whatever the driver hands back (a Date, or milliseconds on SQLite), JSON
 * parsed where the driver returns text, counts as numbers.
 */
const editorReads = ({ strapi }: { strapi: Core.Strapi }) => {
  const names = () => {
    const inRoundup = joinTableOf(strapi, ENTRY_UID, 'roundup');
    const inCategory = joinTableOf(strapi, ENTRY_UID, 'category');
    const sections = joinTableOf(strapi, ROUNDUP_UID, 'sections');
    return {
      entries: strapi.db.metadata.get(ENTRY_UID).tableName,
      roundups: strapi.db.metadata.get(ROUNDUP_UID).tableName,
      categories: strapi.db.metadata.get(CATEGORY_UID).tableName,
      column: (attribute: string) => columnOf(strapi, ENTRY_UID, attribute),
      inRoundup: {
        table: inRoundup.name,
        entry: inRoundup.joinColumn.name,
        roundup: inRoundup.inverseJoinColumn.name,
        order: inRoundup.inverseOrderColumnName as string,
      },
      inCategory: {
        table: inCategory.name,
        entry: inCategory.joinColumn.name,
        category: inCategory.inverseJoinColumn.name,
      },
      sections: {
        table: sections.name,
        roundup: sections.joinColumn.name,
        category: sections.inverseJoinColumn.name,
        order: sections.orderColumnName as string,
      },
    };
  };
  const knex = () => strapi.db.connection;
  // better-sqlite3 binds no booleans; Strapi stores them there as 1 and 0.
  const bool = (value: boolean) => (strapi.db.dialect.client === 'sqlite' ? Number(value) : value);

  const linkColumns = (n: ReturnType<typeof names>) => ({
    documentId: `e.${n.column('documentId')}`,
    title: `e.${n.column('title')}`,
    url: `e.${n.column('url')}`,
    author: `e.${n.column('author')}`,
    description: `e.${n.column('description')}`,
    canonicalUrl: `e.${n.column('canonicalUrl')}`,
    categoryDocumentId: 'c.document_id',
    categoryName: 'c.name',
  });
  const withCategory = <T extends CategoryColumns>({
    categoryDocumentId,
    categoryName,
    ...row
  }: T) => ({
    ...row,
    // A joined section always has its (required) name.
    category: categoryDocumentId
      ? { documentId: categoryDocumentId, name: categoryName as string }
      : null,
  });

  return {
    /** The links of the roundup row `roundupId`, in their order, each with its section. */
    async links(roundupId: number): Promise<LinkRow[]> {
      const n = names();
      const rows: LinkColumns[] = await knex()({ l: n.inRoundup.table })
        .join({ e: n.entries }, 'e.id', `l.${n.inRoundup.entry}`)
        .leftJoin({ lc: n.inCategory.table }, `lc.${n.inCategory.entry}`, 'e.id')
        .leftJoin({ c: n.categories }, 'c.id', `lc.${n.inCategory.category}`)
        .where(`l.${n.inRoundup.roundup}`, roundupId)
        .orderBy([
          { column: `l.${n.inRoundup.order}`, order: 'asc' },
          { column: 'l.id', order: 'asc' },
        ])
        .select(linkColumns(n));
      return rows.map(withCategory);
    },

    /**
     * One page of drafts, newest date first, each with its published
     * version's times and its number of links: one statement, through the
     * roundups' status and date index.
     */
    async drafts({ offset, limit }: { offset: number; limit: number }): Promise<DraftRow[]> {
      const n = names();
      const rows: DraftColumns[] = await knex()({ d: n.roundups })
        .leftJoin({ p: n.roundups }, (join) => {
          join.on('p.document_id', '=', 'd.document_id').andOnNotNull('p.published_at');
        })
        .whereNull('d.published_at')
        .orderBy([
          { column: 'd.date', order: 'desc' },
          { column: 'd.id', order: 'desc' },
        ])
        .offset(offset)
        .limit(limit)
        .select({
          documentId: 'd.document_id',
          title: 'd.title',
          slug: 'd.slug',
          date: 'd.date',
          updatedAt: 'd.updated_at',
          publishedUpdatedAt: 'p.updated_at',
          publishedAt: 'p.published_at',
          entries: knex()(n.inRoundup.table)
            .count('*')
            .where(n.inRoundup.roundup, knex().ref('d.id')),
        });
      return rows.map((row) => ({
        documentId: row.documentId,
        title: row.title,
        slug: row.slug ?? null,
        date: row.date ?? null,
        updatedAt: isoTime(row.updatedAt)!,
        published: row.publishedAt
          ? { updatedAt: isoTime(row.publishedUpdatedAt)!, publishedAt: isoTime(row.publishedAt)! }
          : null,
        entries: Number(row.entries ?? 0),
      }));
    },

    /** One page of the inbox, newest first, read through the inbox index, each link with its section. */
    async inbox({ offset, limit }: { offset: number; limit: number }): Promise<InboxRow[]> {
      const n = names();
      const rows: InboxColumns[] = await knex()({ e: n.entries })
        .leftJoin({ lc: n.inCategory.table }, `lc.${n.inCategory.entry}`, 'e.id')
        .leftJoin({ c: n.categories }, 'c.id', `lc.${n.inCategory.category}`)
        .where(`e.${n.column('inInbox')}`, bool(true))
        .orderBy([
          { column: `e.${n.column('createdAt')}`, order: 'desc' },
          { column: 'e.id', order: 'desc' },
        ])
        .offset(offset)
        .limit(limit)
        .select({
          ...linkColumns(n),
          capturedAt: `e.${n.column('capturedAt')}`,
          captureSource: `e.${n.column('captureSource')}`,
          captures: `e.${n.column('captures')}`,
          unfurl: `e.${n.column('unfurl')}`,
        });
      return rows.map((row) => {
        const link = withCategory(row);
        return {
          ...link,
          capturedAt: isoTime(link.capturedAt),
          captures:
            link.captures === null || link.captures === undefined ? null : Number(link.captures),
          unfurl: jsonValue(link.unfurl),
        };
      });
    },

    /** The sections the roundup row `roundupId` orders itself, in that order. */
    async sections(roundupId: number): Promise<{ documentId: string; name: string }[]> {
      const n = names();
      return knex()({ s: n.sections.table })
        .join({ c: n.categories }, 'c.id', `s.${n.sections.category}`)
        .where(`s.${n.sections.roundup}`, roundupId)
        .orderBy([
          { column: `s.${n.sections.order}`, order: 'asc' },
          { column: 's.id', order: 'asc' },
        ])
        .select({ documentId: 'c.document_id', name: 'c.name' });
    },

    /**
     * Links other than `except` whose canonical URL is one of `urls`, each with
     * its roundup (the draft's title where it has one); links in no roundup are
     * not listed. Read through the canonical URLs' hash index, compared in full.
     */
    async candidates(urls: string[], except: string[]): Promise<CandidateRow[]> {
      if (urls.length === 0) return [];
      const n = names();
      const query = knex()({ e: n.entries })
        .join({ l: n.inRoundup.table }, `l.${n.inRoundup.entry}`, 'e.id')
        .join({ r: n.roundups }, 'r.id', `l.${n.inRoundup.roundup}`)
        .whereIn(`e.${n.column('canonicalHash')}`, urls.map(canonicalHash))
        .select({
          documentId: `e.${n.column('documentId')}`,
          canonicalUrl: `e.${n.column('canonicalUrl')}`,
          roundupDocumentId: 'r.document_id',
          roundupTitle: 'r.title',
          published: 'r.published_at',
        });
      if (except.length > 0) query.whereNotIn(`e.${n.column('documentId')}`, except);
      const wanted = new Set(urls);
      const rows = ((await query) as CandidateColumns[]).filter((row) =>
        wanted.has(row.canonicalUrl)
      );
      // A link joins both versions of a published roundup: one candidate per link, with the draft's title.
      const byLink = new Map<string, CandidateColumns>();
      for (const row of rows) {
        const kept = byLink.get(row.documentId);
        if (!kept || (kept.published && !row.published)) byLink.set(row.documentId, row);
      }
      return [...byLink.values()].map((row) => ({
        documentId: row.documentId,
        canonicalUrl: row.canonicalUrl,
        roundup: { documentId: row.roundupDocumentId, title: row.roundupTitle },
      }));
    },
  };
};

export type EditorReadsService = ReturnType<typeof editorReads>;
export default editorReads;
