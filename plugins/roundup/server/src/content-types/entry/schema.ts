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
  indexes: [
    // The inbox, newest first, without reading the links that have a roundup.
    { name: 'roundup_entries_inbox_idx', columns: ['in_inbox', 'created_at', 'id'] },
    // A card's duplicates: other links with the same canonical URL.
    { name: 'roundup_entries_canonical_url_idx', columns: ['canonical_url'] },
  ],
  pluginOptions: {
    'content-manager': { visible: true },
    'content-type-builder': { visible: false },
  },
  attributes: {
    title: { type: 'string', required: true, maxLength: LIMITS.title },
    url: { type: 'string', required: true, maxLength: LIMITS.url },
    // Derived from `url` on every write (see core/canonical-url): finds the same link saved twice.
    canonicalUrl: {
      type: 'string',
      maxLength: STRING_COLUMN_LENGTH,
      visible: false,
      configurable: false,
    },
    // Kept by the inbox service on every write that links or unlinks it: true while the link has no roundup.
    inInbox: { type: 'boolean', default: true, private: true, visible: false, configurable: false },
    // The URL the link had before the link checker replaced it (with a new or archived address).
    originalUrl: { type: 'string', maxLength: LIMITS.originalUrl },
    author: { type: 'string', maxLength: LIMITS.author },
    description: { type: 'richtext', maxLength: LIMITS.description },
    category: {
      type: 'relation',
      relation: 'manyToOne',
      target: 'plugin::roundup.category',
    },
    // Set when the link came in through the capture API (bookmarklet, share sheet, curl).
    capturedAt: { type: 'datetime' },
    captureSource: { type: 'string', maxLength: LIMITS.captureSource },
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
