export * from './delivery';
export * from './hook-schema';
export * from './signing';
