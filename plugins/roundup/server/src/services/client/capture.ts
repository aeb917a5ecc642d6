import type { Core } from '@strapi/strapi';
import { FIELD_LIMITS } from '../../core/limits';
import { canonicalHash, canonicalUrl } from '../../core/canonical-url';
import { appendNote } from '../../core/capture/notes';
import { takeFromBucket, type Bucket } from '../../core/capture/rate-limit';
import { pendingRecord, readRecord } from '../../core/unfurl/fill';
import type { CategoryRow, EntryRow, RoundupRow } from '../../content-types/rows';
import { CATEGORY_UID, ENTRY_UID } from '../../uids';
import { documentsOf, type DocumentData } from '../../utils/documents';
import { getPluginConfig } from '../../utils/config';
import { getPluginService } from '../../utils/get-service';
import { fieldProblems } from '../../utils/validation';

export interface CaptureInput {
  url: string;
  title?: string | null;
  /** The page's document title, kept only until unfurl finds a better one. */
  pageTitle?: string | null;
  author?: string | null;
  commentary?: string | null;
  /** A section's documentId or slug; the first section when left out. */
  category?: string | null;
  /** Where the capture came from: `bookmarklet`, `share-sheet`, `api`… */
  source?: string | null;
}

/** A captured link as the capture API answers it. */
export interface CapturedLink {
  documentId: string;
  title: string;
  url: string;
  author: string | null;
  commentary: string | null;
  category: { documentId: string; name: string } | null;
  roundup: { documentId: string; title: string } | null;
  capturedAt: string | null;
  captureSource: string | null;
  captures: number;
  unfurl: { state: string; reason: string | null } | null;
}

const LINK_FIELDS = [
  'documentId',
  'title',
  'url',
  'author',
  'description',
  'capturedAt',
  'captureSource',
  'captures',
  'unfurl',
  'createdAt',
];
const LINK_POPULATE = {
  category: { select: ['documentId', 'name'] },
  roundup: { select: ['documentId', 'title'] },
};

/** A captured link's row as the capture API reads it, with its section and roundup. */
type LinkRow = Pick<
  EntryRow,
  | 'documentId'
  | 'title'
  | 'url'
  | 'author'
  | 'description'
  | 'capturedAt'
  | 'captureSource'
  | 'captures'
  | 'unfurl'
  | 'createdAt'
> & {
  category: Pick<CategoryRow, 'documentId' | 'name'> | null;
  roundup: Pick<RoundupRow, 'documentId' | 'title'> | null;
};

const asLink = (row: LinkRow): CapturedLink => {
  const record = readRecord(row.unfurl);
  return {
    documentId: row.documentId,
    title: row.title,
    url: row.url,
    author: row.author ?? null,
    commentary: row.description ?? null,
    category: row.category
      ? { documentId: row.category.documentId, name: row.category.name }
      : null,
    roundup: row.roundup ? { documentId: row.roundup.documentId, title: row.roundup.title } : null,
    capturedAt: row.capturedAt ? new Date(row.capturedAt).toISOString() : null,
    captureSource: row.captureSource ?? null,
    captures: row.captures ?? 0,
    unfurl: record ? { state: record.state, reason: record.reason } : null,
  };
};

/**
 * The capture API's edge service: puts a link into the inbox, or finds the
 * link already captured or already in a roundup (same canonical URL) and adds
 * the new note to its commentary. Unfurling follows in the background.
 */
