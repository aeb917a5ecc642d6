import { Webhook } from 'standardwebhooks';
import type { ReceivedRequest } from './receiver';

/** Kathmandu is 5 h 45 min ahead of UTC all year: its wall times are worked out here without Intl. */
export const KATHMANDU = 'Asia/Kathmandu';
const KATHMANDU_OFFSET_MS = (5 * 60 + 45) * 60_000;

/** The wall time (to the second) a clock in Kathmandu shows at `instant`. */
export const kathmanduWallTime = (instant: number) =>
  new Date(instant + KATHMANDU_OFFSET_MS).toISOString().slice(0, 19);

/** A whole second at least `ms` from now: the instant to schedule for. */
export const secondsAhead = (ms: number) => Math.ceil((Date.now() + ms) / 1000) * 1000;

export const HOOK_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

/** The rebuild request a receiver got, its signature checked. */
export const rebuildRequest = (request: ReceivedRequest) =>
  new Webhook(HOOK_SECRET).verify(request.body, {
    'webhook-id': String(request.headers['webhook-id']),
    'webhook-timestamp': String(request.headers['webhook-timestamp']),
    'webhook-signature': String(request.headers['webhook-signature']),
  }) as {
    type: string;
    data: { roundup: { documentId: string; slug: string; title: string }; events: number };
  };

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
