import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { debounceDeadline } from '../../core/webhooks';
import { GIT_EVENTS, type GitEvent } from '../../core/git';
import type { DeliveryRow, GitConflict, GitTargetRow } from '../../content-types/rows';
import { BUILD_HOOK_UID, DELIVERY_UID, GIT_TARGET_UID } from '../../uids';
import { findPage } from '../../utils/database';
import type { RoundupEvent, RoundupRef } from './events';
import type { StoredHook } from './hooks';

/** What one attempt leaves on its delivery (times in milliseconds). */
export interface Settlement {
  state: DeliveryRow['state'];
  attempts?: number;
  lastStatus?: number | null;
  lastError?: string | null;
  responseExcerpt?: string;
  dueAt?: number;
  deliveredAt?: number;
  commitId?: string | null;
  conflicts?: GitConflict[] | null;
}

/** Deliveries still to send whose claim, if any, has run out at `now`. */
const claimable = (now: number) => ({
  state: { $in: ['pending', 'sending'] },
  $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }],
});

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

/** A new delivery to a Git target (its row id stands in the hook's place). */
const gitDelivery = (target: GitTargetRow, event: GitEvent, now: number) => ({
  hookId: target.id,
  hookName: target.name,
  webhookId: `msg_${randomBytes(12).toString('hex')}`,
  event,
  roundupDocumentId: null,
  events: 1,
  state: 'pending',
  firstEventAt: now,
  lastEventAt: now,
  attempts: 0,
});

/**
 * The persisted outbox. Enqueueing locks the hook's row, so a burst of events
 * spread over several Strapi instances still joins one pending delivery;
 * claiming is a conditional update, so exactly one instance sends each
 * delivery, and a claim that outlives its instance expires.
 */
