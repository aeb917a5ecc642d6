/** Public, read-only routes under /api/roundup, permission-checked by Users & Permissions. */
export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/roundups', handler: 'roundup.find', config: { policies: [] } },
    { method: 'GET', path: '/roundups/:slug', handler: 'roundup.findOne', config: { policies: [] } },
    { method: 'GET', path: '/roundups/:slug/rendered', handler: 'roundup.rendered', config: { policies: [] } },
    { method: 'GET', path: '/categories', handler: 'category.find', config: { policies: [] } },
    { method: 'GET', path: '/feed', handler: 'feed.find', config: { policies: [] } },
    { method: 'GET', path: '/openapi.json', handler: 'openapi.find', config: { policies: [] } },
  ],
};
