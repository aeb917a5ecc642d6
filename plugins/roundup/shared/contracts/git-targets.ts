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

/**
 * A Git target's settings, as POST and PUT /roundup/git-targets take them
 * (the rules of config/plugins.ts `git.targets`; left out: the defaults).
 * Never a token: `tokenEnv` names the server's environment variable that holds it.
 */
export interface GitTargetInput {
  name: string;
  url: string;
  branch?: string;
  path?: string;
  tokenEnv?: string;
  username?: string;
  format?: 'markdown' | 'hugo';
  author?: { name?: string; email?: string };
  message?: string;
  removeMessage?: string;
  debounceMs?: number;
  maxWaitMs?: number;
  retry?: { baseDelayMs: number; maxDelayMs: number; maxAttempts: number };
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
  username: string;
  author: { name: string; email: string };
  message: string;
  removeMessage: string;
  debounceMs: number;
  maxWaitMs: number;
  retry: { baseDelayMs: number; maxDelayMs: number; maxAttempts: number };
  /** `config` targets are declared in config/plugins.ts and changed there, not in the admin panel. */
  source: 'config' | 'admin';
  lastCommit: string | null;
  lastCommitAt: string | null;
  conflicts: GitConflictView[];
}

/** GET /roundup/git-targets */
export interface GitTargetList {
  data: GitTargetView[];
}

/** POST and PUT /roundup/git-targets(/:id): the target as stored, with no conflicts yet to show. */
export interface GitTargetAnswer {
  data: GitTargetView;
}

/** POST /roundup/deliveries/:id/resolve */
export interface GitResolveInput {
  path: string;
  choice: 'overwrite' | 'skip';
}
