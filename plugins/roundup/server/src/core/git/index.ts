export * from './conflict';
export * from './message';
export * from './path-template';
export * from './target-schema';

/** Outbox events of Git targets: a debounced burst of changes, and "Sync now". */
export const GIT_EVENTS = { commit: 'git.commit', sync: 'git.sync' } as const;
export type GitEvent = (typeof GIT_EVENTS)[keyof typeof GIT_EVENTS];
export const isGitEvent = (event: unknown): event is GitEvent =>
  event === GIT_EVENTS.commit || event === GIT_EVENTS.sync;
