import type { Core } from '@strapi/strapi';

const config: Core.Config.Middlewares = [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // Large enough that the roundup import's own limit (1 MiB by default) is the one that answers.
  { name: 'strapi::body', config: { jsonLimit: '10mb' } },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
