import { ACTIONS } from '../../../../shared/permissions';
import { adminRoutes } from './admin-routes';

/** The Roundups pages: the list, a roundup's page, the inbox, quick-add, capture tokens. */
export default [
  ...adminRoutes('editor', ACTIONS.read, {
    'GET /roundups': 'list',
    'GET /roundups/:documentId/editor': 'view',
    'GET /roundups/:documentId/preview': 'preview',
    'GET /inbox': 'inbox',
  }),
  ...adminRoutes('editor', ACTIONS.create, {
    'POST /roundups': 'create',
    'POST /roundups/:documentId/entries': 'addEntry',
    'PUT /roundups/:documentId/sections/:category/note': 'setSectionNote',
    'PUT /roundups/:documentId/sections/:category/link': 'setSectionLink',
    'PUT /roundups/:documentId/sections/:category': 'setSectionText',
  }),
  ...adminRoutes('editor', ACTIONS.publish, {
    'POST /roundups/:documentId/publish': 'publish',
    'POST /roundups/:documentId/unpublish': 'unpublish',
  }),
  ...adminRoutes('capture', ACTIONS.create, {
    'POST /inbox/:documentId/unfurl': 'retryUnfurl',
    'POST /unfurl': 'unfurl',
    'GET /capture-tokens': 'listTokens',
    'POST /capture-tokens': 'createToken',
    'GET /capture-tokens/:id/bookmarklet': 'tokenBookmarklet',
    'DELETE /capture-tokens/:id': 'revokeToken',
  }),
];
