'use strict';
// Runs the compiled host app as a separate Strapi instance for tests that
// need two instances on one database. Prints "ready <port>" once listening.
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const root = path.resolve(__dirname, '..', '..');

(async () => {
  const strapi = createStrapi({ appDir: root, distDir: path.join(root, 'dist'), autoReload: false, serveAdminPanel: false });
  await strapi.load();
  await strapi.listen();
  const { port } = strapi.server.httpServer.address();
  process.stdout.write(`ready ${port}\n`);
  process.on('SIGTERM', async () => {
    await strapi.destroy();
    process.exit(0);
  });
})().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
