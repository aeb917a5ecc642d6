/**
 * One counter per kind of content, bumped in the same transaction as every
 * write to roundups, links and sections. Every Strapi instance on the database
 * reads it before serving cached output, so a change made through any of them
 * is served at once by all.
 */
export default {
  kind: 'collectionType',
  collectionName: 'roundup_content_versions',
  info: {
    singularName: 'content-version',
    pluralName: 'content-versions',
    displayName: 'Roundup content version',
  },
  options: { draftAndPublish: false },
  // Unique, so that two instances bumping a new key at once both count.
  indexes: [{ name: 'roundup_content_versions_key_uq', columns: ['key'], type: 'unique' }],
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    key: { type: 'string', required: true, unique: true },
    version: { type: 'biginteger', required: true, default: '1' },
  },
};
