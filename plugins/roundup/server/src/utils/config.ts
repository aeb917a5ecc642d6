import type { Core } from '@strapi/strapi';
import type { RoundupConfig } from '../config';

/** The plugin's validated configuration. */
export const getPluginConfig = (strapi: Core.Strapi): RoundupConfig =>
  strapi.config.get('plugin::roundup') as RoundupConfig;
