import type { DeadAnswer, LinkState, RedirectHop } from '../core/link-health';
import type { Roundup } from '../core/model';
import type { Resolution } from '../core/git/conflict';
import type { GitEvent, GitTarget } from '../core/git';
import type { PushEvent } from '../core/newsletter/push-events';
import type { RetrySchedule, RoundupEventType } from '../core/webhooks';

/**
 * One row of each of the plugin's tables as the Query Engine (`strapi.db.query`)
 * and the Document Service return it: datetimes as ISO 8601 strings, biginteger
 * columns as their digits in a string, booleans as booleans, JSON parsed. A
 * query that selects a few columns reads a `Pick` of its row; relations are
 * there only when populated.
 */

/** A biginteger column's value (milliseconds since the epoch in our tables), as digits. */
export type BigIntegerText = string;

interface BaseRow {
  id: number;
  documentId: string;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

/** roundup_categories: a section. */
export interface CategoryRow extends BaseRow {
  name: string;
  /** Made from the name on every write when left empty. */
  slug: string;
  description: string | null;
  position: number | null;
  /** The section it stands under; populated only. */
  parent?: CategoryRow | null;
}

/** roundup_entries: a link, in the inbox or in a roundup. */
export interface EntryRow extends BaseRow {
  title: string;
  url: string;
  canonicalUrl: string | null;
  /** The sha256 of `canonicalUrl`, for its index. */
  canonicalHash: string | null;
  inInbox: boolean;
  originalUrl: string | null;
  author: string | null;
  description: string | null;
  textAfter: string | null;
  capturedAt: string | null;
  captureSource: string | null;
  captures: number | null;
  /** What unfurl recorded (read it with `readRecord`). */
  unfurl: unknown;
  category?: CategoryRow | null;
  roundup?: RoundupRow | null;
}

/** roundup_roundups: a roundup's draft or published version. */
export interface RoundupRow extends BaseRow, Omit<Roundup, 'slug' | 'sections'> {
  /** Made from the title on every write when left empty; a draft without a title has none yet. */
  slug: string | null;
  /** Own heading text per section documentId (see core/section-heading). */
  headings: Record<string, string> | null;
  /** Own link on a section's heading per section documentId (see core/section-heading). */
  headingLinks: Record<string, string> | null;
  /** Own Markdown note under a section's heading per section documentId. */
  sectionNotes: Record<string, string> | null;
  entries?: EntryRow[];
  sections?: CategoryRow[];
}

/** roundup_content_versions: one counter per kind of content. */
export interface ContentVersionRow extends BaseRow {
  key: string;
  version: BigIntegerText;
}

/** roundup_build_hooks: where to send rebuild requests. */
export interface BuildHookRow extends BaseRow {
  name: string;
  url: string;
  events: RoundupEventType[] | null;
  secret: string | null;
  headers: Record<string, string> | null;
  debounceMs: number;
  maxWaitMs: number;
  retry: RetrySchedule;
  enabled: boolean | null;
  disabledReason: string | null;
  source: 'config' | 'admin' | null;
}

/** roundup_deliveries: the outbox, one rebuild request to send. */
export interface DeliveryRow extends BaseRow {
  hookId: number;
  hookName: string;
  webhookId: string;
  /** A build hook's event, or a push to a newsletter service (hookId 0, hookName the service). */
  event: RoundupEventType | PushEvent | GitEvent;
  roundupDocumentId: string | null;
  roundupSlug: string | null;
  roundupTitle: string | null;
  events: number;
  open: boolean;
  state: 'pending' | 'sending' | 'delivered' | 'failed' | 'conflict';
  firstEventAt: BigIntegerText | null;
  lastEventAt: BigIntegerText | null;
  dueAt: BigIntegerText | null;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  responseExcerpt: string | null;
  claimedBy: string | null;
  claimedUntil: BigIntegerText | null;
  deliveredAt: BigIntegerText | null;
  /** A Git target's burst: the roundups it touched (null: the whole archive, "Sync now"). */
  roundupDocumentIds: string[] | null;
  /** The commit a Git target's delivery pushed. */
  commitId: string | null;
  /** Files a Git target's delivery left alone because someone else changed them. */
  conflicts: GitConflict[] | null;
  /** Editors' answers to those conflicts, by path. */
  resolutions: Record<string, Resolution> | null;
}

/** A file someone else changed since the plugin wrote it, and the branch's commit then. */
export interface GitConflict {
  path: string;
  remoteCommit: string;
  remoteBlob: string | null;
}

/** roundup_git_targets: a Git target from the config or the admin panel, its last commit and who commits to it now. */
export interface GitTargetRow extends BaseRow {
  name: string;
  settings: GitTarget;
  lastCommit: string | null;
  lastCommitAt: BigIntegerText | null;
  lockedBy: string | null;
  lockedUntil: BigIntegerText | null;
  /** null on rows stored before targets could be made in the admin panel: they came from config. */
  source: 'config' | 'admin' | null;
}

/** roundup_git_files: a file the plugin wrote to a Git target and the blob it wrote. */
export interface GitFileRow extends BaseRow {
  targetId: number;
  path: string;
  blobId: string;
  roundupDocumentId: string | null;
}

/** roundup_link_checks: one run of the link checker. */
export interface LinkCheckRow extends BaseRow {
  slot: string | null;
  state: 'running' | 'finished';
  trigger: 'manual' | 'schedule';
  startedAt: BigIntegerText | null;
  finishedAt: BigIntegerText | null;
  total: number | null;
  holder: string | null;
  leaseUntil: BigIntegerText | null;
}

/** roundup_link_results: what the link checker knows about one link. */
export interface LinkResultRow extends BaseRow {
  entryDocumentId: string;
  url: string;
  state: LinkState;
  status: number | null;
  reason: string | null;
  finalUrl: string | null;
  newUrl: string | null;
  redirects: RedirectHop[] | null;
  deadAnswer: DeadAnswer | null;
  failures: number | null;
  firstFailureAt: BigIntegerText | null;
  lastCheckedAt: BigIntegerText | null;
  nextCheckAt: BigIntegerText | null;
  ignored: boolean | null;
  queuedRun: number | null;
  lastRun: number | null;
}
