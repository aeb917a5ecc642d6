export * from './address';
export * from './allowlist';
export * from './target';
