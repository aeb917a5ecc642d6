/**
 * The guarded HTTP client every outbound request goes through, and its error:
 * import them from here; the `outbound` service is the client built from the
 * plugin's configuration.
 */
export * from './client';
export * from './errors';
export type { ResolvedAddress, Resolver } from './guard';
