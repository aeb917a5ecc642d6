import type { Core } from '@strapi/strapi';
import {
  buttondownAccount,
  buttondownDraftRequest,
  createdId,
  mailchimpAccount,
  mailchimpCreateCampaign,
  mailchimpSetContent,
  mailchimpUpdateCampaign,
  PUSH_EVENTS,
  serviceErrorMessage,
  type NewsletterContent,
  type NewsletterService,
  type ServiceRequest,
} from '../../core/newsletter';
import { classifyResponse, nextAttemptDelay } from '../../core/webhooks';
import { getPluginConfig } from '../../utils/config';
import { NotFoundError } from '../../utils/errors';
import { getPluginService } from '../../utils/get-service';
import type { DeliveryRow } from '../../content-types/rows';
import { OutboundError } from '../../outbound';

interface Answer {
  status: number;
  body: string;
  retryAfter?: string;
}

const ANSWER_BYTES = 64 * 1024;
const ok = (status: number) => status >= 200 && status < 300;

/**
 * One attempt of a push delivery: the roundup rendered now, sent to the
 * service (create the draft or campaign, or update the one it has), and the
 * outcome written back to the outbox like a build hook's: delivered, retried
 * later (5xx, 429, no answer) on the newsletter retry schedule, or failed
 * with the service's own message.
 */
const newsletterDelivery = ({ strapi }: { strapi: Core.Strapi }) => {
  const send = async (request: ServiceRequest): Promise<Answer> => {
    const response = await getPluginService(strapi, 'outbound').request(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      maxBytes: ANSWER_BYTES,
    });
    return {
      status: response.status,
      body: response.body.toString('utf8'),
      retryAfter: response.headers['retry-after'],
    };
  };

  const drafts = () => getPluginService(strapi, 'newsletter-drafts');

  const pushButtondown = async (documentId: string, content: NewsletterContent) => {
    const { account, problem } = buttondownAccount(getPluginConfig(strapi).newsletter, process.env);
    if (!account) return problem;
    const stored = await drafts().find(documentId, 'buttondown');
    let answer = await send(buttondownDraftRequest(account, stored?.remoteId ?? null, content));
    if (stored && answer.status === 404) {
      // The draft was deleted in Buttondown: the roundup gets a new one.
      await drafts().forget(documentId, 'buttondown');
      answer = await send(buttondownDraftRequest(account, null, content));
    }
    const id = ok(answer.status) ? (createdId(answer.body) ?? stored?.remoteId) : null;
    if (id) await drafts().save(documentId, 'buttondown', id);
    return answer;
  };

  const pushMailchimp = async (documentId: string, content: NewsletterContent) => {
    const { account, problem } = mailchimpAccount(getPluginConfig(strapi).newsletter, process.env);
    if (!account) return problem;
    let id = (await drafts().find(documentId, 'mailchimp'))?.remoteId ?? null;
    if (id) {
      const answer = await send(mailchimpUpdateCampaign(account, account.root, id, content));
      if (answer.status === 404) {
        await drafts().forget(documentId, 'mailchimp');
        id = null;
      } else if (!ok(answer.status)) return answer;
    }
    if (!id) {
      const answer = await send(mailchimpCreateCampaign(account, account.root, content));
      if (!ok(answer.status)) return answer;
      id = createdId(answer.body);
      if (!id) return 'Mailchimp answered without the id of the campaign';
      await drafts().save(documentId, 'mailchimp', id);
    }
    return send(mailchimpSetContent(account, account.root, id, content));
  };

  return {
    async attempt(delivery: DeliveryRow) {
      const outbox = getPluginService(strapi, 'outbox');
      const { retry } = getPluginConfig(strapi).newsletter;
      const attempts = Number(delivery.attempts) + 1;
      const service = delivery.hookName as NewsletterService;
      const documentId = delivery.roundupDocumentId ?? '';

      let answer: Answer | string | undefined;
      let error: 'timeout' | 'network' | undefined;
      let message: string | null = null;
      try {
        const content = await getPluginService(strapi, 'newsletter-content').load(
          documentId,
          delivery.event === PUSH_EVENTS.published ? 'published' : 'draft'
        );
        answer =
          service === 'buttondown'
            ? await pushButtondown(documentId, content)
            : await pushMailchimp(documentId, content);
      } catch (failure) {
        if (failure instanceof NotFoundError) answer = 'The roundup was deleted';
        else if (!(failure instanceof OutboundError)) throw failure;
        else {
          error = failure.code === 'timeout' ? 'timeout' : 'network';
          message =
            failure.code === 'refused' ? `Refused: ${failure.message}` : failure.message || error;
        }
      }

      // A string is a problem on our side (configuration): retrying cannot mend it.
      if (typeof answer === 'string') {
        await outbox.settle(delivery.id, { attempts, state: 'failed', lastError: answer });
        return;
      }
      const status = answer?.status;
      if (answer && !ok(answer.status)) message = serviceErrorMessage(answer.status, answer.body);
      const now = Date.now();
      const verdict = classifyResponse({
        status,
        error,
        retryAfterHeader: answer?.retryAfter,
        now,
      });
      const common = {
        attempts,
        lastStatus: status ?? null,
        lastError: message,
        responseExcerpt: answer?.body.slice(0, 500) ?? '',
      };
      if (verdict.outcome === 'delivered') {
        await outbox.settle(delivery.id, { ...common, state: 'delivered', deliveredAt: now });
      } else if (verdict.outcome === 'retry' && attempts < retry.maxAttempts) {
        const delay = nextAttemptDelay(attempts, retry, Math.random, verdict.retryAfterMs);
        await outbox.settle(delivery.id, { ...common, state: 'pending', dueAt: now + delay });
      } else {
        const reason =
          verdict.outcome === 'retry' ? `Gave up after ${attempts} attempts: ${message}` : message;
        await outbox.settle(delivery.id, { ...common, state: 'failed', lastError: reason });
      }
    },
  };
};

export type NewsletterDeliveryService = ReturnType<typeof newsletterDelivery>;
export default newsletterDelivery;
