import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type {
  NewsletterServiceStatus,
  NewsletterStatus,
} from '../../../../shared/contracts/newsletter';
import { PUSH_EVENTS, serviceProblem, type NewsletterService } from '../../core/newsletter';
import { NEWSLETTER_SERVICES } from '../../config/newsletter';
import { DELIVERY_UID, ROUNDUP_UID } from '../../uids';
import { getPluginConfig } from '../../utils/config';
import { NotFoundError, ServiceUnavailableError } from '../../utils/errors';
import { getPluginService } from '../../utils/get-service';
import type { DeliveryRow } from '../../content-types/rows';
import type { RoundupRef } from '../webhooks/events';

const iso = (ms: string | number | null | undefined) =>
  ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString();

/**
 * Drafts in the curator's newsletter service. A push is a delivery in the
 * outbox, like a build hook's: made at once from the editor's page (and on
 * publish, when configured), then retried by the dispatcher on the newsletter
 * retry schedule until the service takes it. Nothing here ever sends a
 * newsletter to subscribers.
 */
const newsletterPush = ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.getModel(DELIVERY_UID).collectionName as string;
  const config = () => getPluginConfig(strapi).newsletter;
  const instance = `newsletter-${process.pid}-${randomBytes(4).toString('hex')}`;

  const latest = async (documentId: string, service: NewsletterService) =>
    (await strapi.db.query(DELIVERY_UID).findOne({
      where: {
        roundupDocumentId: documentId,
        hookName: service,
        event: { $in: Object.values(PUSH_EVENTS) },
      },
      orderBy: { id: 'desc' },
    })) as DeliveryRow | null;

  /** A new push in the outbox, due now; claimed by this instance when it sends it at once. */
  const enqueue = async (
    roundup: RoundupRef,
    service: NewsletterService,
    event: string,
    claimedUntil: number | null
  ) => {
    const now = Date.now();
    const created = (await strapi.db.query(DELIVERY_UID).create({
      data: {
        hookId: 0,
        hookName: service,
        webhookId: `msg_${randomBytes(12).toString('hex')}`,
        event,
        roundupDocumentId: roundup.documentId,
        roundupSlug: roundup.slug,
        roundupTitle: roundup.title,
        events: 1,
        state: claimedUntil ? 'sending' : 'pending',
        open: false,
        firstEventAt: now,
        lastEventAt: now,
        dueAt: now,
        attempts: 0,
        claimedBy: claimedUntil ? instance : null,
        claimedUntil,
      },
    })) as { id: number };
    return created.id;
  };

  /**
   * The roundup's push to `service` claimed by this instance to send now: the
   * one still waiting for a retry, or a new one. Null when another instance is sending it.
   */
  const claim = async (
    roundup: RoundupRef,
    service: NewsletterService,
    event: string
  ): Promise<DeliveryRow | null> => {
    const now = Date.now();
    const claimedUntil = now + getPluginConfig(strapi).webhooks.claimTtlMs;
    const waiting = await latest(roundup.documentId, service);
    let id: number;
    if (waiting && (waiting.state === 'pending' || waiting.state === 'sending')) {
      const won = await strapi.db
        .connection(table())
        .where({ id: waiting.id })
        .whereIn('state', ['pending', 'sending'])
        .andWhere((q) => q.whereNull('claimed_until').orWhere('claimed_until', '<', now))
        .update({
          state: 'sending',
          claimed_by: instance,
          claimed_until: claimedUntil,
          due_at: now,
        });
      if (won !== 1) return null;
      id = waiting.id;
    } else id = await enqueue(roundup, service, event, claimedUntil);
    return strapi.db.query(DELIVERY_UID).findOne({ where: { id } });
  };

  const serviceStatus = async (
    documentId: string,
    service: NewsletterService
  ): Promise<NewsletterServiceStatus> => {
    const [draft, push] = await Promise.all([
      getPluginService(strapi, 'newsletter-drafts').find(documentId, service),
      latest(documentId, service),
    ]);
    return {
      service,
      problem: serviceProblem(service, config(), process.env),
      draft: draft ? { remoteId: draft.remoteId, pushedAt: iso(draft.pushedAt) } : null,
      lastPush: push
        ? {
            // A push never waits on a conflict; that state is a Git target's.
            state: push.state === 'conflict' ? 'failed' : push.state,
            attempts: Number(push.attempts),
            lastStatus: push.lastStatus ?? null,
            lastError: push.lastError ?? null,
            dueAt: push.state === 'pending' ? iso(push.dueAt) : null,
            at: iso(push.lastEventAt) as string,
          }
        : null,
      pushOnPublish: config().pushOnPublish.includes(service),
    };
  };

  const roundupRef = async (documentId: string): Promise<RoundupRef> => {
    const row = (await strapi.db.query(ROUNDUP_UID).findOne({
      where: { documentId, publishedAt: null },
      select: ['documentId', 'slug', 'title'],
    })) as RoundupRef | null;
    if (!row) throw new NotFoundError(`No roundup with documentId "${documentId}"`);
    return { documentId, slug: row.slug ?? null, title: row.title ?? null };
  };

  const pushNow = async (roundup: RoundupRef, service: NewsletterService, event: string) => {
    const delivery = await claim(roundup, service, event);
    if (delivery) await getPluginService(strapi, 'newsletter-delivery').attempt(delivery);
  };

  return {
    /** What the editor's newsletter panel shows for one roundup. */
    async status(documentId: string, editorEmail: string | null): Promise<NewsletterStatus> {
      await roundupRef(documentId);
      return {
        testSend: {
          problem: getPluginService(strapi, 'newsletter-test-send').problem(),
          defaultTo: editorEmail,
        },
        services: await Promise.all(
          NEWSLETTER_SERVICES.map((service) => serviceStatus(documentId, service))
        ),
      };
    },

    /** Pushes the draft of `documentId` to `service` now; its state afterwards (delivered, retrying or failed). */
    async push(documentId: string, service: NewsletterService): Promise<NewsletterServiceStatus> {
      const problem = serviceProblem(service, config(), process.env);
      if (problem) throw new ServiceUnavailableError(problem);
      await pushNow(await roundupRef(documentId), service, PUSH_EVENTS.draft);
      return serviceStatus(documentId, service);
    },

    /**
     * On publish: a push of the published roundup to each service configured for it, due
     * now; the dispatcher sends it, so publishing never waits on a newsletter service.
     */
    async onPublish(roundup: RoundupRef) {
      for (const service of config().pushOnPublish) {
        const problem = serviceProblem(service, config(), process.env);
        if (problem) strapi.log.warn(`[roundup] no push on publish: ${problem}`);
        else await enqueue(roundup, service, PUSH_EVENTS.published, null);
      }
    },
  };
};

export type NewsletterPushService = ReturnType<typeof newsletterPush>;
export default newsletterPush;
