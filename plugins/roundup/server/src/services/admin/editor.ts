import type { Core } from '@strapi/strapi';
import type {
  EditorView,
  EntryCard,
  InboxCard,
  InboxPage,
  NewEntry,
  RoundupList,
  RoundupPreview,
  RoundupSummary,
} from '../../../../shared/contracts/editor';
import { findDuplicates, firstLine, roundupStatus, urlHost } from '../../core/editor';
import { groupIntoSections, orderVersion } from '../../core/order';
import { markdownSafetyWarnings } from '../../core/render';
import { httpUrlProblem } from '../../core/url';
import { CATEGORY_UID, ENTRY_UID, ROUNDUP_UID } from '../../uids';
import { getPluginConfig } from '../../utils/config';
import { ConflictError, NotFoundError } from '../../utils/errors';
import { getPluginService } from '../../utils/get-service';
import { fieldProblems } from '../../utils/validation';
import { readRecord } from '../../core/unfurl/fill';

type Row = Record<string, any>;

export type { NewEntry };

const ENTRY_FIELDS = ['title', 'url', 'author', 'description', 'canonicalUrl'];
const CAPTURE_FIELDS = ['capturedAt', 'captureSource', 'captures', 'unfurl'];
export const INBOX_PAGE_SIZE = 200;

/**
 * The editor's page: roundups with their status, one roundup as sections of
 * cards, the inbox, quick-add, preview and publishing. Reordering goes
 * through the order service, so its version check guards every path.
 */
