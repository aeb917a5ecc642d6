export default {
  kind: 'collectionType',
  collectionName: 'roundup_entries',
  info: {
    singularName: 'entry',
    pluralName: 'entries',
    displayName: 'Roundup link',
    description:
      'One link with its commentary. It waits in the inbox until it is given a roundup; its section is its category.',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: true },
    'content-type-builder': { visible: false },
  },
  attributes: {
    title: { type: 'string', required: true, maxLength: 500 },
    url: { type: 'string', required: true, maxLength: 2048 },
    // Derived from `url` on every write (see core/canonical-url): finds the same link saved twice.
    canonicalUrl: { type: 'string', maxLength: 2048, visible: false, configurable: false },
    // The URL the link had before the link checker replaced it (with a new or archived address).
    originalUrl: { type: 'string', maxLength: 2048 },
    author: { type: 'string', maxLength: 255 },
    description: { type: 'richtext' },
    category: {
      type: 'relation',
      relation: 'manyToOne',
      target: 'plugin::roundup.category',
    },
    roundup: {
      type: 'relation',
      relation: 'manyToOne',
      target: 'plugin::roundup.roundup',
      inversedBy: 'entries',
    },
  },
};
