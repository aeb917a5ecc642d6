import type { RoundupEvent } from '../../../../shared/contracts/build-hooks';

export { ROUNDUP_EVENTS } from '../../../../shared/contracts/build-hooks';
export type RoundupEventType = RoundupEvent;

export interface RebuildPayload {
  type: RoundupEventType;
  /** ISO 8601, the last event coalesced into this delivery. */
  timestamp: string;
  data: {
    /** null fields for a rebuild asked for by hand, outside any roundup. */
    roundup: { documentId: string | null; slug: string | null; title: string | null };
    /** How many events this one delivery stands for. */
    events: number;
  };
}

/** The JSON body of a rebuild request, in the Standard Webhooks `type`/`timestamp`/`data` shape. */
export const buildRebuildPayload = ({
  type,
  timestamp,
  roundup,
  events,
}: {
  type: RoundupEventType;
  timestamp: Date;
  roundup: RebuildPayload['data']['roundup'];
  events: number;
}): RebuildPayload => ({
  type,
  timestamp: timestamp.toISOString(),
  data: {
    roundup: { documentId: roundup.documentId, slug: roundup.slug, title: roundup.title },
    events,
  },
});