const capture = ({ strapi }: { strapi: Core.Strapi }) => {
  // Per instance: a burst through one instance is what the limit is for.
  const buckets = new Map<string, Bucket>();

  const findLink = (where: Record<string, unknown>): Promise<LinkRow | null> =>
    strapi.db
      .query(ENTRY_UID)
      .findOne({ where, select: LINK_FIELDS, populate: LINK_POPULATE, orderBy: [{ id: 'asc' }] });

  const sectionFor = async (category: string | null | undefined): Promise<string> => {
    if (category) {
      const row: Pick<CategoryRow, 'documentId'> | null = await strapi.db
        .query(CATEGORY_UID)
        .findOne({
          where: { $or: [{ documentId: category }, { slug: category }] },
          select: ['documentId'],
        });
      if (!row)
        throw fieldProblems([
          {
            path: 'category',
            message: `no section "${category}"; use a section's documentId or slug`,
          },
        ]);
      return row.documentId;
    }
    const first: Pick<CategoryRow, 'documentId'> | null = await strapi.db
      .query(CATEGORY_UID)
      .findOne({
        select: ['documentId'],
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
      });
    if (!first)
      throw fieldProblems([
        { path: 'category', message: 'there are no sections yet; create one first' },
      ]);
    return first.documentId;
  };

  return {
    /**
     * Takes one capture from the caller's bucket (`key` names the token or
     * user); the number of seconds to wait when the burst is spent.
     */
    takeRateLimit(key: string, now = Date.now()): { allowed: boolean; retryAfterSeconds: number } {
      const { allowed, bucket, retryAfterSeconds } = takeFromBucket(
        buckets.get(key),
        now,
        getPluginConfig(strapi).capture.rateLimit
      );
      buckets.set(key, bucket);
      if (buckets.size > 10_000) buckets.delete(buckets.keys().next().value!);
      return { allowed, retryAfterSeconds };
    },

    async capture(input: CaptureInput): Promise<{ created: boolean; link: CapturedLink }> {
      const canonical = canonicalUrl(input.url);
      if (!canonical)
        throw fieldProblems([{ path: 'url', message: 'must be an absolute http(s) URL' }]);

      // Through the hash's index, comparing the full canonical URL as well.
      const existing = await findLink({
        canonicalHash: canonicalHash(canonical),
        canonicalUrl: canonical,
      });
      if (existing) {
        const data: DocumentData[typeof ENTRY_UID] = {
          description: appendNote(existing.description, input.commentary),
          captures: (existing.captures ?? 1) + 1,
        };
        const record = readRecord(existing.unfurl);
        const titleIsStandIn =
          record?.placeholders.title !== undefined && record.placeholders.title === existing.title;
        if (input.title && titleIsStandIn) {
          data.title = input.title;
          data.unfurl = { ...record, placeholders: {} };
        }
        if (input.author && !existing.author) data.author = input.author;
        await documentsOf(strapi, ENTRY_UID).update({ documentId: existing.documentId, data });
        return {
          created: false,
          link: asLink((await findLink({ documentId: existing.documentId }))!),
        };
      }

      const category = await sectionFor(input.category);
      // The tab's title (or the URL, which may be longer) only stands in until unfurl reads the page's own: cut to the title's limit.
      const title =
        input.title || (input.pageTitle || input.url).slice(0, FIELD_LIMITS.entry.title);
      const created = await documentsOf(strapi, ENTRY_UID).create({
        data: {
          title,
          url: input.url,
          author: input.author || null,
          description: input.commentary || null,
          category,
          capturedAt: new Date(),
          captureSource: input.source || 'api',
          captures: 1,
          unfurl: pendingRecord(input.title ? {} : { title }),
        },
      });
      // Even with a title and author given, the description and site name are worth reading.
      getPluginService(strapi, 'unfurl').schedule(created.documentId);
      return { created: true, link: asLink((await findLink({ documentId: created.documentId }))!) };
    },

    /** The sections a capture may go to, in order, for the capture window's picker. */
    async sections() {
      const rows: Pick<CategoryRow, 'documentId' | 'name' | 'slug'>[] = await strapi.db
        .query(CATEGORY_UID)
        .findMany({
          select: ['documentId', 'name', 'slug'],
          orderBy: [{ position: 'asc' }, { id: 'asc' }],
        });
      return rows.map((row) => ({ documentId: row.documentId, name: row.name, slug: row.slug }));
    },
  };
};

export type CaptureService = ReturnType<typeof capture>;
export default capture;
