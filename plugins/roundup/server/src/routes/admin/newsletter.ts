import { ACTIONS } from '../../../../shared/permissions';
import { adminRoutes } from './admin-routes';

/** The roundup as a newsletter: its state, a test email and a pushed draft all need `newsletter`. */
export default adminRoutes('newsletter', ACTIONS.newsletter, {
  'GET /roundups/:documentId/newsletter': 'status',
  'POST /roundups/:documentId/newsletter/test': 'test',
  'POST /roundups/:documentId/newsletter/push': 'push',
});
