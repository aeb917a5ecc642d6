/** A build hook: where to send rebuild requests, for which events, and how. */
export default {
  kind: 'collectionType',
  collectionName: 'roundup_build_hooks',
  info: {
    singularName: 'build-hook',
    pluralName: 'build-hooks',
    displayName: 'Roundup build hook',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    name: { type: 'string', required: true, unique: true },
    url: { type: 'string', required: true },
    events: { type: 'json', required: true },
    // Write-only: never returned by an API or shown on a page.
    secret: { type: 'string', private: true },
    headers: { type: 'json' },
    debounceMs: { type: 'integer', required: true },
    maxWaitMs: { type: 'integer', required: true },
    retry: { type: 'json', required: true },
    enabled: { type: 'boolean', default: true },
    disabledReason: { type: 'string' },
    /** 'config' for hooks declared in config/plugins.ts, 'admin' for those made in the admin panel. */
    source: { type: 'enumeration', enum: ['config', 'admin'], default: 'admin' },
  },
};
