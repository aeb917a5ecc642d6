import { ACTIONS } from '../../../../shared/permissions';
import { adminRoutes } from './admin-routes';

/** A roundup's order: read it, and reorder its sections and links. */
export default [
  ...adminRoutes('order', ACTIONS.read, { 'GET /roundups/:documentId/order': 'get' }),
  ...adminRoutes('order', ACTIONS.reorder, { 'PUT /roundups/:documentId/order': 'update' }),
];
