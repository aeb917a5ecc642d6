/**
 * One run of the link checker. The running run holds `slot`, which a unique
 * index makes the only one; `holder` and `leaseUntil` say which instance
 * works it, so that another takes over when that instance stops.
 */
export default {
  kind: 'collectionType',
  collectionName: 'roundup_link_checks',
  info: {
    singularName: 'link-check',
    pluralName: 'link-checks',
    displayName: 'Roundup link check',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    slot: { type: 'string' },
    state: { type: 'enumeration', enum: ['running', 'finished'], default: 'running' },
    trigger: { type: 'enumeration', enum: ['manual', 'schedule'], default: 'manual' },
    startedAt: { type: 'biginteger' },
    finishedAt: { type: 'biginteger' },
    total: { type: 'integer', default: 0 },
    holder: { type: 'string' },
    leaseUntil: { type: 'biginteger' },
  },
  indexes: [{ name: 'roundup_link_checks_slot', columns: ['slot'], type: 'unique' }],
};
