import captureTokens from './admin/capture-tokens';
import editor from './admin/editor';
import editorLayout from './admin/editor-layout';
import editorReads from './admin/editor-reads';
import importer from './admin/importer';
import order from './admin/order';
import capture from './client/capture';
import openapi from './client/openapi';
import published from './client/published';
import rendered from './client/rendered';
import contentRules from './common/content-rules';
import contentVersion from './common/content-version';
import inboxMembership from './common/inbox-membership';
import outbound from './common/outbound';
import unfurl from './common/unfurl';
import dispatcher from './webhooks/dispatcher';
import events from './webhooks/events';
import hooks from './webhooks/hooks';
import linkChecker from './link-health/link-checker';
import linkHealth from './link-health/link-health';
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
  'editor-reads': editorReads,
  'inbox-membership': inboxMembership,
  outbound,
  dispatcher,
  events,
  hooks,
  outbox,
  'link-checker': linkChecker,
  'link-health': linkHealth,
  capture,
  'capture-tokens': captureTokens,
  unfurl,
};
