import type { Core } from '@strapi/strapi';
import { groupIntoSections, toCategoryRef, type CategoryRef } from '../../core/order';
import type { Roundup } from '../../core/model';
import { CATEGORY_UID, ROUNDUP_UID } from '../../uids';

/** A published roundup as the read API returns it. */
export interface PublicRoundup extends Roundup {
  documentId: string;
  publishedAt: string;
  updatedAt: string;
}

export type PublicRoundupSummary = Pick<
  PublicRoundup,
  'documentId' | 'title' | 'slug' | 'date' | 'excerpt' | 'publishedAt' | 'updatedAt'
>;

const SUMMARY_FIELDS = ['title', 'slug', 'date', 'excerpt', 'publishedAt', 'updatedAt'] as const;
const ROUNDUP_FIELDS = [...SUMMARY_FIELDS, 'intro', 'outro', 'layout', 'frontMatter'] as const;

type Row = Record<string, any>;

const millis = (value: unknown) => (value ? new Date(value as string).getTime() || 0 : 0);

/**
 * What readers may see: published roundups only, and only the fields listed
 * here. Every query names `status: 'published'` and its fields explicitly, so
 * no request parameter can widen it.
 */
const published = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list({ page, pageSize }: { page: number; pageSize: number }) {
    const documents = strapi.documents(ROUNDUP_UID);
    const [rows, total] = await Promise.all([
      documents.findMany({
        status: 'published',
        fields: [...SUMMARY_FIELDS],
        sort: [{ date: 'desc' }, { publishedAt: 'desc' }, { id: 'desc' }] as any,
        start: (page - 1) * pageSize,
        limit: pageSize,
      }),
      documents.count({ status: 'published' }),
    ]);
    return {
      results: rows.map((row: Row) => summary(row)),
      pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
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
    const row: Row | null = await strapi.documents(ROUNDUP_UID).findFirst({
      status,
      filters,
      fields: [...ROUNDUP_FIELDS],
      populate: {
        entries: {
          fields: ['title', 'url', 'author', 'description', 'updatedAt'],
          populate: { category: { fields: ['name', 'slug', 'position', 'updatedAt'] } },
        },
        sections: { fields: ['name'] },
      },
    } as any);
    if (!row) return null;

    const categories = new Map<string, CategoryRef>();
    let lastModified = Math.max(millis(row.updatedAt), millis(row.publishedAt));
    const placed = (row.entries as Row[]).map((entry) => {
      lastModified = Math.max(
        lastModified,
        millis(entry.updatedAt),
        millis(entry.category?.updatedAt)
      );
      if (entry.category) categories.set(entry.category.documentId, toCategoryRef(entry.category));
      return {
        documentId: entry.documentId as string,
        category: (entry.category?.documentId ?? null) as string | null,
        title: entry.title as string,
        url: entry.url as string,
        author: entry.author as string | null,
        description: entry.description as string | null,
      };
    });
    const override = (row.sections as Row[]).map((section) => section.documentId);
    const sections = groupIntoSections(placed, [...categories.values()], override, {
      includeEmpty: false,
    }).map((section) => ({
      category: section.category
        ? { name: section.category.name, slug: section.category.slug }
        : null,
      entries: section.entries.map((entry) => ({
        title: entry.title,
        url: entry.url,
        author: entry.author ?? null,
        description: entry.description ?? null,
      })),
    }));

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
    const rows: Row[] = await strapi.documents(CATEGORY_UID).findMany({
      fields: ['name', 'slug', 'description', 'position'],
      sort: [{ position: 'asc' }, { name: 'asc' }],
    } as any);
    return rows.map((row) => ({
      name: row.name,
      slug: row.slug,
      description: row.description ?? null,
      position: row.position ?? 0,
    }));
  },
});

const summary = (row: Row): PublicRoundupSummary => ({
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
