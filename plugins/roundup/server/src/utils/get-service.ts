import type { Core } from '@strapi/strapi';
import type services from '../services';

type Services = typeof services;
export type ServiceName = keyof Services;

/** The plugin's service `name`, typed as that service's own factory returns it. */
export const getPluginService = <Name extends ServiceName>(
  strapi: Core.Strapi,
  name: Name
): ReturnType<Services[Name]> =>
  strapi.plugin('roundup').service(name) as ReturnType<Services[Name]>;
