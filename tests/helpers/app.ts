import path from 'node:path';
import type { Core } from '@strapi/strapi';
import request from 'supertest';
import { freshDatabase } from './database';

const ROOT = path.resolve(__dirname, '..', '..');

export interface TestApp {
  strapi: Core.Strapi;
  http: () => ReturnType<typeof request>;
  stop: () => Promise<void>;
}

/**
 * Boots the real host app (plugin included) on a database of its own and
 * mounts its HTTP server for supertest. `reuseDatabase` restarts an app on the
 * database an earlier boot used.
 */
export const startApp = async ({
  database,
  env = {},
  reuseDatabase = false,
}: {
  database: string;
  env?: Record<string, string>;
  reuseDatabase?: boolean;
}): Promise<TestApp> => {
  const databaseEnv = reuseDatabase ? reusedEnv(database) : await freshDatabase(database);
  databases.set(database, databaseEnv);
  // The nightly link check and unfurl stay off in tests: they would visit the links' real hosts.
  // Suites that check them turn them on and point them at loopback sites.
  // CI runs the three databases' passes side by side with a fresh-app install on two cores; a
  // query may then wait its turn for a pooled connection longer than the minute an app is
  // given, and Strapi re-reads a written document after its commit without waiting for it, so
  // such a wait fails whichever test runs then. Tests give the pool three minutes.
  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_CONNECTION_TIMEOUT: process.env.DATABASE_CONNECTION_TIMEOUT ?? '180000',
    ROUNDUP_SEED_DEMO: 'true',
    ROUNDUP_LINKCHECK_ENABLED: 'false',
    ROUNDUP_UNFURL: 'false',
    ...databaseEnv,
    ...env,
  });

  // Loaded after the environment above is set: Strapi reads it as it loads.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
  const { createStrapi } = require('@strapi/strapi');
  const strapi: Core.Strapi = await createStrapi({
    appDir: ROOT,
    distDir: path.join(ROOT, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  await strapi.server.mount();

  return {
    strapi,
    http: () => request(strapi.server.httpServer),
    stop: async () => {
      await strapi.destroy();
    },
  };
};

const databases = new Map<string, Record<string, string>>();
const reusedEnv = (database: string) => {
  const env = databases.get(database);
  if (!env) throw new Error(`No earlier boot used database "${database}"`);
  return env;
};

/** What the public rendered route serves for a published roundup, in `format`. */
export const renderedText = async (app: TestApp, slug: string, format = 'markdown') =>
  (await app.http().get(`/api/roundup/roundups/${slug}/rendered?format=${format}`).expect(200))
    .text;
