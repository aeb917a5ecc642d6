import { ACTIONS } from '../../../../shared/permissions';
import { adminRoutes } from './admin-routes';

/** Git targets, beside the build hooks and under the same permission. */
export default adminRoutes('git-targets', ACTIONS.buildHooks, {
  'GET /git-targets': 'find',
  'POST /git-targets/:id/sync': 'sync',
  'POST /deliveries/:id/resolve': 'resolve',
});
