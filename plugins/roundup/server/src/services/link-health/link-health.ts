import type { Core } from '@strapi/strapi';
import type {
  LinkAction,
  LinkFilter,
  LinkHealthResult,
} from '../../../../shared/contracts/link-health';
import {
  isWaybackUrl,
  LINK_STATES,
  resetFor,
  waybackUrl,
  type LinkState,
} from '../../core/link-health';
import type { CategoryRow, EntryRow, LinkResultRow, RoundupRow } from '../../content-types/rows';
import { ENTRY_UID, LINK_RESULT_UID } from '../../uids';
import { findPage } from '../../utils/database';
import { documentsOf } from '../../utils/documents';
import { NotFoundError, ValidationError } from '../../utils/errors';
import { getPluginService } from '../../utils/get-service';

export type { LinkAction, LinkFilter };

/** A link as the result's view needs it: its roundup and section. */
type LinkEntry = Pick<EntryRow, 'documentId' | 'title' | 'url' | 'originalUrl' | 'createdAt'> & {
  roundup: Pick<RoundupRow, 'documentId' | 'title' | 'slug' | 'date'> | null;
  category: Pick<CategoryRow, 'name'> | null;
};

const iso = (value: unknown) =>
  value === null || value === undefined ? null : new Date(Number(value)).toISOString();

/** The day a link's archived copy should come from: its roundup's date, or when it was saved. */
const archiveDay = (entry: LinkEntry) =>
  entry.roundup?.date ?? new Date(entry.createdAt).toISOString().slice(0, 10);

/**
 * Link health as editors see it: the links by state with their roundup and
 * section, counts, and the fixes. A fix writes the link through the Document
 * Service, so its rules, the content version and the rebuild events follow.
 */
