import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import {
  buildRebuildPayload,
  classifyResponse,
  nextAttemptDelay,
  signWebhook,
} from '../../core/webhooks';
import { isGitEvent } from '../../core/git';
import { isPushEvent } from '../../core/newsletter';
import { getPluginConfig } from '../../utils/config';
import { getPluginService } from '../../utils/get-service';
import { OutboundError } from '../../outbound';
import type { DeliveryRow } from '../../content-types/rows';

const EXCERPT_LENGTH = 500;
// Enough bytes for EXCERPT_LENGTH characters of UTF-8; the rest of an answer is never read.
const EXCERPT_BYTES = EXCERPT_LENGTH * 4;

/**
 * Sends due deliveries from the outbox. Every instance runs one; the outbox's
 * claims make sure each delivery is sent by exactly one of them at a time.
 */
const dispatcher = ({ strapi }: { strapi: Core.Strapi }) => {
  const instance = `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = true;

  const send = async (delivery: DeliveryRow) => {
    // A newsletter push is a delivery of another kind: same outbox, its own request.
    if (isPushEvent(delivery.event))
      return getPluginService(strapi, 'newsletter-delivery').attempt(delivery);
    if (isGitEvent(delivery.event))
      return getPluginService(strapi, 'git-publish').attempt(delivery, instance);
    const hooks = getPluginService(strapi, 'hooks');
    const outbox = getPluginService(strapi, 'outbox');
    const { timeoutMs } = getPluginConfig(strapi).webhooks;
    let hook;
    try {
      hook = await hooks.find(Number(delivery.hookId));
    } catch {
      await outbox.settle(delivery.id, {
        state: 'failed',
        lastError: 'The build hook was deleted',
      });
      return;
    }
    if (!hook.enabled) {
      await outbox.settle(delivery.id, {
        state: 'failed',
        lastError: `Hook disabled: ${hook.disabledReason ?? ''}`,
      });
      return;
    }

    const body = JSON.stringify(
      buildRebuildPayload({
        type: delivery.event,
        timestamp: new Date(Number(delivery.lastEventAt)),
        roundup: {
          documentId: delivery.roundupDocumentId,
          slug: delivery.roundupSlug,
          title: delivery.roundupTitle,
        },
        events: Number(delivery.events),
      })
    );
    const headers: Record<string, string> = {
      ...hook.headers,
      'content-type': 'application/json',
      'user-agent': 'strapi-plugin-roundup',
    };
    if (hook.secret) {
      Object.assign(
        headers,
        signWebhook({ id: delivery.webhookId, timestamp: new Date(), body, secret: hook.secret })
      );
    } else {
      headers['webhook-id'] = delivery.webhookId;
      headers['webhook-timestamp'] = String(Math.floor(Date.now() / 1000));
    }

    let status: number | undefined;
    let error: 'timeout' | 'network' | undefined;
    let retryAfterHeader: string | undefined;
    let excerpt = '';
    let message: string | null = null;
    try {
      // Redirects are not followed (a 3xx fails the delivery); the guard is checked again at every send.
      const response = await getPluginService(strapi, 'outbound').request(hook.url, {
        method: 'POST',
        headers,
        body,
        timeoutMs,
        maxBytes: EXCERPT_BYTES,
      });
      status = response.status;
      retryAfterHeader = response.headers['retry-after'];
      excerpt = response.body.toString('utf8').slice(0, EXCERPT_LENGTH);
    } catch (failure) {
      // A refusal (the host resolves elsewhere since the hook was saved) retries like a network error.
      const code = failure instanceof OutboundError ? failure.code : 'network';
      error = code === 'timeout' ? 'timeout' : 'network';
      message =
        code === 'timeout'
          ? `No answer within ${timeoutMs} ms`
          : code === 'refused'
            ? `Refused: ${(failure as Error).message}`
            : (failure as Error).message || String(failure);
    }

    const now = Date.now();
    const attempts = Number(delivery.attempts) + 1;
    const verdict = classifyResponse({ status, error, retryAfterHeader, now });
    const common = {
      attempts,
      lastStatus: status ?? null,
      lastError: message,
      responseExcerpt: excerpt,
    };

    if (verdict.outcome === 'delivered') {
      await outbox.settle(delivery.id, { ...common, state: 'delivered', deliveredAt: now });
    } else if (verdict.outcome === 'retry' && attempts < hook.retry.maxAttempts) {
      const delay = nextAttemptDelay(attempts, hook.retry, Math.random, verdict.retryAfterMs);
      await outbox.settle(delivery.id, { ...common, state: 'pending', dueAt: now + delay });
    } else {
      if (verdict.outcome === 'disable')
        await hooks.disable(hook.id, `The receiver answered ${status} Gone`);
      const reason =
        verdict.outcome === 'retry'
          ? `Gave up after ${attempts} attempts`
          : (message ?? `The receiver answered ${status}`);
      await outbox.settle(delivery.id, { ...common, state: 'failed', lastError: reason });
    }
  };

  const tick = async () => {
    const { claimTtlMs, batchSize } = getPluginConfig(strapi).webhooks;
    const due = await getPluginService(strapi, 'outbox').claimDue(instance, batchSize, claimTtlMs);
    await Promise.all(
      due.map((delivery) =>
        send(delivery).catch((e) => strapi.log.error(`[roundup] delivery ${delivery.id}: ${e}`))
      )
    );
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick()
        .catch((e) => {
          strapi.log.error(`[roundup] webhook dispatcher: ${e}`);
        })
        .finally(() => {
          running = null;
          schedule();
        });
    }, getPluginConfig(strapi).webhooks.pollIntervalMs);
  };

  return {
    instance,
    start() {
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
    /** Sends whatever is due now; tests and "Rebuild now" use it to skip the poll wait. */
    tick,
  };
};

export type DispatcherService = ReturnType<typeof dispatcher>;
export default dispatcher;
