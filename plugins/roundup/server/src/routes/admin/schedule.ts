import { ACTIONS } from '../../../../shared/permissions';
import { can } from './can';

/** Reading a schedule needs `read`; setting or cancelling one needs `publish`, as publishing does. */
export default [
  {
    method: 'GET',
    path: '/roundups/:documentId/schedule',
    handler: 'schedule.find',
    config: can(ACTIONS.read),
  },
  {
    method: 'PUT',
    path: '/roundups/:documentId/schedule',
    handler: 'schedule.update',
    config: can(ACTIONS.publish),
  },
  {
    method: 'DELETE',
    path: '/roundups/:documentId/schedule',
    handler: 'schedule.delete',
    config: can(ACTIONS.publish),
  },
  { method: 'GET', path: '/schedules', handler: 'schedule.waiting', config: can(ACTIONS.read) },
];
