/**
 * Routes under /api/roundup, permission-checked by Users & Permissions or an
 * API token: public reads, and the capture API (action `inbox.capture`).
 */
export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/roundups', handler: 'roundup.find', config: { policies: [] } },
    {
      method: 'GET',
      path: '/roundups/:slug',
      handler: 'roundup.findOne',
      config: { policies: [] },
    },
    {
      method: 'GET',
      path: '/roundups/:slug/rendered',
      handler: 'roundup.rendered',
      config: { policies: [] },
    },
    { method: 'GET', path: '/categories', handler: 'category.find', config: { policies: [] } },
    { method: 'GET', path: '/feed', handler: 'feed.find', config: { policies: [] } },
    { method: 'GET', path: '/search', handler: 'search.find', config: { policies: [] } },
    { method: 'GET', path: '/changes', handler: 'changes.find', config: { policies: [] } },
    { method: 'GET', path: '/openapi.json', handler: 'openapi.find', config: { policies: [] } },
    { method: 'POST', path: '/inbox', handler: 'inbox.capture', config: { policies: [] } },
    // The capture window's section picker is part of capturing: the capture action allows it.
    {
      method: 'GET',
      path: '/inbox/sections',
      handler: 'inbox.sections',
      config: { policies: [], auth: { scope: ['plugin::roundup.inbox.capture'] } },
    },
    // The bookmarklet's window is a static page with no data; the token it is handed authorises each request it makes.
    { method: 'GET', path: '/capture', handler: 'inbox.form', config: { auth: false } },
  ],
};
