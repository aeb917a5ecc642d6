import type { OutboundErrorCode } from '../core/outbound';

export type { OutboundErrorCode };

/** A request that got no HTTP answer: refused by the guard, or failed on the way (`code` says which). */
export class OutboundError extends Error {
  constructor(
    readonly code: OutboundErrorCode,
    message: string,
    /** The URL of the request (or redirect hop) that failed. */
    readonly url: string
  ) {
    super(message);
    this.name = 'OutboundError';
  }
}
