import { ACTIONS } from '../../../../shared/permissions';
import { adminRoutes } from './admin-routes';

/** Git targets, beside the build hooks and under the same permission. */
export default adminRoutes('git-targets', ACTIONS.buildHooks, {
  'GET /git-targets': 'find',
  'POST /git-targets': 'create',
  'PUT /git-targets/:id': 'update',
  'DELETE /git-targets/:id': 'delete',
  'POST /git-targets/:id/sync': 'sync',
  'POST /deliveries/:id/resolve': 'resolve',
});
