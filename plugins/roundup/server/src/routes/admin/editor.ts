import { ACTIONS } from '../../../../shared/permissions';
import { can } from './can';

export default [
  { method: 'GET', path: '/roundups', handler: 'editor.list', config: can(ACTIONS.read) },
  { method: 'POST', path: '/roundups', handler: 'editor.create', config: can(ACTIONS.create) },
  {
    method: 'GET',
    path: '/roundups/:documentId/editor',
    handler: 'editor.view',
    config: can(ACTIONS.read),
  },
  {
    method: 'GET',
    path: '/roundups/:documentId/preview',
    handler: 'editor.preview',
    config: can(ACTIONS.read),
  },
  {
    method: 'POST',
    path: '/roundups/:documentId/entries',
    handler: 'editor.addEntry',
    config: can(ACTIONS.create),
  },
  {
    method: 'POST',
    path: '/roundups/:documentId/publish',
    handler: 'editor.publish',
    config: can(ACTIONS.publish),
  },
  {
    method: 'POST',
    path: '/roundups/:documentId/unpublish',
    handler: 'editor.unpublish',
    config: can(ACTIONS.publish),
  },
  { method: 'GET', path: '/inbox', handler: 'editor.inbox', config: can(ACTIONS.read) },
  {
    method: 'POST',
    path: '/inbox/:documentId/unfurl',
    handler: 'capture.retryUnfurl',
    config: can(ACTIONS.create),
  },
  { method: 'POST', path: '/unfurl', handler: 'capture.unfurl', config: can(ACTIONS.create) },
  {
    method: 'GET',
    path: '/capture-tokens',
    handler: 'capture.listTokens',
    config: can(ACTIONS.create),
  },
  {
    method: 'POST',
    path: '/capture-tokens',
    handler: 'capture.createToken',
    config: can(ACTIONS.create),
  },
  {
    method: 'GET',
    path: '/capture-tokens/:id/bookmarklet',
    handler: 'capture.tokenBookmarklet',
    config: can(ACTIONS.create),
  },
  {
    method: 'DELETE',
    path: '/capture-tokens/:id',
    handler: 'capture.revokeToken',
    config: can(ACTIONS.create),
  },
];
