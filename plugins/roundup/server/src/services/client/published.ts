import type { Core } from '@strapi/strapi';
import { groupIntoSections, nestSections, toCategoryRef, type SectionNode } from '../../core/order';
import type { Roundup, RoundupEntry, RoundupSection } from '../../core/model';
import { paginate } from '../../core/pagination';
import { sectionHeading } from '../../core/section-heading';
import type { CategoryRow, EntryRow, RoundupRow } from '../../content-types/rows';
import { CATEGORY_UID, ROUNDUP_UID } from '../../uids';
import { documentsOf } from '../../utils/documents';

/** A link as the read API returns it: `textAfter` only when it has one. */
export interface PublicEntry extends Omit<RoundupEntry, 'textAfter'> {
  textAfter?: string;
}

/** A section as the read API returns it: always with its (often empty) `children`. */
export interface PublicSection extends Omit<RoundupSection, 'entries'> {
  url: string | null;
  note: string | null;
  entries: PublicEntry[];
  children: PublicSection[];
}

/** A published roundup as the read API returns it. */
export interface PublicRoundup extends Omit<Roundup, 'sections'> {
  sections: PublicSection[];
  documentId: string;
  publishedAt: string;
  updatedAt: string;
}

export type PublicRoundupSummary = Pick<
  PublicRoundup,
  'documentId' | 'title' | 'slug' | 'date' | 'excerpt' | 'publishedAt' | 'updatedAt'
>;

const SUMMARY_FIELDS = ['title', 'slug', 'date', 'excerpt', 'publishedAt', 'updatedAt'] as const;
const ROUNDUP_FIELDS = [
  ...SUMMARY_FIELDS,
  'intro',
  'outro',
  'layout',
  'frontMatter',
  'headings',
  'headingLinks',
  'sectionNotes',
] as const;

/**
 * A roundup version as these reads give it. A published version always has its
 * slug and publication time; the editors' reads of a draft (preview, export)
 * render whatever the draft holds.
 */
type SummaryRow = Pick<RoundupRow, 'documentId' | (typeof SUMMARY_FIELDS)[number]> & {
  slug: string;
  publishedAt: string;
};

/** A roundup version as it is read to render it: its links with their sections, and its section order. */
type RoundupVersion = SummaryRow &
  Pick<RoundupRow, (typeof ROUNDUP_FIELDS)[number]> & {
    entries: (Pick<
      EntryRow,
      'documentId' | 'title' | 'url' | 'author' | 'description' | 'textAfter' | 'updatedAt'
    > & {
      category: Pick<CategoryRow, 'documentId'> | null;
    })[];
    sections: Pick<CategoryRow, 'documentId' | 'name'>[];
  };

type SectionRow = Pick<CategoryRow, 'documentId' | 'name' | 'slug' | 'position' | 'updatedAt'> & {
  parent: Pick<CategoryRow, 'documentId'> | null;
};

const millis = (value: unknown) => (value ? new Date(value as string).getTime() || 0 : 0);

/**
 * What readers may see: published roundups only, and only the fields listed
 * here. Every query names `status: 'published'` and its fields explicitly, so
 * no request parameter can widen it.
 */
