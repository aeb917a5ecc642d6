import { ACTIONS } from '../../../../shared/permissions';
import { adminRoutes } from './admin-routes';

/** Build hooks and their deliveries: the Build hooks page, and programs. */
export default adminRoutes('build-hooks', ACTIONS.buildHooks, {
  'GET /build-hooks': 'find',
  'POST /build-hooks': 'create',
  'GET /build-hooks/:id': 'findOne',
  'PUT /build-hooks/:id': 'update',
  'DELETE /build-hooks/:id': 'delete',
  'POST /build-hooks/:id/trigger': 'trigger',
  'GET /deliveries': 'deliveries',
});
