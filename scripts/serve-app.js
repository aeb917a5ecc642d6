'use strict';
/**
 * Serves the compiled host app as a process of its own, for tests that need a
 * second instance on one database, for the benchmark and for the browser
 * tests (SERVE_ADMIN_PANEL=true serves the built admin panel too). Prints
 * "ready <port>" once listening and stops cleanly on SIGTERM.
 */
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const root = path.resolve(__dirname, '..');

/** Boots the app, runs `prepare(strapi)` before listening, and serves it. */
const serve = async (prepare = async () => {}) => {
  const strapi = createStrapi({
    appDir: root,
    distDir: path.join(root, 'dist'),
    autoReload: false,
    serveAdminPanel: process.env.SERVE_ADMIN_PANEL === 'true',
  });
  await strapi.load();
  await prepare(strapi);
  await strapi.listen();
  // A benchmark that started this process over IPC can ask for its CPU time, which a busy machine does not skew.
  if (process.send)
    process.on(
      'message',
      (message) => message === 'cpu' && process.send({ cpu: process.cpuUsage() })
    );
  process.stdout.write(`ready ${strapi.server.httpServer.address().port}\n`);
  // Strapi destroys itself and exits on SIGTERM; a second destroy of ours would throw and end the
  // process mid-shutdown, before the plugin's destroy (the link checker handing its lease back) is done.
};

const run = (prepare) =>
  serve(prepare).catch((error) => {
    process.stderr.write(`${error.stack || error}\n`);
    process.exit(1);
  });

if (require.main === module) run();

module.exports = { run };
