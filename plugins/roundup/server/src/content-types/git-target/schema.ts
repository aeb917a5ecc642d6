/**
 * A Git target from config/plugins.ts or the admin panel: its settings, the last commit the
 * plugin pushed to it, and the lease of the instance committing to it now
 * (one at a time per target, so two commits never race for the branch).
 */
export default {
  kind: 'collectionType',
  collectionName: 'roundup_git_targets',
  info: {
    singularName: 'git-target',
    pluralName: 'git-targets',
    displayName: 'Roundup Git target',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    name: { type: 'string', required: true },
    settings: { type: 'json', required: true },
    lastCommit: { type: 'string' },
    lastCommitAt: { type: 'biginteger' },
    lockedBy: { type: 'string' },
    lockedUntil: { type: 'biginteger' },
    /** 'config' for targets declared in config/plugins.ts, 'admin' for those made in the admin panel; rows from before this column came from config. */
    source: { type: 'enumeration', enum: ['config', 'admin'] },
  },
};
