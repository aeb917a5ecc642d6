import { ACTIONS } from '../../../../shared/permissions';
import { adminRoutes } from './admin-routes';

/** Jekyll posts in and out. */
export default [
  ...adminRoutes('transfer', ACTIONS.import, { 'POST /import': 'import' }),
  ...adminRoutes('transfer', ACTIONS.read, { 'GET /roundups/:documentId/export': 'export' }),
];
