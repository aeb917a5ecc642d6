export * from './address';
export * from './allowlist';
export * from './redirect';
export * from './target';

/** Why a request got no HTTP answer: refused by the guard, or failed on the way. */
export type OutboundErrorCode =
  'refused' | 'timeout' | 'dns' | 'connection-refused' | 'network' | 'too-many-redirects';
