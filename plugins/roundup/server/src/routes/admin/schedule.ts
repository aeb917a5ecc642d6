import { ACTIONS } from '../../../../shared/permissions';
import { adminRoutes } from './admin-routes';

/** Reading a schedule needs `read`; setting or cancelling one needs `publish`, as publishing does. */
export default [
  ...adminRoutes('schedule', ACTIONS.read, {
    'GET /roundups/:documentId/schedule': 'find',
    'GET /schedules': 'waiting',
  }),
  ...adminRoutes('schedule', ACTIONS.publish, {
    'PUT /roundups/:documentId/schedule': 'update',
    'DELETE /roundups/:documentId/schedule': 'delete',
  }),
];
