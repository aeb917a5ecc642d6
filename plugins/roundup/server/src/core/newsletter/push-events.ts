/**
 * Pushes to a newsletter service share the outbox with build hooks; their event
 * names them: a push from the editor's page sends the draft, one on publish the
 * published roundup.
 */
import type { NewsletterPushEvent } from '../../../../shared/contracts/newsletter';

export type PushEvent = NewsletterPushEvent;

export const PUSH_EVENTS = {
  draft: 'newsletter.push',
  published: 'newsletter.publish',
} as const satisfies Record<string, PushEvent>;

export const isPushEvent = (event: unknown): event is PushEvent =>
  event === PUSH_EVENTS.draft || event === PUSH_EVENTS.published;
