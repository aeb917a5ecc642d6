import { ACTIONS } from '../permissions';

const can = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
});

/** Admin-panel routes under /roundup, behind the admin JWT and the plugin's permission actions. */
export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/roundups/:documentId/order', handler: 'order.get', config: can(ACTIONS.read) },
    { method: 'PUT', path: '/roundups/:documentId/order', handler: 'order.update', config: can(ACTIONS.reorder) },
  ],
};
