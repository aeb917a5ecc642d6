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
    author: { type: 'string', maxLength: 255 },
    description: { type: 'richtext' },
    category: {
      type: 'relation',
      relation: 'manyToOne',
      target: 'plugin::roundup.category',
    },
    // Set when the link came in through the capture API (bookmarklet, share sheet, curl).
    capturedAt: { type: 'datetime' },
    captureSource: { type: 'string', maxLength: 100 },
    /** How many captures found this link (the first one included). */
    captures: { type: 'integer', min: 0 },
    // What unfurl found and whether it failed (see core/unfurl/fill): description, site name, declared canonical URL.
    unfurl: { type: 'json', visible: false, configurable: false },
    roundup: {
      type: 'relation',
      relation: 'manyToOne',
      target: 'plugin::roundup.roundup',
      inversedBy: 'entries',
    },
  },
};
