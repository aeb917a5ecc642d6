/**
 * The outbox: one row per rebuild request to send. While `open`, further
 * events for the same hook and roundup join it (debounce); once an instance
 * claims it, it closes and is only sent and retried.
 */
export default {
  kind: 'collectionType',
  collectionName: 'roundup_deliveries',
  info: {
    singularName: 'delivery',
    pluralName: 'deliveries',
    displayName: 'Roundup webhook delivery',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    hookId: { type: 'integer', required: true },
    hookName: { type: 'string', required: true },
    webhookId: { type: 'string', required: true },
    event: { type: 'string', required: true },
    roundupDocumentId: { type: 'string' },
    roundupSlug: { type: 'string' },
    roundupTitle: { type: 'string' },
    events: { type: 'integer', default: 1 },
    open: { type: 'boolean', default: true },
    state: {
      type: 'enumeration',
      enum: ['pending', 'sending', 'delivered', 'failed', 'conflict'],
      default: 'pending',
    },
    firstEventAt: { type: 'biginteger' },
    lastEventAt: { type: 'biginteger' },
    dueAt: { type: 'biginteger' },
    attempts: { type: 'integer', default: 0 },
    lastStatus: { type: 'integer' },
    lastError: { type: 'string' },
    responseExcerpt: { type: 'text' },
    claimedBy: { type: 'string' },
    claimedUntil: { type: 'biginteger' },
    deliveredAt: { type: 'biginteger' },
    // Git targets: the roundups a burst touched, the commit pushed, files waiting for an editor.
    roundupDocumentIds: { type: 'json' },
    commitId: { type: 'string' },
    conflicts: { type: 'json' },
    resolutions: { type: 'json' },
  },
};