const published = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list({ page, pageSize }: { page: number; pageSize: number }) {
    const documents = documentsOf(strapi, ROUNDUP_UID);
    const [rows, total] = await Promise.all([
      documents.findMany<SummaryRow>({
        status: 'published',
        fields: [...SUMMARY_FIELDS],
        sort: [{ date: 'desc' }, { publishedAt: 'desc' }, { id: 'desc' }],
        start: (page - 1) * pageSize,
        limit: pageSize,
      }),
      strapi.documents(ROUNDUP_UID).count({ status: 'published' }),
    ]);
    return {
      results: rows.map(summary),
      pagination: paginate(page, pageSize, total),
    };
  },

  /**
   * The published roundup `slug` and when anything it shows last changed
   * (itself, one of its links or sections), or null.
   */
  async load(slug: string): Promise<{ roundup: PublicRoundup; lastModified: Date } | null> {
    return this.loadVersion('published', { slug });
  },

  /** One version of a roundup by documentId, for editors (export, preview); never for readers. */
  async loadDocument(
    documentId: string,
    status: 'draft' | 'published'
  ): Promise<PublicRoundup | null> {
    return (await this.loadVersion(status, { documentId }))?.roundup ?? null;
  },

  async loadVersion(
    status: 'draft' | 'published',
    filters: { slug: string } | { documentId: string }
  ): Promise<{ roundup: PublicRoundup; lastModified: Date } | null> {
    const row = await documentsOf(strapi, ROUNDUP_UID).findFirst<RoundupVersion>({
      status,
      filters,
      fields: [...ROUNDUP_FIELDS],
      populate: {
        entries: {
          fields: ['title', 'url', 'author', 'description', 'textAfter', 'updatedAt'],
          populate: { category: { fields: ['slug'] } },
        },
        sections: { fields: ['name'] },
      },
    });
    if (!row) return null;

    // Every section, for the parents of those with links: a subsection's heading needs its parent's.
    const categoryRows: SectionRow[] = await strapi.db.query(CATEGORY_UID).findMany({
      select: ['documentId', 'name', 'slug', 'position', 'updatedAt'],
      populate: { parent: { select: ['documentId'] } },
    });
    const updatedAt = new Map<string, number>(
      categoryRows.map((category) => [category.documentId, millis(category.updatedAt)])
    );
    let lastModified = Math.max(millis(row.updatedAt), millis(row.publishedAt));
    const placed = row.entries.map((entry) => {
      lastModified = Math.max(lastModified, millis(entry.updatedAt));
      return {
        documentId: entry.documentId,
        category: entry.category?.documentId ?? null,
        title: entry.title,
        url: entry.url,
        author: entry.author,
        description: entry.description,
        textAfter: entry.textAfter,
      };
    });
    const override = row.sections.map((section) => section.documentId);
    const tree = nestSections(
      groupIntoSections(placed, categoryRows.map(toCategoryRef), override, {
        includeEmpty: true,
      }),
      { includeEmpty: false }
    );
    const toSection = (section: SectionNode<(typeof placed)[number]>): PublicSection => {
      if (section.category) {
        lastModified = Math.max(lastModified, updatedAt.get(section.category.documentId) ?? 0);
      }
      return {
        category: section.category
          ? {
              name: sectionHeading(
                section.category.name,
                row.headings?.[section.category.documentId]
              ),
              slug: section.category.slug,
            }
          : null,
        url: (section.category && row.headingLinks?.[section.category.documentId]) || null,
        note: (section.category && row.sectionNotes?.[section.category.documentId]) || null,
        entries: section.entries.map((entry) => ({
          title: entry.title,
          url: entry.url,
          author: entry.author ?? null,
          description: entry.description ?? null,
          // Only the few links followed by items without a link have it.
          ...(entry.textAfter ? { textAfter: entry.textAfter } : {}),
        })),
        children: section.children.map(toSection),
      };
    };
    const sections = tree.map(toSection);

    const roundup: PublicRoundup = {
      ...summary(row),
      intro: row.intro ?? null,
      outro: row.outro ?? null,
      layout: row.layout ?? null,
      frontMatter: row.frontMatter ?? null,
      sections,
    };
    return { roundup, lastModified: new Date(lastModified) };
  },

  async categories() {
    const rows = await documentsOf(strapi, CATEGORY_UID).findMany<
      Pick<CategoryRow, 'name' | 'slug' | 'description' | 'position'>
    >({
      fields: ['name', 'slug', 'description', 'position'],
      sort: [{ position: 'asc' }, { name: 'asc' }],
    });
    return rows.map((row) => ({
      name: row.name,
      slug: row.slug,
      description: row.description ?? null,
      position: row.position ?? 0,
    }));
  },
});

const summary = (row: SummaryRow): PublicRoundupSummary => ({
  documentId: row.documentId,
  title: row.title,
  slug: row.slug,
  date: row.date,
  excerpt: row.excerpt ?? null,
  publishedAt: row.publishedAt,
  updatedAt: row.updatedAt,
});

export type PublishedService = ReturnType<typeof published>;
export default published;
