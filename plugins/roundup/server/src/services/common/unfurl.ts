import type { Core } from '@strapi/strapi';
import { failedRecord, fillFromMetadata, readRecord } from '../../core/unfurl/fill';
import { unfurl, type FetchPage, type UnfurlOutcome } from '../../core/unfurl/unfurl';
import type { EntryRow } from '../../content-types/rows';
import { ENTRY_UID } from '../../uids';
import { documentsOf } from '../../utils/documents';
import { getPluginConfig } from '../../utils/config';
import { getPluginService } from '../../utils/get-service';

/** Unfurls run a few at a time, so a burst of captures never floods the network or the database. */
const CONCURRENCY = 2;
/** Why nothing was read when the host app turned unfurl off (`unfurl.enabled: false`). */
const TURNED_OFF = 'unfurl is turned off';

/**
 * Reads captured pages' metadata and fills what the editor left empty. Every
 * request goes through the guarded outbound client, the plugin's one way out.
 */
const unfurlService = ({ strapi }: { strapi: Core.Strapi }) => {
  const queue: string[] = [];
  const queued = new Set<string>();
  let running = 0;
  let stopped = false;

  const fetchPage: FetchPage = (url, options) =>
    getPluginService(strapi, 'outbound').request(url, options);

  const limits = () => {
    const { timeoutMs, maxBytes, maxRedirects } = getPluginConfig(strapi).unfurl;
    return { timeoutMs, maxBytes, maxRedirects };
  };

  const pump = () => {
    while (!stopped && running < CONCURRENCY && queue.length > 0) {
      const documentId = queue.shift()!;
      queued.delete(documentId);
      running += 1;
      service
        .refresh(documentId)
        .catch((error) =>
          strapi.log.error(
            `[roundup] unfurl of link ${documentId} failed: ${error?.message ?? error}`
          )
        )
        .finally(() => {
          running -= 1;
          pump();
        });
    }
  };

  const service = {
    /** What `url` says about itself, for the editor's quick-add; nothing is stored. */
    async preview(url: string): Promise<UnfurlOutcome> {
      if (!getPluginConfig(strapi).unfurl.enabled) return { ok: false, reason: TURNED_OFF };
      return unfurl(url, fetchPage, limits());
    },

    /**
     * Unfurls one link now and stores the outcome: filled fields on success,
     * the reason on failure. The link itself is never removed or emptied.
     */
    async refresh(documentId: string) {
      const entry: Pick<EntryRow, 'documentId' | 'url' | 'title' | 'author' | 'unfurl'> | null =
        await strapi.db.query(ENTRY_UID).findOne({
          where: { documentId },
          select: ['documentId', 'url', 'title', 'author', 'unfurl'],
        });
      if (!entry) return null;
      const record = readRecord(entry.unfurl);
      const outcome: UnfurlOutcome = getPluginConfig(strapi).unfurl.enabled
        ? await unfurl(entry.url, fetchPage, limits())
        : { ok: false, reason: TURNED_OFF };
      const now = new Date();
      const data = outcome.ok
        ? (() => {
            const filled = fillFromMetadata(entry, record, outcome.metadata, now);
            return { ...filled.data, unfurl: filled.record };
          })()
        : { unfurl: failedRecord(record, outcome.reason, now) };
      // The link may have been deleted meanwhile; then there is nothing to fill.
      const still = await strapi.db
        .query(ENTRY_UID)
        .findOne({ where: { documentId }, select: ['id'] });
      if (!still) return null;
      return documentsOf(strapi, ENTRY_UID).update({ documentId, data });
    },

    /** Queues `documentId` for unfurling in the background (after capture). */
    schedule(documentId: string) {
      if (!getPluginConfig(strapi).unfurl.enabled || stopped || queued.has(documentId)) return;
      queued.add(documentId);
      queue.push(documentId);
      setImmediate(pump);
    },

    /**
     * Queues again the inbox links whose unfurl was waiting or running when the
     * server stopped (the queue lives in memory), oldest first; called once at
     * boot. Read from the inbox index, so it costs what the inbox holds.
     */
    async resumePending(): Promise<number> {
      if (!getPluginConfig(strapi).unfurl.enabled) return 0;
      const rows: Pick<EntryRow, 'documentId' | 'unfurl'>[] = await strapi.db
        .query(ENTRY_UID)
        .findMany({
          where: { inInbox: true, unfurl: { $notNull: true } },
          select: ['documentId', 'unfurl'],
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        });
      const pending = rows.filter((row) => readRecord(row.unfurl)?.state === 'pending');
      for (const row of pending) service.schedule(row.documentId);
      return pending.length;
    },

    /** How many unfurls are waiting or running (tests and shutdown wait on it). */
    pending: () => queue.length + running,

    stop() {
      stopped = true;
      queue.length = 0;
      queued.clear();
    },
  };
  return service;
};

export type UnfurlService = ReturnType<typeof unfurlService>;
export default unfurlService;