const outbox = ({ strapi }: { strapi: Core.Strapi }) => {
  const deliveries = () => strapi.db.query(DELIVERY_UID);
  const hookTable = () => strapi.getModel(BUILD_HOOK_UID).collectionName as string;
  const gitTargetTable = () => strapi.getModel(GIT_TARGET_UID).collectionName as string;
  const canLock = () => strapi.db.dialect.client !== 'sqlite';

  return {
    /** Adds an event for `hook` to its pending delivery for the roundup, or starts one. */
    async enqueue(hook: StoredHook, event: RoundupEvent, roundup: RoundupRef, now = Date.now()) {
      await strapi.db.transaction(async ({ trx }) => {
        if (canLock()) await trx(hookTable()).select('id').where({ id: hook.id }).forUpdate();
        const pending: Pick<DeliveryRow, 'id' | 'firstEventAt' | 'events'> | null =
          await deliveries().findOne({
            select: ['id', 'firstEventAt', 'events'],
            where: { hookId: hook.id, roundupDocumentId: roundup.documentId, open: true },
          });
        if (pending) {
          await deliveries().updateMany({
            where: { id: pending.id },
            data: {
              event,
              roundupSlug: roundup.slug,
              roundupTitle: roundup.title,
              events: Number(pending.events) + 1,
              lastEventAt: now,
              dueAt: debounceDeadline({
                firstEventAt: Number(pending.firstEventAt),
                lastEventAt: now,
                debounceMs: hook.debounceMs,
                maxWaitMs: hook.maxWaitMs,
              }),
              updatedAt: new Date(now),
            },
          });
          return;
        }
        const dueAt = debounceDeadline({
          firstEventAt: now,
          lastEventAt: now,
          debounceMs: hook.debounceMs,
          maxWaitMs: hook.maxWaitMs,
        });
        await deliveries().create({
          data: newDelivery(hook, event, roundup, now, { dueAt, open: true }),
        });
      });
    },

    /**
     * Adds a roundup to the Git target's pending commit, or starts one: one
     * commit per burst, whichever roundups the burst touched.
     */
    async enqueueGit(target: GitTargetRow, roundup: RoundupRef, now = Date.now()) {
      const { debounceMs, maxWaitMs } = target.settings;
      await strapi.db.transaction(async ({ trx }) => {
        if (canLock())
          await trx(gitTargetTable()).select('id').where({ id: target.id }).forUpdate();
        const pending: Pick<
          DeliveryRow,
          'id' | 'firstEventAt' | 'events' | 'roundupDocumentIds'
        > | null = await deliveries().findOne({
          select: ['id', 'firstEventAt', 'events', 'roundupDocumentIds'],
          where: { hookId: target.id, event: GIT_EVENTS.commit, open: true },
        });
        const firstEventAt = pending ? Number(pending.firstEventAt) : now;
        const data = {
          roundupSlug: roundup.slug,
          roundupTitle: roundup.title,
          lastEventAt: now,
          dueAt: debounceDeadline({ firstEventAt, lastEventAt: now, debounceMs, maxWaitMs }),
        };
        if (pending) {
          const ids = new Set([...(pending.roundupDocumentIds ?? []), roundup.documentId]);
          await deliveries().updateMany({
            where: { id: pending.id },
            data: {
              ...data,
              events: Number(pending.events) + 1,
              roundupDocumentIds: [...ids],
              updatedAt: new Date(now),
            },
          });
          return;
        }
        await deliveries().create({
          data: {
            ...gitDelivery(target, GIT_EVENTS.commit, now),
            ...data,
            roundupDocumentIds: [roundup.documentId],
            open: true,
          },
        });
      });
    },

    /** "Sync now": one commit of the whole published archive to the Git target, due at once. */
    async enqueueGitSync(target: GitTargetRow, now = Date.now()) {
      const delivery: DeliveryRow = await deliveries().create({
        data: { ...gitDelivery(target, GIT_EVENTS.sync, now), dueAt: now, open: false },
      });
      return delivery;
    },

    /** A delivery for `hook` due at once, outside any debounce ("Rebuild now"). */
    async enqueueNow(
      hook: StoredHook,
      event: RoundupEvent,
      roundup: RoundupRef | null,
      now = Date.now()
    ) {
      const delivery: DeliveryRow = await deliveries().create({
        data: newDelivery(hook, event, roundup, now, { dueAt: now, open: false }),
      });
      return delivery;
    },

    /** Claims up to `limit` due deliveries for this instance until `now + ttlMs`. */
    async claimDue(
      instance: string,
      limit: number,
      ttlMs: number,
      now = Date.now()
    ): Promise<DeliveryRow[]> {
      const candidates: Pick<DeliveryRow, 'id'>[] = await deliveries().findMany({
        select: ['id'],
        where: { ...claimable(now), dueAt: { $lte: now } },
        orderBy: { dueAt: 'asc' },
        limit,
      });
      const claimed: DeliveryRow[] = [];
      for (const { id } of candidates) {
        // A conditional update: of all the instances that try, one changes the row.
        const { count } = await deliveries().updateMany({
          where: { id, ...claimable(now) },
          data: { state: 'sending', open: false, claimedBy: instance, claimedUntil: now + ttlMs },
        });
        if (count === 1) claimed.push(await deliveries().findOne({ where: { id } }));
      }
      return claimed;
    },

    /** Writes the outcome of one attempt and releases the claim. */
    async settle(id: number, settlement: Settlement) {
      await deliveries().updateMany({
        where: { id },
        data: { ...settlement, claimedBy: null, claimedUntil: null, updatedAt: new Date() },
      });
    },

    /** The delivery log, newest first. */
    /** The delivery log, newest first: a build hook's (`hookId`), a Git target's (`targetId`) or all. */
    async list({
      page,
      pageSize,
      hookId,
      targetId,
    }: {
      page: number;
      pageSize: number;
      hookId?: number;
      targetId?: number;
    }) {
      const gitEvents = Object.values(GIT_EVENTS);
      const where = targetId
        ? { hookId: targetId, event: { $in: gitEvents } }
        : hookId
          ? { hookId, event: { $notIn: gitEvents } }
          : {};
      return findPage<DeliveryRow>(
        strapi,
        DELIVERY_UID,
        { where, orderBy: [{ lastEventAt: 'desc' }, { id: 'desc' }] },
        { page, pageSize }
      );
    },
  };
};

export type OutboxService = ReturnType<typeof outbox>;
export default outbox;
