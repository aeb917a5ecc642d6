import { CANONICAL_HASH_LENGTH } from '../../core/canonical-url';
import { FIELD_LIMITS, URL_LENGTH } from '../../core/limits';

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
    // A card's duplicates: other links with the same canonical URL, found by its hash (a text column
    // cannot be indexed in full on MySQL).
    { name: 'roundup_entries_canonical_hash_idx', columns: ['canonical_hash'] },
  ],
  pluginOptions: {
    'content-manager': { visible: true },
    'content-type-builder': { visible: false },
  },
  attributes: {
    title: { type: 'string', required: true, maxLength: LIMITS.title },
    // URLs are text columns: a varchar holds 255 characters on PostgreSQL and MySQL.
    url: { type: 'text', required: true, maxLength: LIMITS.url },
    // Derived from `url` on every write (see core/canonical-url): finds the same link saved twice.
    canonicalUrl: { type: 'text', maxLength: URL_LENGTH, visible: false, configurable: false },
    // The sha256 of `canonicalUrl`, kept with it by the content rules: what the duplicate lookup's index holds.
    canonicalHash: {
      type: 'string',
      maxLength: CANONICAL_HASH_LENGTH,
      private: true,
      visible: false,
      configurable: false,
    },
    // Kept by the inbox service on every write that links or unlinks it: true while the link has no roundup.
    inInbox: { type: 'boolean', default: true, private: true, visible: false, configurable: false },
    // The URL the link had before the link checker replaced it (with a new or archived address).
    originalUrl: { type: 'text', maxLength: LIMITS.originalUrl },
    author: { type: 'string', maxLength: LIMITS.author },
    description: { type: 'richtext', maxLength: LIMITS.description },
    // List items of the roundup without a link, written after this link at the list's level.
    textAfter: { type: 'richtext', maxLength: LIMITS.textAfter },
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
