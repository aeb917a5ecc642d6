import editor from './admin/editor';
import editorLayout from './admin/editor-layout';
import importer from './admin/importer';
import order from './admin/order';
import openapi from './client/openapi';
import published from './client/published';
import rendered from './client/rendered';
import contentRules from './common/content-rules';
import contentVersion from './common/content-version';
import dispatcher from './webhooks/dispatcher';
import events from './webhooks/events';
import hooks from './webhooks/hooks';
import outbox from './webhooks/outbox';

export default {
  editor,
  importer,
  order,
  published,
  rendered,
  openapi,
  'content-rules': contentRules,
  'content-version': contentVersion,
  'editor-layout': editorLayout,
  dispatcher,
  events,
  hooks,
  outbox,
};
