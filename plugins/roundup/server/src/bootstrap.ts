import type { Core } from '@strapi/strapi';
import { ACTION_DEFINITIONS } from './permissions';
import { getPluginService } from './utils/get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(ACTION_DEFINITIONS);
  await getPluginService(strapi, 'editor-layout').apply();
};
