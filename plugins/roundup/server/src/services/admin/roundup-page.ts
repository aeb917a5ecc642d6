import type { Core } from '@strapi/strapi';
import type {
  EditorView,
  RoundupList,
  RoundupPreview,
  RoundupSummary,
} from '../../../../shared/contracts/editor';
import { roundupStatus } from '../../core/editor';
import {
  groupIntoSections,
  nestSections,
  type Placed,
  type Section,
  type SectionNode,
} from '../../core/order';
import { orderVersion } from '../../core/order-version';
import { pageWindow, paginate, totalFromFirstPage } from '../../core/pagination';
import { markdownSafetyWarnings } from '../../core/render';
import type { RoundupRow } from '../../content-types/rows';
import { ROUNDUP_UID } from '../../uids';
import { getPluginConfig } from '../../utils/config';
import { NotFoundError } from '../../utils/errors';
import { getPluginService } from '../../utils/get-service';
import { entryCards } from './entry-cards';

/** A roundup version as the list and the page read it (a draft may have no date yet). */
type Version = Pick<RoundupRow, 'documentId' | 'title' | 'slug' | 'updatedAt'> & {
  date: string | null;
};

const summary = (
  draft: Version,
  published: { updatedAt: string; publishedAt: string | null } | null | undefined,
  entries: number
): RoundupSummary => ({
  documentId: draft.documentId,
  title: draft.title,
  slug: draft.slug ?? null,
  date: draft.date ?? null,
  status: roundupStatus(draft, published ?? null),
  entries,
  updatedAt: draft.updatedAt,
  publishedAt: published?.publishedAt ?? null,
});

/**
 * What the editor reads: the Roundups list with each roundup's status, one
 * roundup's draft as sections of cards, and its preview.
 */
const roundupPage = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Roundups, newest date first, with their status and number of links. */
  async list({ page, pageSize }: { page: number; pageSize: number }): Promise<RoundupList> {
    const drafts = await getPluginService(strapi, 'editor-reads').drafts(
      pageWindow(page, pageSize)
    );
    const total =
      totalFromFirstPage(page, pageSize, drafts.length) ??
      (await strapi.db.query(ROUNDUP_UID).count({ where: { publishedAt: null } }));
    return {
      results: drafts.map((row) => summary(row, row.published, row.entries)),
      pagination: paginate(page, pageSize, total),
    };
  },

  /**
   * One roundup's draft as the page shows it: both versions' rows in one
   * statement, the draft's links with their sections in another, its own
   * section order, the sections, and the links elsewhere with the same URLs;
   * the same five statements whatever the archive holds.
   */
  async view(documentId: string): Promise<EditorView> {
    const versions: (Version &
      Pick<RoundupRow, 'id' | 'publishedAt' | 'sectionNotes' | 'headingLinks'>)[] = await strapi.db
      .query(ROUNDUP_UID)
      .findMany({
        where: { documentId },
        select: [
          'id',
          'documentId',
          'title',
          'slug',
          'date',
          'updatedAt',
          'publishedAt',
          'sectionNotes',
          'headingLinks',
        ],
      });
    const row = versions.find((version) => !version.publishedAt);
    if (!row) throw new NotFoundError(`No roundup with documentId "${documentId}"`);
    const published = versions.find((version) => version.publishedAt);
    const reads = getPluginService(strapi, 'editor-reads');
    const [links, sections, allCategories] = await Promise.all([
      reads.links(row.id),
      reads.sections(row.id),
      getPluginService(strapi, 'order').categories(),
    ]);
    const cards = await entryCards(strapi, links, documentId);
    const byId = new Map(cards.map((card) => [card.documentId, card]));
    const placed = links.map((link) => ({
      documentId: link.documentId,
      category: link.category?.documentId ?? null,
    }));
    const override = sections.map((section) => section.documentId);

    const grouped = groupIntoSections(placed, allCategories, override, { includeEmpty: true });
    const inReadingOrder = (nodes: SectionNode<Placed>[]): Section<Placed>[] =>
      nodes.flatMap((node) => [node, ...inReadingOrder(node.children)]);
    const own = (values: Record<string, string> | null, section: Section<Placed>) =>
      (section.category && values?.[section.category.documentId]) || null;

    return {
      roundup: summary(row, published, placed.length),
      sections: inReadingOrder(nestSections(grouped, { includeEmpty: true })).map((section) => ({
        category: section.category
          ? {
              documentId: section.category.documentId,
              name: section.category.name,
              parent: section.category.parent ?? null,
            }
          : null,
        entries: section.entries.map((entry) => byId.get(entry.documentId)!),
        note: own(row.sectionNotes, section),
        link: own(row.headingLinks, section),
      })),
      version: orderVersion(placed, override, allCategories),
    };
  },

  /**
   * The draft rendered as the public outputs would render it once published,
   * with what the Markdown output does not keep as the editors wrote it.
   */
  async preview(documentId: string): Promise<RoundupPreview> {
    const roundup = await getPluginService(strapi, 'published').loadDocument(documentId, 'draft');
    if (!roundup) throw new NotFoundError(`No roundup with documentId "${documentId}"`);
    const renderer = getPluginService(strapi, 'rendered').renderer();
    return {
      markdown: renderer.markdown(roundup),
      html: renderer.html(roundup),
      warnings: markdownSafetyWarnings(roundup, getPluginConfig(strapi).markdown),
    };
  },
});

export type RoundupPageService = ReturnType<typeof roundupPage>;
export default roundupPage;
