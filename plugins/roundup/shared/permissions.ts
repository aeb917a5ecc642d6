/**
 * The plugin's admin permission actions, registered in bootstrap and checked by the admin
 * routes and the admin panel's pages alike; a role can be given any of them.
 */
export const ACTIONS = {
  read: 'plugin::roundup.read',
  reorder: 'plugin::roundup.reorder',
  create: 'plugin::roundup.create',
  publish: 'plugin::roundup.publish',
  buildHooks: 'plugin::roundup.build-hooks',
  import: 'plugin::roundup.import',
  linkHealth: 'plugin::roundup.link-health',
  newsletter: 'plugin::roundup.newsletter',
} as const;

export type RoundupAction = (typeof ACTIONS)[keyof typeof ACTIONS];

/** What Strapi's Roles page shows for each action (`uid` is the action without its prefix). */
export const ACTION_DEFINITIONS = [
  { displayName: 'Read roundups and their order', action: ACTIONS.read },
  { displayName: 'Reorder roundups', action: ACTIONS.reorder },
  { displayName: 'Create roundups and links', action: ACTIONS.create },
  { displayName: 'Publish and unpublish roundups', action: ACTIONS.publish },
  { displayName: 'Manage build hooks and see deliveries', action: ACTIONS.buildHooks },
  { displayName: 'Import roundups from Markdown', action: ACTIONS.import },
  { displayName: 'Check links and fix dead ones', action: ACTIONS.linkHealth },
  {
    displayName: 'Send test emails and push newsletter drafts',
    action: ACTIONS.newsletter,
  },
].map(({ displayName, action }) => ({
  section: 'plugins' as const,
  displayName,
  uid: action.slice('plugin::roundup.'.length),
  pluginName: 'roundup' as const,
}));

/** One action as the admin panel's permission checks (`useRBAC`, menu links) take it. */
export const permission = (action: RoundupAction) => ({ action, subject: null });
