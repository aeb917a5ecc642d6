import type { Core } from '@strapi/strapi';
import type { InboxCard, InboxPage } from '../../../../shared/contracts/editor';
import { pageWindow, paginate, totalFromFirstPage } from '../../core/pagination';
import { readRecord } from '../../core/unfurl/fill';
import { ENTRY_UID } from '../../uids';
import { NotFoundError } from '../../utils/errors';
import { getPluginService } from '../../utils/get-service';
import type { InboxRow } from './editor-reads';
import { entryCards } from './entry-cards';

/** The most links one page of the inbox holds. */
export const INBOX_PAGE_SIZE = 200;

/** What an inbox card is read from, through the Query Engine. */
const INBOX_SELECT = [
  'documentId',
  'title',
  'url',
  'author',
  'description',
  'canonicalUrl',
  'capturedAt',
  'captureSource',
  'captures',
  'unfurl',
];
const INBOX_POPULATE = { category: { select: ['documentId', 'name'] } };

/**
 * The editor's inbox: the links not yet in any roundup, as cards with their
 * section and what capture and unfurl recorded.
 */
const inbox = ({ strapi }: { strapi: Core.Strapi }) => {
  const inboxCards = async (rows: InboxRow[]): Promise<InboxCard[]> => {
    const cards = await entryCards(strapi, rows, null);
    return cards.map((card, i) => {
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

  return {
    /**
     * One page of the links not yet in any roundup, newest first, and how many
     * there are; read from the `inInbox` index, so its cost follows the page,
     * not the archive. `q` matches through the search index (title, author,
     * commentary, host: words, stemmed) or as a piece of the URL (a pasted address).
     */
    async page({
      q,
      page = 1,
      pageSize = INBOX_PAGE_SIZE,
    }: { q?: string; page?: number; pageSize?: number } = {}): Promise<InboxPage> {
      const where: Record<string, unknown> = { inInbox: true };
      if (q) {
        const matched = await getPluginService(strapi, 'search').editorMatches(q, {
          inInbox: true,
        });
        where.$or = [{ id: { $in: matched } }, { url: { $containsi: q } }];
      }
      // The plain inbox is one joined statement; a search narrows it through the Query Engine.
      const rows: InboxRow[] = q
        ? await strapi.db.query(ENTRY_UID).findMany({
            where,
            select: INBOX_SELECT,
            populate: INBOX_POPULATE,
            orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
            ...pageWindow(page, pageSize),
          })
        : await getPluginService(strapi, 'editor-reads').inbox(pageWindow(page, pageSize));
      const total =
        totalFromFirstPage(page, pageSize, rows.length) ??
        (await strapi.db.query(ENTRY_UID).count({ where }));
      return {
        results: await inboxCards(rows),
        total,
        pagination: paginate(page, pageSize, total),
      };
    },

    /** One link as the inbox shows it (after a Retry of its unfurl). */
    async card(documentId: string): Promise<InboxCard> {
      const row: InboxRow | null = await strapi.db.query(ENTRY_UID).findOne({
        where: { documentId },
        select: INBOX_SELECT,
        populate: INBOX_POPULATE,
      });
      if (!row) throw new NotFoundError(`No link with documentId "${documentId}"`);
      return (await inboxCards([row]))[0];
    },
  };
};

export type InboxService = ReturnType<typeof inbox>;
export default inbox;
