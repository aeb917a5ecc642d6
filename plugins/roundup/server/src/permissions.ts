/** Admin permission actions, registered in bootstrap; a role can be given any of them. */
export const ACTIONS = {
  read: 'plugin::roundup.read',
  reorder: 'plugin::roundup.reorder',
  create: 'plugin::roundup.create',
  publish: 'plugin::roundup.publish',
  buildHooks: 'plugin::roundup.build-hooks',
  import: 'plugin::roundup.import',
  linkHealth: 'plugin::roundup.link-health',
} as const;

export const ACTION_DEFINITIONS = [
  {
    section: 'plugins',
    displayName: 'Read roundups and their order',
    uid: 'read',
    pluginName: 'roundup',
  },
  { section: 'plugins', displayName: 'Reorder roundups', uid: 'reorder', pluginName: 'roundup' },
  {
    section: 'plugins',
    displayName: 'Create roundups and links',
    uid: 'create',
    pluginName: 'roundup',
  },
  {
    section: 'plugins',
    displayName: 'Publish and unpublish roundups',
    uid: 'publish',
    pluginName: 'roundup',
  },
  {
    section: 'plugins',
    displayName: 'Manage build hooks and see deliveries',
    uid: 'build-hooks',
    pluginName: 'roundup',
  },
  {
    section: 'plugins',
    displayName: 'Import roundups from Markdown',
    uid: 'import',
    pluginName: 'roundup',
  },
  {
    section: 'plugins',
    displayName: 'Check links and fix dead ones',
    uid: 'link-health',
    pluginName: 'roundup',
  },
];