const linkHealth = ({ strapi }: { strapi: Core.Strapi }) => {
  const results = () => strapi.db.query(LINK_RESULT_UID);

  const entriesOf = async (documentIds: string[]): Promise<Map<string, LinkEntry>> => {
    if (documentIds.length === 0) return new Map();
    const rows: LinkEntry[] = await strapi.db.query(ENTRY_UID).findMany({
      where: { documentId: { $in: documentIds } },
      select: ['documentId', 'title', 'url', 'originalUrl', 'createdAt'],
      populate: {
        roundup: { select: ['documentId', 'title', 'slug', 'date'] },
        category: { select: ['name'] },
      },
    });
    return new Map(rows.map((row) => [row.documentId, row]));
  };

  /** The documentIds of the links (drafts and inbox included) the search index finds for `q`. */
  const matchingDocumentIds = async (q: string): Promise<string[]> => {
    const ids = await getPluginService(strapi, 'search').editorMatches(q);
    if (ids.length === 0) return [];
    const rows: Pick<EntryRow, 'documentId'>[] = await strapi.db
      .query(ENTRY_UID)
      .findMany({ where: { id: { $in: ids } }, select: ['documentId'] });
    return rows.map((row) => row.documentId);
  };

  const view = (
    result: Omit<LinkResultRow, 'nextCheckAt'> & { nextCheckAt: number | string | null },
    entry: LinkEntry | undefined
  ): LinkHealthResult => ({
    id: result.id,
    state: result.state,
    ignored: Boolean(result.ignored),
    url: result.url,
    status: result.status ?? null,
    reason: result.reason ?? null,
    finalUrl: result.finalUrl ?? null,
    newUrl: result.newUrl ?? null,
    redirects: result.redirects ?? [],
    failures: Number(result.failures ?? 0),
    firstFailureAt: iso(result.firstFailureAt),
    lastCheckedAt: iso(result.lastCheckedAt),
    nextCheckAt: iso(result.nextCheckAt),
    archivedUrl: entry ? waybackUrl(result.url, archiveDay(entry)) : null,
    entry: entry
      ? { documentId: entry.documentId, title: entry.title, originalUrl: entry.originalUrl ?? null }
      : null,
    roundup: entry?.roundup
      ? {
          documentId: entry.roundup.documentId,
          title: entry.roundup.title,
          slug: entry.roundup.slug,
          date: entry.roundup.date,
        }
      : null,
    section: entry?.category?.name ?? null,
  });

  const find = async (id: number) => {
    const result: LinkResultRow | null = await results().findOne({ where: { id } });
    if (!result) throw new NotFoundError(`No link check result ${id}`);
    return result;
  };

  return {
    /**
     * Links in one state (or the ignored ones), most recently checked first, and
     * the counts of every state; with `q`, only the links the search index matches.
     */
    async list({
      state,
      q,
      page,
      pageSize,
    }: {
      state?: LinkFilter;
      q?: string;
      page: number;
      pageSize: number;
    }) {
      const where: Record<string, unknown> =
        state === 'ignored'
          ? { ignored: true }
          : state
            ? { state, ignored: false }
            : { ignored: false };
      if (q) where.entryDocumentId = { $in: await matchingDocumentIds(q) };
      const [{ rows, pagination }, counts] = await Promise.all([
        findPage<LinkResultRow>(
          strapi,
          LINK_RESULT_UID,
          { where, orderBy: [{ lastCheckedAt: 'desc' }, { id: 'asc' }] },
          { page, pageSize }
        ),
        this.counts(),
      ]);
      const entries = await entriesOf(rows.map((row) => row.entryDocumentId));
      return {
        results: rows.map((row) => view(row, entries.get(row.entryDocumentId))),
        pagination,
        counts,
      };
    },

    /** How many links are in each state (ignored ones apart). */
    async counts(): Promise<Record<LinkFilter, number>> {
      const table = strapi.getModel(LINK_RESULT_UID).collectionName as string;
      const rows: { state: string; ignored: unknown; n: number | string }[] = await strapi.db
        .connection(table)
        .select('state', 'ignored')
        .count({ n: '*' })
        .groupBy('state', 'ignored');
      const counts = Object.fromEntries(
        [...LINK_STATES, 'ignored'].map((key) => [key, 0])
      ) as Record<LinkFilter, number>;
      for (const { state, ignored, n } of rows) {
        const key =
          ignored === true || ignored === 1 || ignored === '1' ? 'ignored' : (state as LinkState);
        counts[key] += Number(n);
      }
      return counts;
    },

    /** Applies one fix to the link of result `id`, answering the link's new view. */
    async act(id: number, action: LinkAction): Promise<LinkHealthResult> {
      const result = await find(id);
      if (action === 'ignore' || action === 'unignore') {
        await results().update({
          where: { id },
          data: { ignored: action === 'ignore', queuedRun: null },
        });
        const updated = await find(id);
        return view(
          updated,
          (await entriesOf([updated.entryDocumentId])).get(updated.entryDocumentId)
        );
      }

      const entry = (await entriesOf([result.entryDocumentId])).get(result.entryDocumentId);
      if (!entry) throw new NotFoundError('The link of this result no longer exists');
      let url: string;
      if (action === 'use-new-url') {
        if (!result.newUrl)
          throw new ValidationError('action: this link has not moved; there is no new URL to use');
        url = result.newUrl;
      } else {
        if (isWaybackUrl(entry.url))
          throw new ValidationError('action: this link already is an archived copy');
        url = waybackUrl(entry.url, archiveDay(entry));
      }

      // The first URL the link had is kept, however many fixes follow.
      await documentsOf(strapi, ENTRY_UID).update({
        documentId: entry.documentId,
        data: { url, originalUrl: entry.originalUrl || entry.url },
      });
      const now = Date.now();
      if (isWaybackUrl(url)) {
        await results().delete({ where: { id } });
      } else {
        await results().update({ where: { id }, data: { ...resetFor(url, now), queuedRun: null } });
      }
      const fresh = (await entriesOf([entry.documentId])).get(entry.documentId)!;
      return {
        ...view(
          { ...result, ...resetFor(url, now), state: isWaybackUrl(url) ? 'ok' : 'unchecked' },
          fresh
        ),
        entry: {
          documentId: fresh.documentId,
          title: fresh.title,
          url: fresh.url,
          originalUrl: fresh.originalUrl ?? null,
        },
      };
    },
  };
};

export type LinkHealthService = ReturnType<typeof linkHealth>;
export default linkHealth;
