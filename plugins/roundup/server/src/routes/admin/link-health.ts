import { ACTIONS } from '../../../../shared/permissions';
import { adminRoutes } from './admin-routes';

/** Link health: start a check, follow it, list the links by state and fix them. */
export default adminRoutes('link-health', ACTIONS.linkHealth, {
  'POST /link-checks': 'startCheck',
  'GET /link-checks/current': 'currentCheck',
  'GET /link-health': 'find',
  'POST /link-health/:id/actions': 'act',
});
