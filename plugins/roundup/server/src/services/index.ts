import captureTokens from './admin/capture-tokens';
import editor from './admin/editor';
import editorLayout from './admin/editor-layout';
import editorReads from './admin/editor-reads';
import importer from './admin/importer';
import newsletterContent from './admin/newsletter-content';
import newsletterDelivery from './admin/newsletter-delivery';
import newsletterDrafts from './admin/newsletter-drafts';
import newsletterPush from './admin/newsletter-push';
import newsletterTestSend from './admin/newsletter-test-send';
import order from './admin/order';
import schedule from './admin/schedule';
import capture from './client/capture';
import changes from './client/changes';
import openapi from './client/openapi';
import published from './client/published';
import rendered from './client/rendered';
import changeLog from './common/change-log';
import contentRules from './common/content-rules';
import contentVersion from './common/content-version';
import inboxMembership from './common/inbox-membership';
import outbound from './common/outbound';
import publishChecks from './common/publish-checks';
import scheduleStore from './common/schedule-store';
import scheduler from './common/scheduler';
import unfurl from './common/unfurl';
import dispatcher from './webhooks/dispatcher';
import events from './webhooks/events';
import hooks from './webhooks/hooks';
import linkChecker from './link-health/checker';
import linkHealth from './link-health/links';
import outbox from './webhooks/outbox';

export default {
  editor,
  importer,
  order,
  published,
  rendered,
  openapi,
  changes,
  'change-log': changeLog,
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
  'newsletter-content': newsletterContent,
  'newsletter-delivery': newsletterDelivery,
  'newsletter-drafts': newsletterDrafts,
  'newsletter-push': newsletterPush,
  'newsletter-test-send': newsletterTestSend,
  schedule,
  'schedule-store': scheduleStore,
  scheduler,
  'publish-checks': publishChecks,
};
