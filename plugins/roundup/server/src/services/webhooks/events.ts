import type { Core } from '@strapi/strapi';
import { ROUNDUP_EVENTS, type RoundupEventType } from '../../core/webhooks';
import { CATEGORY_UID, ENTRY_UID, ROUNDUP_UID } from '../../uids';
import type { RoundupRow } from '../../content-types/rows';
import { writtenDocumentId, type DocumentWrite } from '../../utils/document-write';
import { getPluginService } from '../../utils/get-service';

export type RoundupEvent = RoundupEventType;

export interface RoundupRef {
  documentId: string;
  slug: string | null;
  title: string | null;
}

/**
 * Turns writes into roundup events: publish, unpublish and delete of a
 * roundup, and `roundup.update` for every published roundup whose visible
 * content changed through one of its links or sections. Each event goes on
 * Strapi's event hub and into the outbox of every hook that wants it.
 */
const events = ({ strapi }: { strapi: Core.Strapi }) => {
  const publishedRef = async (documentId: string): Promise<RoundupRef | null> => {
    const row: Pick<RoundupRow, 'documentId' | 'slug' | 'title'> | null = await strapi.db
      .query(ROUNDUP_UID)
      .findOne({
        where: { documentId, publishedAt: { $notNull: true } },
        select: ['documentId', 'slug', 'title'],
      });
    return row
      ? { documentId: row.documentId, slug: row.slug ?? null, title: row.title ?? null }
      : null;
  };

  /** documentIds of the roundups that the matching entries belong to (draft or published rows). */
  const roundupsOfEntries = async (where: Record<string, unknown>): Promise<string[]> => {
    const rows: { roundup?: Pick<RoundupRow, 'documentId'> | null }[] = await strapi.db
      .query(ENTRY_UID)
      .findMany({ where, select: ['id'], populate: { roundup: { select: ['documentId'] } } });
    return rows
      .map((row) => row.roundup?.documentId)
      .filter((documentId): documentId is string => Boolean(documentId));
  };

  const emit = async (event: RoundupEvent, roundup: RoundupRef) => {
    strapi.eventHub.emit(event, { roundup });
    for (const hook of await getPluginService(strapi, 'hooks').forEvent(event)) {
      await getPluginService(strapi, 'outbox').enqueue(hook, event, roundup);
    }
    // Every change to what readers see changes the file a Git target holds.
    for (const target of await getPluginService(strapi, 'git-targets').list()) {
      await getPluginService(strapi, 'outbox').enqueueGit(target, roundup);
    }
  };

  const emitUpdates = async (documentIds: string[]) => {
    for (const documentId of new Set(documentIds)) {
      const roundup = await publishedRef(documentId);
      if (roundup) await emit('roundup.update', roundup);
    }
  };

  return {
    /** Registers the events with Strapi's webhook store, so Strapi's own webhooks can use them too. */
    register() {
      const store = strapi.get('webhookStore') as {
        addAllowedEvent: (key: string, value: string) => void;
      };
      for (const event of ROUNDUP_EVENTS) {
        store.addAllowedEvent(event.replace('.', '_').toUpperCase(), event);
      }
    },

    /**
     * Wraps one Document Service write: looks at what readers see before and
     * after it and emits the events that describe the difference.
     */
    async around<Result>(write: DocumentWrite, run: () => Promise<Result>): Promise<Result> {
      const { uid, action, documentId } = write;
      if (uid === ROUNDUP_UID) {
        const before =
          documentId && (action === 'delete' || action === 'unpublish')
            ? await publishedRef(documentId)
            : null;
        const result = await run();
        const id = writtenDocumentId(write, result);
        if (action === 'publish' && id) {
          const roundup = await publishedRef(id);
          if (roundup) await emit('roundup.publish', roundup);
          if (roundup) await getPluginService(strapi, 'newsletter-push').onPublish(roundup);
        }
        if (action === 'unpublish' && before) await emit('roundup.unpublish', before);
        if (action === 'delete' && before) await emit('roundup.delete', before);
        return result;
      }
      if (uid === ENTRY_UID && ['create', 'update', 'delete'].includes(action)) {
        const before = documentId ? await roundupsOfEntries({ documentId }) : [];
        const result = await run();
        const id = writtenDocumentId(write, result);
        const after = id && action !== 'delete' ? await roundupsOfEntries({ documentId: id }) : [];
        await emitUpdates([...before, ...after]);
        return result;
      }
      if (uid === CATEGORY_UID && (action === 'update' || action === 'delete') && documentId) {
        const affected = await roundupsOfEntries({ category: { documentId } });
        const result = await run();
        await emitUpdates(affected);
        return result;
      }
      return run();
    },
  };
};

export type EventsService = ReturnType<typeof events>;
export default events;
