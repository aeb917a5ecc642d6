import type { PageMetadata } from './metadata';

/** What unfurl keeps about a link, stored as the link's `unfurl` JSON. */
export interface UnfurlRecord {
  state: 'pending' | 'done' | 'failed';
  /** Why the last unfurl failed (`refused, private address`). */
  reason: string | null;
  at: string | null;
  description: string | null;
  siteName: string | null;
  /** The canonical URL the page declares. */
  canonicalUrl: string | null;
  /** Fields holding a stand-in until unfurl fills them (the URL as a title). */
  placeholders: { title?: string };
}

export const pendingRecord = (placeholders: UnfurlRecord['placeholders'] = {}): UnfurlRecord => ({
  state: 'pending',
  reason: null,
  at: null,
  description: null,
  siteName: null,
  canonicalUrl: null,
  placeholders,
});

/** A stored `unfurl` value read back defensively (older rows have none). */
export const readRecord = (value: unknown): UnfurlRecord | null => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const record = value as Partial<UnfurlRecord>;
  if (record.state !== 'pending' && record.state !== 'done' && record.state !== 'failed')
    return null;
  return {
    ...pendingRecord(),
    ...record,
    placeholders: { ...(record.placeholders ?? {}) },
  } as UnfurlRecord;
};

const isEmpty = (value: unknown) =>
  value === null || value === undefined || (typeof value === 'string' && !value.trim());

/**
 * What a successful unfurl writes to a link: the title and author the editor
 * left empty (a title still equal to its stand-in counts as empty), and the
 * page's description, site name and canonical URL in the record. An editor's
 * own text is never overwritten.
 */
export const fillFromMetadata = (
  entry: { title: string | null; author: string | null },
  record: UnfurlRecord | null,
  metadata: PageMetadata,
  at: Date
): { data: { title?: string; author?: string }; record: UnfurlRecord } => {
  const data: { title?: string; author?: string } = {};
  const placeholders = { ...(record?.placeholders ?? {}) };
  const titleIsStandIn = placeholders.title !== undefined && entry.title === placeholders.title;
  if (metadata.title && (isEmpty(entry.title) || titleIsStandIn)) {
    data.title = metadata.title;
    delete placeholders.title;
  } else if (!titleIsStandIn) {
    delete placeholders.title;
  }
  if (metadata.author && isEmpty(entry.author)) data.author = metadata.author;
  return {
    data,
    record: {
      state: 'done',
      reason: null,
      at: at.toISOString(),
      description: metadata.description,
      siteName: metadata.siteName,
      canonicalUrl: metadata.canonicalUrl,
      placeholders,
    },
  };
};

/** The record of a failed unfurl: the reason, and what an earlier success found kept. */
export const failedRecord = (
  record: UnfurlRecord | null,
  reason: string,
  at: Date
): UnfurlRecord => ({
  ...(record ?? pendingRecord()),
  state: 'failed',
  reason,
  at: at.toISOString(),
});
