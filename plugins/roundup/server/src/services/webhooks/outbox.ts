import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { debounceDeadline } from '../../core/webhooks';
import { BUILD_HOOK_UID, DELIVERY_UID } from '../../uids';
import type { RoundupEvent, RoundupRef } from './events';
import type { StoredHook } from './hooks';

type Row = Record<string, any>;

/**
 * A new pending delivery of one event; `open` ones still take in further
 * events of the same roundup until they are due.
 */
const newDelivery = (
  hook: StoredHook,
  event: RoundupEvent,
  roundup: RoundupRef | null,
  now: number,
  { dueAt, open }: { dueAt: number; open: boolean }
) => ({
  hookId: hook.id,
  hookName: hook.name,
  webhookId: `msg_${randomBytes(12).toString('hex')}`,
  event,
  roundupDocumentId: roundup?.documentId ?? null,
  roundupSlug: roundup?.slug ?? null,
  roundupTitle: roundup?.title ?? null,
  events: 1,
  state: 'pending',
  firstEventAt: now,
  lastEventAt: now,
  dueAt,
  attempts: 0,
  open,
});

/**
 * The persisted outbox. Enqueueing locks the hook's row, so a burst of events
 * spread over several Strapi instances still joins one pending delivery;
 * claiming is a conditional update, so exactly one instance sends each
 * delivery, and a claim that outlives its instance expires.
 */
const outbox = ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.getModel(DELIVERY_UID).collectionName as string;
  const hookTable = () => strapi.getModel(BUILD_HOOK_UID).collectionName as string;
  const canLock = () => strapi.db.dialect.client !== 'sqlite';

  return {
    /** Adds an event for `hook` to its pending delivery for the roundup, or starts one. */
    async enqueue(hook: StoredHook, event: RoundupEvent, roundup: RoundupRef, now = Date.now()) {
      await strapi.db.transaction(async ({ trx }) => {
        if (canLock()) await trx(hookTable()).select('id').where({ id: hook.id }).forUpdate();
        const pending: Row | undefined = await trx(table())
          .select('id', 'first_event_at', 'events')
          .where({ hook_id: hook.id, roundup_document_id: roundup.documentId, open: true })
          .first();
        if (pending) {
          const firstEventAt = Number(pending.first_event_at);
          await trx(table())
            .where({ id: pending.id })
            .update({
              event,
              roundup_slug: roundup.slug,
              roundup_title: roundup.title,
              events: Number(pending.events) + 1,
              last_event_at: now,
              due_at: debounceDeadline({
                firstEventAt,
                lastEventAt: now,
                debounceMs: hook.debounceMs,
                maxWaitMs: hook.maxWaitMs,
              }),
              updated_at: new Date(now),
            });
          return;
        }
        const dueAt = debounceDeadline({
          firstEventAt: now,
          lastEventAt: now,
          debounceMs: hook.debounceMs,
          maxWaitMs: hook.maxWaitMs,
        });
        await strapi.db
          .query(DELIVERY_UID)
          .create({ data: newDelivery(hook, event, roundup, now, { dueAt, open: true }) });
      });
    },

    /** A delivery for `hook` due at once, outside any debounce ("Rebuild now"). */
    async enqueueNow(
      hook: StoredHook,
      event: RoundupEvent,
      roundup: RoundupRef | null,
      now = Date.now()
    ) {
      return strapi.db
        .query(DELIVERY_UID)
        .create({ data: newDelivery(hook, event, roundup, now, { dueAt: now, open: false }) });
    },

    /** Claims up to `limit` due deliveries for this instance until `now + ttlMs`. */
    async claimDue(
      instance: string,
      limit: number,
      ttlMs: number,
      now = Date.now()
    ): Promise<Row[]> {
      const candidates: Row[] = await strapi.db
        .connection(table())
        .select('id')
        .whereIn('state', ['pending', 'sending'])
        .andWhere('due_at', '<=', now)
        .andWhere((q: any) => q.whereNull('claimed_until').orWhere('claimed_until', '<', now))
        .orderBy('due_at', 'asc')
        .limit(limit);
      const claimed: Row[] = [];
      for (const { id } of candidates) {
        const won = await strapi.db
          .connection(table())
          .where({ id })
          .whereIn('state', ['pending', 'sending'])
          .andWhere((q: any) => q.whereNull('claimed_until').orWhere('claimed_until', '<', now))
          .update({
            state: 'sending',
            open: false,
            claimed_by: instance,
            claimed_until: now + ttlMs,
          });
        if (won === 1) claimed.push(await strapi.db.connection(table()).where({ id }).first());
      }
      return claimed;
    },

    /** Writes the outcome of one attempt and releases the claim. */
    async settle(id: number, changes: Record<string, unknown>) {
      await strapi.db
        .connection(table())
        .where({ id })
        .update({ ...changes, claimed_by: null, claimed_until: null, updated_at: new Date() });
    },

    /** The delivery log, newest first. */
    async list({ page, pageSize, hookId }: { page: number; pageSize: number; hookId?: number }) {
      const where = hookId ? { hookId } : {};
      const [rows, total] = await Promise.all([
        strapi.db.query(DELIVERY_UID).findMany({
          where,
          orderBy: [{ lastEventAt: 'desc' }, { id: 'desc' }],
          offset: (page - 1) * pageSize,
          limit: pageSize,
        }),
        strapi.db.query(DELIVERY_UID).count({ where }),
      ]);
      return {
        rows,
        pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
      };
    },
  };
};

export type OutboxService = ReturnType<typeof outbox>;
export default outbox;
