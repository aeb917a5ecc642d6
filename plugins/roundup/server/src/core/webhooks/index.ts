export * from './debounce';
export * from './hook-schema';
export * from './payload';
export * from './retry';
export * from './signing';
