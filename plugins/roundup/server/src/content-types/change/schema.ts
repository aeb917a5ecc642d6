/**
 * The change log behind GET /api/roundup/changes: one row per roundup ever
 * published, moved to a new sequence number each time what readers see of it
 * changes (published, republished, one of its links or sections changed,
 * unpublished, deleted). Numbers are taken from one counter row inside the
 * write's own transaction, so they follow commit order on every database.
 */
export default {
  kind: 'collectionType',
  collectionName: 'roundup_changes',
  info: {
    singularName: 'change',
    pluralName: 'changes',
    displayName: 'Roundup change',
  },
  options: { draftAndPublish: false },
  indexes: [
    { name: 'roundup_changes_roundup_uq', columns: ['roundup_document_id'], type: 'unique' },
    { name: 'roundup_changes_seq_uq', columns: ['seq'], type: 'unique' },
  ],
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    roundupDocumentId: { type: 'string', required: true, unique: true },
    seq: { type: 'biginteger', required: true, unique: true },
    /** `present` while published, `removed` once unpublished or deleted. */
    state: { type: 'string', required: true },
    /** The slug and date it was last published with: a removed roundup's file is found by them. */
    slug: { type: 'string', required: true },
    date: { type: 'string', required: true },
    /** ISO 8601. */
    changedAt: { type: 'string', required: true },
  },
};
