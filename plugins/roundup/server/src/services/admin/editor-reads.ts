import type { Core } from '@strapi/strapi';
import { CATEGORY_UID, ENTRY_UID, ROUNDUP_UID } from '../../uids';

type Row = Record<string, any>;

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

/** A link elsewhere with one of the page's URLs, and the roundup holding it. */
export interface CandidateRow {
  documentId: string;
  canonicalUrl: string;
  roundup: { documentId: string; title: string };
}

/**
 * The editor's reads that join links to their roundups and sections, each in
 * one statement: the Query Engine's populate takes one statement per
 * relation, and its cost is most of a view's. Only text columns are read
 * here, which every database returns alike; rows with dates and JSON go
 * through the Query Engine.
 */
const editorReads = ({ strapi }: { strapi: Core.Strapi }) => {
  const names = () => {
    const entry = strapi.db.metadata.get(ENTRY_UID);
    const roundup = strapi.db.metadata.get(ROUNDUP_UID);
    const column = (attribute: string) => (entry.attributes[attribute] as { columnName?: string }).columnName ?? attribute;
    const inRoundup = (entry.attributes.roundup as any).joinTable;
    const inCategory = (entry.attributes.category as any).joinTable;
    const sections = (roundup.attributes.sections as any).joinTable;
    return {
      entries: entry.tableName,
      roundups: roundup.tableName,
      categories: strapi.db.metadata.get(CATEGORY_UID).tableName,
      column,
      inRoundup: {
        table: inRoundup.name as string,
        entry: inRoundup.joinColumn.name as string,
        roundup: inRoundup.inverseJoinColumn.name as string,
        order: inRoundup.inverseOrderColumnName as string,
      },
      inCategory: {
        table: inCategory.name as string,
        entry: inCategory.joinColumn.name as string,
        category: inCategory.inverseJoinColumn.name as string,
      },
      sections: {
        table: sections.name as string,
        roundup: sections.joinColumn.name as string,
        category: sections.inverseJoinColumn.name as string,
        order: sections.orderColumnName as string,
      },
    };
  };
  const knex = () => strapi.db.connection;

  return {
    /** The links of the roundup row `roundupId`, in their order, each with its section. */
    async links(roundupId: number): Promise<LinkRow[]> {
      const n = names();
      const rows: Row[] = await knex()({ l: n.inRoundup.table })
        .join({ e: n.entries }, 'e.id', `l.${n.inRoundup.entry}`)
        .leftJoin({ lc: n.inCategory.table }, `lc.${n.inCategory.entry}`, 'e.id')
        .leftJoin({ c: n.categories }, 'c.id', `lc.${n.inCategory.category}`)
        .where(`l.${n.inRoundup.roundup}`, roundupId)
        .orderBy([
          { column: `l.${n.inRoundup.order}`, order: 'asc' },
          { column: 'l.id', order: 'asc' },
        ])
        .select({
          documentId: `e.${n.column('documentId')}`,
          title: `e.${n.column('title')}`,
          url: `e.${n.column('url')}`,
          author: `e.${n.column('author')}`,
          description: `e.${n.column('description')}`,
          canonicalUrl: `e.${n.column('canonicalUrl')}`,
          categoryDocumentId: 'c.document_id',
          categoryName: 'c.name',
        });
      return rows.map(({ categoryDocumentId, categoryName, ...link }) => ({
        ...(link as Omit<LinkRow, 'category'>),
        category: categoryDocumentId ? { documentId: categoryDocumentId, name: categoryName } : null,
      }));
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
     * not listed. Read through the canonical URL index.
     */
    async candidates(urls: string[], except: string[]): Promise<CandidateRow[]> {
      if (urls.length === 0) return [];
      const n = names();
      const query = knex()({ e: n.entries })
        .join({ l: n.inRoundup.table }, `l.${n.inRoundup.entry}`, 'e.id')
        .join({ r: n.roundups }, 'r.id', `l.${n.inRoundup.roundup}`)
        .whereIn(`e.${n.column('canonicalUrl')}`, urls)
        .select({
          documentId: `e.${n.column('documentId')}`,
          canonicalUrl: `e.${n.column('canonicalUrl')}`,
          roundupDocumentId: 'r.document_id',
          roundupTitle: 'r.title',
          published: 'r.published_at',
        });
      if (except.length > 0) query.whereNotIn(`e.${n.column('documentId')}`, except);
      const rows: Row[] = await query;
      // A link joins both versions of a published roundup: one candidate per link, with the draft's title.
      const byLink = new Map<string, Row>();
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
