import { ACTIONS } from '../../../../shared/permissions';
import { can } from './can';

const check = () => can(ACTIONS.linkHealth);

export default [
  { method: 'POST', path: '/link-checks', handler: 'link-health.startCheck', config: check() },
  {
    method: 'GET',
    path: '/link-checks/current',
    handler: 'link-health.currentCheck',
    config: check(),
  },
  { method: 'GET', path: '/link-health', handler: 'link-health.find', config: check() },
  { method: 'POST', path: '/link-health/:id/actions', handler: 'link-health.act', config: check() },
];
