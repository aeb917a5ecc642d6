import { FIELD_LIMITS, STRING_COLUMN_LENGTH } from '../../core/limits';

const LIMITS = FIELD_LIMITS.entry;

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
    title: { type: 'string', required: true, maxLength: LIMITS.title },
    url: { type: 'string', required: true, maxLength: LIMITS.url },
    // Derived from `url` on every write (see core/canonical-url): finds the same link saved twice.
    canonicalUrl: { type: 'string', maxLength: STRING_COLUMN_LENGTH, visible: false, configurable: false },
    author: { type: 'string', maxLength: LIMITS.author },
    description: { type: 'richtext', maxLength: LIMITS.description },
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
