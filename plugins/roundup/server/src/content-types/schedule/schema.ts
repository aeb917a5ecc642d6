/**
 * A roundup's scheduled publish or unpublish. `runAt` is the instant (UTC
 * milliseconds); `wallTime` and `timeZone` are the time as the editor gave
 * it. While it waits or runs it holds `slot` (`<documentId>:<action>`), which
 * a unique index makes the only one of its kind; the instance that runs it
 * claims it with `claimedBy` until `claimedUntil`, so that exactly one
 * instance runs it and another takes over when that one stops.
 */
export default {
  kind: 'collectionType',
  collectionName: 'roundup_schedules',
  info: {
    singularName: 'schedule',
    pluralName: 'schedules',
    displayName: 'Roundup schedule',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    roundupDocumentId: { type: 'string', required: true },
    action: { type: 'enumeration', enum: ['publish', 'unpublish'], required: true },
    runAt: { type: 'biginteger', required: true },
    wallTime: { type: 'string', required: true },
    timeZone: { type: 'string', required: true },
    state: {
      type: 'enumeration',
      enum: ['scheduled', 'running', 'done', 'failed', 'cancelled'],
      default: 'scheduled',
    },
    slot: { type: 'string' },
    claimedBy: { type: 'string' },
    claimedUntil: { type: 'biginteger' },
    attempts: { type: 'integer', default: 0 },
    ranAt: { type: 'biginteger' },
    lateMs: { type: 'biginteger' },
    error: { type: 'text' },
  },
  indexes: [
    { name: 'roundup_schedules_slot_uq', columns: ['slot'], type: 'unique' },
    // The scheduler's look for due changes.
    { name: 'roundup_schedules_due_idx', columns: ['state', 'run_at'] },
    { name: 'roundup_schedules_roundup_idx', columns: ['roundup_document_id'] },
  ],
};
