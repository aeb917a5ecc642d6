/**
 * A file the plugin wrote to a Git target, with the blob it wrote: the plugin
 * touches no other file, and changes this one only while the branch still
 * holds that blob.
 */
export default {
  kind: 'collectionType',
  collectionName: 'roundup_git_files',
  info: {
    singularName: 'git-file',
    pluralName: 'git-files',
    displayName: 'Roundup Git file',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    targetId: { type: 'integer', required: true },
    path: { type: 'text', required: true },
    blobId: { type: 'string', required: true },
    roundupDocumentId: { type: 'string' },
  },
};
