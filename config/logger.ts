import type { Core } from '@strapi/strapi';

/** LOG_LEVEL (error, warn, info, http, verbose, debug) sets how much Strapi logs. */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  level: env('LOG_LEVEL', 'http'),
});
