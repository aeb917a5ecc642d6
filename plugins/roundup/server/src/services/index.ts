import captureTokens from './admin/capture-tokens';
import contentManagerViews from './admin/content-manager-views';
import editorReads from './admin/editor-reads';
import editorWrites from './admin/editor-writes';
import importer from './admin/importer';
import inbox from './admin/inbox';
import newsletterContent from './admin/newsletter-content';
import newsletterDelivery from './admin/newsletter-delivery';
import newsletterDrafts from './admin/newsletter-drafts';
import newsletterPush from './admin/newsletter-push';
import newsletterTestSend from './admin/newsletter-test-send';
import order from './admin/order';
import roundupPage from './admin/roundup-page';
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
import search from './search/search';
import searchIndex from './search/search-index';
import linkChecker from './link-health/link-checker';
import linkHealth from './link-health/link-health';
import gitAdmin from './git/git-admin';
import gitPublish from './git/git-publish';
import gitTargets from './git/git-targets';
import gitWanted from './git/git-wanted';
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
  'newsletter-content': newsletterContent,
  'newsletter-delivery': newsletterDelivery,
  'newsletter-drafts': newsletterDrafts,
  'newsletter-push': newsletterPush,
  'newsletter-test-send': newsletterTestSend,
  order,
  'roundup-page': roundupPage,
  schedule,
  // client: what readers and capture clients get
  capture,
  changes,
  openapi,
  published,
  rendered,
  // common: rules and machinery every side uses
  'change-log': changeLog,
  'content-rules': contentRules,
  'content-version': contentVersion,
  'inbox-membership': inboxMembership,
  outbound,
  'publish-checks': publishChecks,
  'schedule-store': scheduleStore,
  scheduler,
  unfurl,
  // link health
  'link-checker': linkChecker,
  'link-health': linkHealth,
  // search: the full-text index and its queries
  search,
  'search-index': searchIndex,
  // git: publishing by commit to a site's repository
  'git-admin': gitAdmin,
  'git-publish': gitPublish,
  'git-targets': gitTargets,
  'git-wanted': gitWanted,
  // webhooks
  dispatcher,
  events,
  hooks,
  outbox,
};
