/** The newsletter services a roundup can be pushed to as a draft. */
export type NewsletterService = 'buttondown' | 'mailchimp';

/** POST /roundup/roundups/:documentId/newsletter/test: the editor's own address when `to` is left out. */
export interface NewsletterTestRequest {
  to?: string;
}

/** 202: the email provider accepted the message. */
export interface NewsletterTestResponse {
  data: { to: string; subject: string };
}

/** POST /roundup/roundups/:documentId/newsletter/push. */
export interface NewsletterPushRequest {
  service: NewsletterService;
}

/**
 * The last push of a roundup to one service. `pending` waits for a retry (the
 * service answered 5xx or 429, or did not answer); `failed` will not be retried and
 * `lastError` has the service's own message.
 */
export interface NewsletterPush {
  state: 'pending' | 'sending' | 'delivered' | 'failed';
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  /** When the next attempt is due, for a pending push. */
  dueAt: string | null;
  at: string;
}

export interface NewsletterServiceStatus {
  service: NewsletterService;
  /** What to configure before this service can be used; null when it is set up. */
  problem: string | null;
  /** The draft (Buttondown) or campaign (Mailchimp) this roundup has there. */
  draft: { remoteId: string; pushedAt: string | null } | null;
  lastPush: NewsletterPush | null;
  /** Pushed automatically each time the roundup is published. */
  pushOnPublish: boolean;
}

/** GET /roundup/roundups/:documentId/newsletter: what the editor's newsletter panel shows. */
export interface NewsletterStatus {
  testSend: {
    /** What to configure before a test can be sent; null when an email provider is set up. */
    problem: string | null;
    /** The signed-in editor's own address, where a test goes by default. */
    defaultTo: string | null;
  };
  services: NewsletterServiceStatus[];
}

export interface NewsletterStatusResponse {
  data: NewsletterStatus;
}

/** 202: the push was made (or is waiting for a retry); the panel's state for that service. */
export interface NewsletterPushResponse {
  data: NewsletterServiceStatus;
}

/** The delivery log's event of a push to a newsletter service: the draft, or the roundup on publish. */
export type NewsletterPushEvent = 'newsletter.push' | 'newsletter.publish';
