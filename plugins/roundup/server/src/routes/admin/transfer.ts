import { ACTIONS } from '../../../../shared/permissions';
import { can } from './can';

export default [
  { method: 'POST', path: '/import', handler: 'transfer.import', config: can(ACTIONS.import) },
  {
    method: 'GET',
    path: '/roundups/:documentId/export',
    handler: 'transfer.export',
    config: can(ACTIONS.read),
  },
];
