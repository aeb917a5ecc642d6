import captureTokens from './admin/capture-tokens';
import contentManagerViews from './admin/content-manager-views';
import editorReads from './admin/editor-reads';
import editorWrites from './admin/editor-writes';
import importer from './admin/importer';
import inbox from './admin/inbox';
import order from './admin/order';
import roundupPage from './admin/roundup-page';
import capture from './client/capture';
import openapi from './client/openapi';
import published from './client/published';
import rendered from './client/rendered';
import contentRules from './common/content-rules';
import contentVersion from './common/content-version';
import inboxMembership from './common/inbox-membership';
import outbound from './common/outbound';
import unfurl from './common/unfurl';
import linkChecker from './link-health/link-checker';
import linkHealth from './link-health/link-health';
import dispatcher from './webhooks/dispatcher';
import events from './webhooks/events';
import hooks from './webhooks/hooks';
import outbox from './webhooks/outbox';

/** Every service by the name `getPluginService` looks it up by; each lives in the file of that name. */
export default {
  // admin: the editor's pages and the admin panel's tools
  'capture-tokens': captureTokens,
  'content-manager-views': contentManagerViews,
  'editor-reads': editorReads,
  'editor-writes': editorWrites,
  importer,
  inbox,
  order,
  'roundup-page': roundupPage,
  // client: what readers and capture clients get
  capture,
  openapi,
  published,
  rendered,
  // common: rules and machinery every side uses
  'content-rules': contentRules,
  'content-version': contentVersion,
  'inbox-membership': inboxMembership,
  outbound,
  unfurl,
  // link health
  'link-checker': linkChecker,
  'link-health': linkHealth,
  // webhooks
  dispatcher,
  events,
  hooks,
  outbox,
};
