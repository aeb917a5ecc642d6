import type { Core } from '@strapi/strapi';
import { ACTION_DEFINITIONS } from '../../shared/permissions';
import { getPluginService } from './utils/get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // First: the writes below keep the search index in step, so its table must exist.
  await getPluginService(strapi, 'search-index').ensure();
  getPluginService(strapi, 'search-index').watchWrites();
  getPluginService(strapi, 'rendered').prepare();
  getPluginService(strapi, 'content-version').watchWrites();
  getPluginService(strapi, 'change-log').watchWrites();
  await strapi.service('admin::permission').actionProvider.registerMany(ACTION_DEFINITIONS);
  await getPluginService(strapi, 'content-manager-views').apply();
  await getPluginService(strapi, 'content-rules').fillCanonicalUrls();
  await getPluginService(strapi, 'inbox-membership').fillOnce();
  getPluginService(strapi, 'events').register();
  await getPluginService(strapi, 'hooks').syncFromConfig();
  await getPluginService(strapi, 'git-targets').syncFromConfig();
  getPluginService(strapi, 'dispatcher').start();
  getPluginService(strapi, 'link-checker').startScheduling();
  getPluginService(strapi, 'scheduler').start();
  await getPluginService(strapi, 'unfurl').resumePending();
};
