import type { Core } from '@strapi/strapi';
import { getPluginService } from './utils/get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  getPluginService(strapi, 'unfurl').stop();
  await getPluginService(strapi, 'dispatcher').stop();
  await getPluginService(strapi, 'link-checker').stop();
  await getPluginService(strapi, 'scheduler').stop();
};
