import { ACTIONS } from '../../../../shared/permissions';
import { can } from './can';

export default [
  {
    method: 'GET',
    path: '/roundups/:documentId/order',
    handler: 'order.get',
    config: can(ACTIONS.read),
  },
  {
    method: 'PUT',
    path: '/roundups/:documentId/order',
    handler: 'order.update',
    config: can(ACTIONS.reorder),
  },
];
