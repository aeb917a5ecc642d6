/** Admin permission actions, registered in bootstrap; a role can be given any of them. */
export const ACTIONS = {
  read: 'plugin::roundup.read',
  reorder: 'plugin::roundup.reorder',
} as const;

export const ACTION_DEFINITIONS = [
  { section: 'plugins', displayName: 'Read roundups and their order', uid: 'read', pluginName: 'roundup' },
  { section: 'plugins', displayName: 'Reorder roundups', uid: 'reorder', pluginName: 'roundup' },
];
