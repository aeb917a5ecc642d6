import { URL_LENGTH } from '../../core/limits';

/**
 * What the link checker knows about one link (an entry's URL): its state,
 * the last answer, the failures that may make it dead, and when it is due.
 * Times are milliseconds since the epoch.
 */
export default {
  kind: 'collectionType',
  collectionName: 'roundup_link_results',
  info: {
    singularName: 'link-result',
    pluralName: 'link-results',
    displayName: 'Roundup link check result',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    entryDocumentId: { type: 'string', required: true },
    url: { type: 'text', maxLength: URL_LENGTH },
    state: {
      type: 'enumeration',
      enum: ['unchecked', 'ok', 'moved', 'probably-gone', 'unknown', 'dead'],
      default: 'unchecked',
    },
    status: { type: 'integer' },
    reason: { type: 'string' },
    finalUrl: { type: 'text', maxLength: URL_LENGTH },
    newUrl: { type: 'text', maxLength: URL_LENGTH },
    redirects: { type: 'json' },
    deadAnswer: { type: 'string' },
    failures: { type: 'integer', default: 0 },
    firstFailureAt: { type: 'biginteger' },
    lastCheckedAt: { type: 'biginteger' },
    nextCheckAt: { type: 'biginteger' },
    ignored: { type: 'boolean', default: false },
    /** The run that is to check this link next (null when none is). */
    queuedRun: { type: 'integer' },
    /** The run that checked it last. */
    lastRun: { type: 'integer' },
  },
  indexes: [
    { name: 'roundup_link_results_entry', columns: ['entry_document_id'] },
    { name: 'roundup_link_results_queued', columns: ['queued_run'] },
  ],
};
