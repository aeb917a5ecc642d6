import { ACTIONS } from '../../../../shared/permissions';
import { can } from './can';

// A fresh config object per route: Strapi completes each route's config in place.
const manage = () => can(ACTIONS.buildHooks);

export default [
  { method: 'GET', path: '/build-hooks', handler: 'build-hooks.find', config: manage() },
  { method: 'POST', path: '/build-hooks', handler: 'build-hooks.create', config: manage() },
  { method: 'GET', path: '/build-hooks/:id', handler: 'build-hooks.findOne', config: manage() },
  { method: 'PUT', path: '/build-hooks/:id', handler: 'build-hooks.update', config: manage() },
  { method: 'DELETE', path: '/build-hooks/:id', handler: 'build-hooks.delete', config: manage() },
  {
    method: 'POST',
    path: '/build-hooks/:id/trigger',
    handler: 'build-hooks.trigger',
    config: manage(),
  },
  { method: 'GET', path: '/deliveries', handler: 'build-hooks.deliveries', config: manage() },
];
