/** What the link health routes answer and take: runs of the checker, links by state, fixes. */
import type { Pagination } from './pagination';

/** What the checker made of a link; `unknown` until a failure has lasted long enough to count. */
export type LinkState = 'unchecked' | 'ok' | 'moved' | 'probably-gone' | 'unknown' | 'dead';

/** The states a list can be filtered by: the checker's, and the links an editor chose to ignore. */
export type LinkFilter = LinkState | 'ignored';

/** The fixes an editor can apply to one link. */
export type LinkAction = 'use-new-url' | 'use-archived-copy' | 'ignore' | 'unignore';

/** A run of the link checker and how far it got. */
export interface LinkCheckRun {
  id: number;
  state: 'running' | 'finished';
  trigger: 'manual' | 'schedule';
  startedAt: string | null;
  finishedAt: string | null;
  total: number;
  checked: number;
  /** States of the links this run checked so far. */
  byState: Record<string, number>;
}

/** One checked link, with the roundup and section it appears in (none: it waits in the inbox). */
export interface LinkHealthResult {
  id: number;
  state: LinkState;
  ignored: boolean;
  url: string;
  status: number | null;
  reason: string | null;
  finalUrl: string | null;
  newUrl: string | null;
  redirects: { url: string; status: number }[];
  failures: number;
  firstFailureAt: string | null;
  lastCheckedAt: string | null;
  nextCheckAt: string | null;
  /** The Wayback Machine's copy of the page from the roundup's day. */
  archivedUrl: string | null;
  /** The link itself; after a fix, with the URL it now has. */
  entry: { documentId: string; title: string; originalUrl: string | null; url?: string } | null;
  roundup: { documentId: string; title: string; slug: string | null; date: string } | null;
  section: string | null;
}

/** GET /roundup/link-checks/current: the running check, else the last one, else none. */
export interface LinkCheckAnswer {
  data: LinkCheckRun | null;
}

/** GET /roundup/link-health: one page of links in a state, and how many are in each. */
export interface LinkHealthList {
  data: LinkHealthResult[];
  meta: { pagination: Pagination; counts: Record<LinkFilter, number> };
}

/** POST /roundup/link-health/:id/actions */
export interface LinkActionRequest {
  action: LinkAction;
}
