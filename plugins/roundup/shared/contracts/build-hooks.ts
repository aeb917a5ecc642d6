/** What the build hook routes answer and take: the hooks, their deliveries, "Rebuild now". */
import type { GitDeliveryEvent } from './git-targets';
import type { NewsletterPushEvent } from './newsletter';
import type { Pagination } from './pagination';

/** The roundup events a build hook can subscribe to. */
export const ROUNDUP_EVENTS = [
  'roundup.publish',
  'roundup.unpublish',
  'roundup.update',
  'roundup.delete',
] as const;

export type RoundupEvent = (typeof ROUNDUP_EVENTS)[number];

/** A build hook as the routes answer it: never its secret, only whether it has one. */
export interface BuildHook {
  id: number;
  name: string;
  url: string;
  events: RoundupEvent[];
  headers: Record<string, string>;
  debounceMs: number;
  maxWaitMs: number;
  retry: { baseDelayMs: number; maxDelayMs: number; maxAttempts: number };
  enabled: boolean;
  /** Why deliveries to it stopped (a hook is disabled after it kept failing). */
  disabledReason: string | null;
  /** `config` hooks are declared in config/plugins.ts and changed there, not in the admin panel. */
  source: 'config' | 'admin';
  hasSecret: boolean;
}

/** A new build hook, as the settings page sends it (a secret left out makes it unsigned). */
export interface BuildHookInput {
  name: string;
  url: string;
  secret?: string;
  events: RoundupEvent[];
  debounceMs: number;
  maxWaitMs: number;
}

/** One delivery of a hook: the events a debounce joined into one request, and how it went. */
export interface Delivery {
  id: number;
  hook: { id: number; name: string };
  /** A build hook's event, or a push to a newsletter service (its name is the hook's). */
  event: RoundupEvent | NewsletterPushEvent | GitDeliveryEvent;
  /** The roundup the events were about (none for "Rebuild now"). */
  roundup: { documentId: string; slug: string | null; title: string | null } | null;
  /** How many events this one request stands for. */
  events: number;
  /** `conflict`: a Git target's delivery waits for an editor to overwrite or skip each file. */
  state: 'pending' | 'sending' | 'delivered' | 'failed' | 'conflict';
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  responseExcerpt: string | null;
  webhookId: string;
  lastEventAt: string;
  dueAt: string | null;
  deliveredAt: string | null;
  /** The commit a Git target's delivery pushed. */
  commitId: string | null;
  /** Files someone else changed in the repository since the plugin wrote them. */
  conflicts: { path: string; remoteCommit: string }[] | null;
}

/** GET /roundup/build-hooks */
export interface BuildHookList {
  data: BuildHook[];
}

/** GET /roundup/deliveries, newest first. */
export interface DeliveryList {
  data: Delivery[];
  meta: { pagination: Pagination };
}