const editor = ({ strapi }: { strapi: Core.Strapi }) => {
  const summary = (draft: Row, published: Row | undefined, entries: number): RoundupSummary => ({
    documentId: draft.documentId,
    title: draft.title,
    slug: draft.slug ?? null,
    date: draft.date ?? null,
    status: roundupStatus(draft, published ?? null),
    entries,
    updatedAt: draft.updatedAt,
    publishedAt: published?.publishedAt ?? null,
  });

  /** Cards for `rows`, each with the other roundups that already link to the same URL. */
  const cards = async (rows: Row[], roundup: string | null): Promise<EntryCard[]> => {
    const urls = [...new Set(rows.map((row) => row.canonicalUrl).filter(Boolean))];
    // Only other links can be duplicates: leaving out the page's own keeps the answer to the few that are.
    const candidates = await getPluginService(strapi, 'editor-reads').candidates(
      urls,
      rows.map((row) => row.documentId)
    );
    const duplicates = findDuplicates(
      rows.map((row) => ({
        documentId: row.documentId,
        canonicalUrl: row.canonicalUrl ?? null,
        roundup,
      })),
      candidates
    );
    return rows.map((row) => ({
      documentId: row.documentId,
      title: row.title,
      url: row.url,
      host: urlHost(row.url),
      author: row.author || null,
      commentary: firstLine(row.description),
      duplicates: duplicates.get(row.documentId) ?? [],
    }));
  };

  const inboxCards = async (rows: Row[]): Promise<InboxCard[]> => {
    const entryCards = await cards(rows, null);
    return entryCards.map((card, i) => {
      const row = rows[i];
      const record = readRecord(row.unfurl);
      return {
        ...card,
        category: row.category
          ? { documentId: row.category.documentId, name: row.category.name }
          : null,
        capturedAt: row.capturedAt ? new Date(row.capturedAt).toISOString() : null,
        captureSource: row.captureSource ?? null,
        captures: row.captures ?? 0,
        unfurl: record
          ? {
              state: record.state,
              reason: record.reason,
              description: record.description,
              siteName: record.siteName,
              canonicalUrl: record.canonicalUrl,
            }
          : null,
      };
    });
  };

  /** How many rows match `where`: a first page that is not full holds them all, so it says without a count. */
  const countUnlessFirstPageTellsIt = async (
    uid: typeof ROUNDUP_UID | typeof ENTRY_UID,
    where: Row,
    page: number,
    pageSize: number,
    found: number
  ): Promise<number> =>
    page === 1 && found < pageSize ? found : strapi.db.query(uid).count({ where });

  const requireCategory = async (documentId: string) => {
    const row = await strapi.db
      .query(CATEGORY_UID)
      .findOne({ where: { documentId }, select: ['id'] });
    return Boolean(row);
  };

  const draftRow = async (documentId: string): Promise<Row> => {
    const row: Row | null = await strapi.db.query(ROUNDUP_UID).findOne({
      where: { documentId, publishedAt: null },
      select: ['id', 'documentId', 'title'],
    });
    if (!row) throw new NotFoundError(`No roundup with documentId "${documentId}"`);
    return row;
  };

  return {
    /** Roundups, newest date first, with their status and number of links. */
    async list({ page, pageSize }: { page: number; pageSize: number }): Promise<RoundupList> {
      const where = { publishedAt: null };
      const drafts = await getPluginService(strapi, 'editor-reads').drafts({
        offset: (page - 1) * pageSize,
        limit: pageSize,
      });
      const total = await countUnlessFirstPageTellsIt(
        ROUNDUP_UID,
        where,
        page,
        pageSize,
        drafts.length
      );
      return {
        results: drafts.map((row) => summary(row, row.published ?? undefined, row.entries)),
        pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
      };
    },

    /** Starts a new roundup as a draft. */
    async create(data: { title: string; date: string; slug?: string }) {
      const created = await strapi.documents(ROUNDUP_UID).create({ data } as any);
      return this.view(created.documentId);
    },

    /**
     * One roundup's draft as the page shows it: both versions' rows in one
     * statement, the draft's links with their sections in another, its own
     * section order, the sections, and the links elsewhere with the same URLs;
     * the same five statements whatever the archive holds.
     */
    async view(documentId: string): Promise<EditorView> {
      const versions: Row[] = await strapi.db.query(ROUNDUP_UID).findMany({
        where: { documentId },
        select: ['id', 'documentId', 'title', 'slug', 'date', 'updatedAt', 'publishedAt'],
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
      const byId = new Map((await cards(links, documentId)).map((card) => [card.documentId, card]));
      const placed = links.map((link) => ({
        documentId: link.documentId,
        category: link.category?.documentId ?? null,
      }));
      const override = sections.map((section) => section.documentId);

      return {
        roundup: summary(row, published, placed.length),
        sections: groupIntoSections(placed, allCategories, override, { includeEmpty: true }).map(
          (section) => ({
            category: section.category
              ? { documentId: section.category.documentId, name: section.category.name }
              : null,
            entries: section.entries.map((entry) => byId.get(entry.documentId)!),
          })
        ),
        version: orderVersion(placed, override),
      };
    },

    /**
     * One page of the links not yet in any roundup, newest first, and how many
     * there are; read from the `inInbox` index, so its cost follows the page,
     * not the archive. `q` matches title or URL (host included).
     */
    async inbox({
      q,
      page = 1,
      pageSize = INBOX_PAGE_SIZE,
    }: { q?: string; page?: number; pageSize?: number } = {}): Promise<InboxPage> {
      const where: Row = { inInbox: true };
      if (q) where.$or = [{ title: { $containsi: q } }, { url: { $containsi: q } }];
      const paging = { offset: (page - 1) * pageSize, limit: pageSize };
      // The plain inbox is one joined statement; a search goes through the Query Engine's case-insensitive match.
      const rows: Row[] = q
        ? await strapi.db.query(ENTRY_UID).findMany({
            where,
            select: ['documentId', ...ENTRY_FIELDS, ...CAPTURE_FIELDS],
            populate: { category: { select: ['documentId', 'name'] } },
            orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
            ...paging,
          })
        : await getPluginService(strapi, 'editor-reads').inbox(paging);
      const total = await countUnlessFirstPageTellsIt(
        ENTRY_UID,
        where,
        page,
        pageSize,
        rows.length
      );
      return {
        results: await inboxCards(rows),
        total,
        pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
      };
    },

    /** One link as the inbox shows it (after a Retry of its unfurl). */
    async inboxCard(documentId: string): Promise<InboxCard> {
      const row: Row | null = await strapi.db.query(ENTRY_UID).findOne({
        where: { documentId },
        select: ['documentId', ...ENTRY_FIELDS, ...CAPTURE_FIELDS],
        populate: { category: { select: ['documentId', 'name'] } },
      });
      if (!row) throw new NotFoundError(`No link with documentId "${documentId}"`);
      return (await inboxCards([row]))[0];
    },

    /**
     * Adds a link to the end of its section in the roundup's draft: a new one
     * (quick-add; every bad field named at once) or one from the inbox.
     */
    async addEntry(documentId: string, input: { entry: string } | NewEntry): Promise<EditorView> {
      const roundup = await draftRow(documentId);

      await strapi.db.transaction(async () => {
        let entryId: string;
        if ('entry' in input) {
          const entry: Row | null = await strapi.db.query(ENTRY_UID).findOne({
            where: { documentId: input.entry },
            select: ['documentId'],
            populate: {
              roundup: { select: ['documentId', 'title'] },
              category: { select: ['documentId'] },
            },
          });
          if (!entry)
            throw fieldProblems([
              { path: 'entry', message: `no link with documentId "${input.entry}"` },
            ]);
          if (entry.roundup) {
            throw new ConflictError(
              entry.roundup.documentId === documentId
                ? 'This link is already in this roundup'
                : `This link is already in the roundup "${entry.roundup.title}"`,
              { roundup: entry.roundup.documentId }
            );
          }
          if (!entry.category) {
            throw fieldProblems([
              { path: 'entry', message: 'has no section; give it one before adding it' },
            ]);
          }
          entryId = entry.documentId;
        } else {
          const problems: { path: string; message: string }[] = [];
          const urlProblem = httpUrlProblem(input.url);
          if (urlProblem) problems.push({ path: 'url', message: urlProblem });
          if (!(await requireCategory(input.category))) {
            problems.push({ path: 'category', message: 'must be one of the sections' });
          }
          if (problems.length > 0) throw fieldProblems(problems);
          const created = await strapi.documents(ENTRY_UID).create({
            data: {
              title: input.title,
              url: input.url,
              author: input.author || null,
              description: input.description || null,
              category: input.category,
            },
          } as any);
          entryId = created.documentId;
        }
        await strapi.documents(ROUNDUP_UID).update({
          documentId: roundup.documentId,
          status: 'draft',
          data: { entries: { connect: [entryId] } },
        } as any);
      });
      return this.view(documentId);
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

    async publish(documentId: string): Promise<EditorView> {
      await draftRow(documentId);
      await strapi.documents(ROUNDUP_UID).publish({ documentId } as any);
      return this.view(documentId);
    },

    async unpublish(documentId: string): Promise<EditorView> {
      await draftRow(documentId);
      await strapi.documents(ROUNDUP_UID).unpublish({ documentId } as any);
      return this.view(documentId);
    },
  };
};

export type EditorService = ReturnType<typeof editor>;
export default editor;
