import { ACTIONS } from '../../../../shared/permissions';
import { can } from './can';

// A fresh config object per route: Strapi completes each route's config in place.
const send = () => can(ACTIONS.newsletter);

export default [
  {
    method: 'GET',
    path: '/roundups/:documentId/newsletter',
    handler: 'newsletter.status',
    config: send(),
  },
  {
    method: 'POST',
    path: '/roundups/:documentId/newsletter/test',
    handler: 'newsletter.test',
    config: send(),
  },
  {
    method: 'POST',
    path: '/roundups/:documentId/newsletter/push',
    handler: 'newsletter.push',
    config: send(),
  },
];
