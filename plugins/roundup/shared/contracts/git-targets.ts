/** What the Git target routes answer and take: targets, their last commit, conflicts, "Sync now". */

/** A Git target's deliveries: a debounced burst of changes, and "Sync now". */
export type GitDeliveryEvent = 'git.commit' | 'git.sync';

/** A file someone else changed since the plugin wrote it, waiting on a delivery for an editor. */
export interface GitConflictView {
  delivery: number;
  path: string;
  /** The branch's commit when the plugin found the change. */
  remoteCommit: string;
}

/** A Git target as the routes show it: never a token, only the variable that holds it. */
export interface GitTargetView {
  id: number;
  name: string;
  url: string;
  branch: string;
  path: string;
  format: 'markdown' | 'hugo';
  tokenEnv: string | null;
  /** Whether that variable holds a token on this server. */
  hasToken: boolean;
  lastCommit: string | null;
  lastCommitAt: string | null;
  conflicts: GitConflictView[];
}

/** GET /roundup/git-targets */
export interface GitTargetList {
  data: GitTargetView[];
}

/** POST /roundup/deliveries/:id/resolve */
export interface GitResolveInput {
  path: string;
  choice: 'overwrite' | 'skip';
}
