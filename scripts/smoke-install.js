'use strict';
/**
 * npm run test:install -- [--strapi 5.54.0,5.32.0] [--tarball file.tgz] [--keep] [--work-dir dir [--reuse]]
 *
 * Installs the plugin the way a Strapi user does and checks that it changes
 * nothing else in their app: packs plugins/roundup (its prepack builds it),
 * then, for each Strapi version, writes a fresh app in a temporary folder (its
 * own package.json and config, no @strapi/utils of its own), installs it,
 * `npm install`s the tarball, requires a single @strapi/utils, builds the
 * admin panel, starts the app on a free loopback port and runs a smoke suite
 * over HTTP and in Chromium. Exits non-zero on the first failed check.
 *
 * Fixtures: ROUNDUP_FIXTURES_DIR, or ../shared/fixtures/roundups beside the repository.
 */
const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const PLUGIN_DIR = path.join(ROOT, 'plugins', 'roundup');
const FIXTURES = path.resolve(
  ROOT,
  process.env.ROUNDUP_FIXTURES_DIR ?? '../shared/fixtures/roundups'
);
const FIXTURE = '2020-07-reading-july.md';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? undefined : args[i + 1];
};
const versions = (
  option('strapi') ?? require(path.join(ROOT, 'node_modules/@strapi/strapi/package.json')).version
)
  .split(',')
  .map((v) => v.trim())
  .filter(Boolean);
const keep = args.includes('--keep');
/** --reuse: an app kept (--keep, --work-dir) from an earlier run is started again without reinstalling. */
const reuse = args.includes('--reuse');

const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const log = (message) => console.log(`[smoke ${seconds(started).padStart(8)}] ${message}`);
const fail = (message) => {
  throw new Error(message);
};
const check = (condition, message) => {
  if (!condition) fail(message);
  log(`ok  ${message}`);
};

/** Runs a command to completion, its output shown; throws on a non-zero exit. */
const run = (
  command,
  commandArgs,
  { cwd, env = {}, capture = false, allowFailure = false } = {}
) => {
  const result = spawnSync(command, commandArgs, {
    cwd,
    env: { ...process.env, ...env },
    stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0 && !allowFailure) {
    fail(`${command} ${commandArgs.join(' ')} exited with ${result.status ?? result.signal}`);
  }
  return result.stdout ?? '';
};

/** What every npm command here uses: the shared cache first, no audit or funding requests. */
const NPM_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];
const BETTER_SQLITE3 = '12.9.0';
/**
 * Nothing here may reach past the npm registry: better-sqlite3's prebuilt
 * binary is looked for on loopback only, so it comes from npm's cache (seeded
 * below from this repository's own build) or is compiled.
 */
const NPM_ENV = {
  npm_config_update_notifier: 'false',
  npm_config_better_sqlite3_binary_host: 'http://127.0.0.1:9/better-sqlite3',
};

/**
 * Puts this repository's compiled better-sqlite3 where prebuild-install looks
 * before downloading (npm's cache), so that each fresh app does not compile
 * SQLite again. Without it the install compiles, as a user's would.
 */
const seedBetterSqlite3 = () => {
  const dir = path.join(ROOT, 'node_modules', 'better-sqlite3');
  const binary = path.join(dir, 'build', 'Release', 'better_sqlite3.node');
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  if (pkg.version !== BETTER_SQLITE3 || !fs.existsSync(binary)) return;
  const util = require(path.join(ROOT, 'node_modules', 'prebuild-install', 'util.js'));
  // The address prebuild-install will ask for, with the loopback host above.
  Object.assign(process.env, NPM_ENV);
  const url = util.getDownloadUrl({
    pkg,
    runtime: 'node',
    abi: process.versions.modules,
    platform: process.platform,
    arch: process.arch,
    libc: '',
    'tag-prefix': 'v',
  });
  const cache = run('npm', ['config', 'get', 'cache'], { capture: true }).trim();
  const target = path.join(cache, '_prebuilds', path.basename(util.cachedPrebuild(url)));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  run('tar', ['-czf', target, '-C', dir, 'build/Release/better_sqlite3.node']);
  log(
    `better-sqlite3 ${BETTER_SQLITE3}: this repository's build put in npm's cache for the fresh apps`
  );
};
/** Strapi's own calls home, off. */
const STRAPI_ENV = {
  STRAPI_TELEMETRY_DISABLED: 'true',
  BROWSER: 'none',
};

// ---------------------------------------------------------------------------
// The package

/**
 * A copy of plugins/roundup (sources and its own node_modules, not dist/) to
 * pack: the build empties and rewrites dist/, which the API suites of a test
 * run going on beside this one compile and load, so the working tree's dist/
 * is neither read nor replaced. The copy sits under the repository's .tmp/
 * (ignored by git and ESLint), where the build finds the repository's
 * node_modules as the plugin does; a copy linked to it from elsewhere would
 * have its type declarations refused (TS2742).
 */
const stagePlugin = () => {
  const stage = fs.mkdtempSync(path.join(ROOT, '.tmp', 'smoke-pack-'));
  const copy = path.join(stage, 'plugins', 'roundup');
  fs.cpSync(PLUGIN_DIR, copy, {
    recursive: true,
    filter: (source) => path.relative(PLUGIN_DIR, source) !== 'dist',
  });
  return { copy, remove: () => fs.rmSync(stage, { recursive: true, force: true }) };
};

const pack = (destination) => {
  const given = option('tarball');
  if (given) return checkTarball(path.resolve(given));
  log(
    'npm pack (its prepack builds the plugin with strapi-plugin build), in a copy of plugins/roundup'
  );
  fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  const staged = stagePlugin();
  let out;
  try {
    out = run('npm', ['pack', '--json', '--pack-destination', destination], {
      cwd: staged.copy,
      capture: true,
    });
  } finally {
    staged.remove();
  }
  // The build's own log comes first on stdout; npm's JSON report is the array at the end.
  const [info] = JSON.parse(out.slice(out.search(/^\[\s*$/m)));
  return checkTarball(path.join(destination, info.filename));
};

/** The tarball holds the built server, admin and types, and no map that points outside the package. */
const checkTarball = (tarball) => {
  const files = run('tar', ['-tzf', tarball], { capture: true })
    .split('\n')
    .filter(Boolean)
    .map((file) => file.replace(/^package\//, ''));
  log(
    `${path.basename(tarball)}: ${files.length} files, ${(fs.statSync(tarball).size / 1024).toFixed(0)} kB`
  );
  for (const required of [
    'package.json',
    'README.md',
    'LICENSE',
    'openapi.json',
    'dist/client/index.d.ts',
    'dist/server/index.js',
    'dist/server/index.mjs',
    'dist/server/src/index.d.ts',
    'dist/admin/index.js',
    'dist/admin/index.mjs',
    'dist/admin/src/index.d.ts',
    'dist/shared/permissions.d.ts',
  ]) {
    check(files.includes(required), `the tarball has ${required}`);
  }
  const outside = files.filter(
    (file) =>
      !file.startsWith('dist/') &&
      !['package.json', 'openapi.json', 'README.md', 'LICENSE'].includes(file)
  );
  check(
    outside.length === 0,
    `it holds only dist/, openapi.json, README.md, LICENSE and package.json${outside.length ? `, not ${outside.join(', ')}` : ''}`
  );
  const maps = files.filter((file) => file.endsWith('.map'));
  for (const map of maps) {
    const { sources = [], sourceRoot = '' } = JSON.parse(
      run('tar', ['-xzOf', tarball, `package/${map}`], { capture: true })
    );
    for (const source of sources) {
      const inside = path.posix.normalize(
        path.posix.join(path.posix.dirname(map), sourceRoot, source)
      );
      if (inside.startsWith('..') || !files.includes(inside))
        fail(`${map} points at ${source}, which the package does not hold`);
    }
  }
  check(true, `no source map in it points outside it (${maps.length} maps)`);
  return tarball;
};

// ---------------------------------------------------------------------------
// A fresh app, as a user has one before installing the plugin

const secret = () => crypto.randomBytes(16).toString('base64');

const writeApp = (dir, version) => {
  const write = (file, text) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  write(
    'package.json',
    `${JSON.stringify(
      {
        name: 'roundup-smoke-app',
        private: true,
        version: '0.1.0',
        description: 'A fresh Strapi app that installs strapi-plugin-roundup from its tarball',
        scripts: { build: 'strapi build', start: 'strapi start', develop: 'strapi develop' },
        dependencies: {
          '@strapi/plugin-users-permissions': version,
          '@strapi/strapi': version,
          'better-sqlite3': BETTER_SQLITE3,
          react: '^18.0.0',
          'react-dom': '^18.0.0',
          'react-router-dom': '^6.0.0',
          'styled-components': '^6.0.0',
        },
        engines: { node: '>=20.0.0 <=24.x.x', npm: '>=6.0.0' },
        strapi: { telemetryDisabled: true },
      },
      null,
      2
    )}\n`
  );
  write(
    '.env',
    [
      'HOST=127.0.0.1',
      `APP_KEYS=${secret()},${secret()}`,
      `API_TOKEN_SALT=${secret()}`,
      `ADMIN_JWT_SECRET=${secret()}`,
      `TRANSFER_TOKEN_SALT=${secret()}`,
      `JWT_SECRET=${secret()}`,
      `ENCRYPTION_KEY=${secret()}`,
      '',
    ].join('\n')
  );
  write(
    'config/server.js',
    `module.exports = ({ env }) => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  app: { keys: env.array('APP_KEYS') },
  logger: { updates: { enabled: false } },
});
`
  );
  write(
    'config/admin.js',
    `module.exports = ({ env }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
  flags: { nps: false, promoteEE: false },
});
`
  );
  write(
    'config/database.js',
    `const path = require('path');

module.exports = () => ({
  connection: {
    client: 'sqlite',
    connection: { filename: path.join(__dirname, '..', '.tmp', 'data.db') },
    useNullAsDefault: true,
  },
});
`
  );
  write(
    'config/middlewares.js',
    `module.exports = [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
`
  );
  write(
    'config/api.js',
    `module.exports = { rest: { defaultLimit: 25, maxLimit: 100, withCount: true } };\n`
  );
  write('src/index.js', `module.exports = { register() {}, bootstrap() {} };\n`);
  write('public/robots.txt', 'User-agent: *\nDisallow: /\n');
  write('public/uploads/.gitkeep', '');
  fs.copyFileSync(path.join(ROOT, 'favicon.png'), path.join(dir, 'favicon.png'));
};

/** The plugin enabled as its README says, after `npm install strapi-plugin-roundup`. */
const enablePlugin = (dir) => {
  fs.writeFileSync(
    path.join(dir, 'config/plugins.js'),
    `module.exports = ({ env }) => ({
  // No scheduled link check and no unfurl of captured links: a test app sends nothing off this machine.
  roundup: { enabled: true, config: { linkCheck: { enabled: false }, unfurl: { enabled: false } } },
  'users-permissions': { config: { jwtSecret: env('JWT_SECRET') } },
});
`
  );
};

/** `npm ls @strapi/utils`, printed, and the versions installed anywhere in the tree. */
const strapiUtilsVersions = (dir) => {
  console.log(run('npm', ['ls', '@strapi/utils'], { cwd: dir, capture: true, allowFailure: true }));
  const tree = JSON.parse(
    run('npm', ['ls', '@strapi/utils', '--all', '--json'], {
      cwd: dir,
      capture: true,
      allowFailure: true,
    })
  );
  const found = new Set();
  const walk = (node) => {
    for (const [name, dep] of Object.entries(node.dependencies ?? {})) {
      if (name === '@strapi/utils' && dep.version) found.add(dep.version);
      walk(dep);
    }
  };
  walk(tree);
  return [...found];
};

// ---------------------------------------------------------------------------
// The running app

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const startApp = async (dir) => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [path.join(dir, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start'],
    {
      cwd: dir,
      env: {
        ...process.env,
        ...STRAPI_ENV,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 180000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) fail(`strapi start exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${url}/_health`);
      if (response.status === 204) return { url, stop, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  fail(`strapi start did not answer on ${url} within 180 s:\n${output}`);
};

const api =
  (url) =>
  async (method, pathname, { token, body } = {}) => {
    const response = await fetch(`${url}${pathname}`, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return {
      status: response.status,
      json,
      text,
      type: response.headers.get('content-type') ?? '',
    };
  };

const expectStatus = (response, status, what) =>
  check(
    response.status === status,
    `${what} answers ${status}${response.status === status ? '' : `, not ${response.status}: ${response.text.slice(0, 300)}`}`
  );

const smokeHttp = async (url) => {
  const call = api(url);
  const email = 'smoke@example.com';
  const password = 'Smoke-test-1';

  // The host's own answers, untouched by the plugin.
  expectStatus(await call('GET', '/api/users'), 403, 'GET /api/users without permission');
  expectStatus(
    await call('GET', '/api/i18n/locales'),
    403,
    'GET /api/i18n/locales without permission'
  );
  expectStatus(await call('GET', '/api/no-such-type'), 404, 'GET /api/no-such-type');
  const login = await call('POST', '/api/auth/local', { body: {} });
  expectStatus(login, 400, 'POST /api/auth/local with no credentials');
  check(login.json?.error?.name === 'ValidationError', 'its error is a ValidationError');

  // The plugin's public routes, before the Public role is given them.
  for (const route of [
    '/api/roundup/roundups',
    '/api/roundup/categories',
    '/api/roundup/feed',
    '/api/roundup/openapi.json',
  ]) {
    expectStatus(await call('GET', route), 403, `GET ${route} before the Public role may`);
  }

  const registered = await call('POST', '/admin/register-admin', {
    body: { email, password, firstname: 'Smoke', lastname: 'Test' },
  });
  expectStatus(registered, 200, 'POST /admin/register-admin');
  const token = registered.json.data.token;

  // Importing and publishing a real post through the admin API.
  const markdown = fs.readFileSync(path.join(FIXTURES, FIXTURE), 'utf8');
  const imported = await call('POST', '/roundup/import', {
    token,
    body: { markdown, fileName: FIXTURE, date: '2020-07-31' },
  });
  expectStatus(imported, 201, `POST /roundup/import of ${FIXTURE}`);
  const { documentId, slug } = imported.json;
  check(
    imported.json.entries > 0 && imported.json.sections > 0,
    `the import made ${imported.json.sections} sections of ${imported.json.entries} links`
  );
  const again = await call('POST', '/roundup/import', {
    token,
    body: { markdown, fileName: FIXTURE, date: '2020-07-31' },
  });
  expectStatus(again, 409, 'importing the same post again');
  check(
    again.json?.error?.name === 'ConflictError',
    "its error is a ConflictError in Strapi's envelope"
  );
  const notMarkdown = await call('POST', '/roundup/import', { token, body: { markdown: 42 } });
  expectStatus(notMarkdown, 400, 'an import whose markdown is not text');
  check(/markdown/.test(notMarkdown.json?.error?.message ?? ''), 'its message names the field');
  expectStatus(
    await call('GET', '/roundup/roundups/nope/editor', { token }),
    404,
    'the editor view of an unknown roundup'
  );
  expectStatus(
    await call('POST', `/roundup/roundups/${documentId}/publish`, { token }),
    200,
    'publishing it'
  );

  // A write refused inside the Document Service, answered by the Content Manager's own controller.
  const { category } = (await call('GET', `/roundup/roundups/${documentId}/editor`, { token })).json
    .sections[0];
  const badLink = await call('POST', '/content-manager/collection-types/plugin::roundup.entry', {
    token,
    body: {
      title: 'Bad',
      url: 'javascript:alert(1)',
      category: { connect: [{ documentId: category.documentId }] },
    },
  });
  expectStatus(badLink, 400, 'the Content Manager saving a link whose URL is javascript:');
  check(
    /url/.test(badLink.json?.error?.message ?? ''),
    `its message names the field (${badLink.json?.error?.message})`
  );

  // The Public role given the plugin's read actions, as the README says.
  const roles = await call('GET', '/users-permissions/roles', { token });
  const publicRole = roles.json.roles.find((role) => role.type === 'public');
  const role = (await call('GET', `/users-permissions/roles/${publicRole.id}`, { token })).json
    .role;
  const controllers = role.permissions['plugin::roundup'].controllers;
  // The reads only: capturing links (inbox.capture) stays the capture tokens' own.
  for (const [controller, actions] of Object.entries(controllers)) {
    if (controller === 'inbox') continue;
    for (const action of Object.values(actions)) action.enabled = true;
  }
  expectStatus(
    await call('PUT', `/users-permissions/roles/${publicRole.id}`, {
      token,
      body: { name: role.name, description: role.description, permissions: role.permissions },
    }),
    200,
    'giving the Public role the roundup actions'
  );

  const list = await call('GET', '/api/roundup/roundups');
  expectStatus(list, 200, 'GET /api/roundup/roundups once the Public role may');
  check(
    list.json.data.some((roundup) => roundup.slug === slug),
    `it lists the imported roundup (${slug})`
  );
  expectStatus(await call('GET', '/api/roundup/categories'), 200, 'GET /api/roundup/categories');
  expectStatus(await call('GET', '/api/roundup/feed'), 200, 'GET /api/roundup/feed');
  const openapi = await call('GET', '/api/roundup/openapi.json');
  expectStatus(openapi, 200, 'GET /api/roundup/openapi.json');
  check(
    /^3\.1\./.test(openapi.json?.openapi ?? '') && Boolean(openapi.json?.paths?.['/roundups']),
    `it is an OpenAPI ${openapi.json?.openapi} document of the roundup routes`
  );
  const capture = await call('POST', '/api/roundup/inbox', {
    body: { url: 'http://127.0.0.1:9/smoke' },
  });
  expectStatus(capture, 403, 'POST /api/roundup/inbox from the Public role, which may not capture');
  const rendered = await call('GET', `/api/roundup/roundups/${slug}/rendered`);
  expectStatus(rendered, 200, `GET /api/roundup/roundups/${slug}/rendered`);
  check(
    rendered.type.startsWith('text/markdown') &&
      /^---\n/.test(rendered.text) &&
      /\n## /.test(rendered.text),
    'it is Markdown with front matter and sections'
  );
  const html = await call('GET', `/api/roundup/roundups/${slug}/rendered?format=html`);
  check(html.status === 200 && html.text.startsWith('<article'), 'and HTML with ?format=html');
  const unknown = await call('GET', '/api/roundup/roundups/no-such-roundup');
  expectStatus(unknown, 404, 'an unknown slug');
  check(unknown.json?.error?.name === 'NotFoundError', 'its error is a NotFoundError');
  const badQuery = await call('GET', '/api/roundup/roundups?status=draft');
  expectStatus(badQuery, 400, 'a query asking for drafts');
  check(/status/.test(badQuery.json?.error?.message ?? ''), 'its message names the parameter');
  expectStatus(await call('GET', '/api/users'), 403, 'GET /api/users, still without permission');
  expectStatus(
    await call('GET', '/api/i18n/locales'),
    403,
    'GET /api/i18n/locales, still without permission'
  );

  return { email, password, slug };
};

/** The Roundups page in Chromium: it opens, lists the roundup, and the console shows no error. */
const smokeBrowser = async (url, { email, password, slug }) => {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const refused = new Set();
  const problems = [];
  try {
    const context = await browser.newContext();
    // The page may only talk to the app: anything else (update checks, news) is refused here.
    await context.route('**/*', (route) => {
      const { hostname } = new URL(route.request().url());
      if (
        ['127.0.0.1', 'localhost', '[::1]'].includes(hostname) ||
        route.request().url().startsWith('data:')
      ) {
        return route.continue();
      }
      refused.add(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const source = message.location().url;
      // A resource this script refused to load is not the page's error.
      if (refused.has(source)) return;
      problems.push(`console error: ${message.text()} (${source})`);
    });
    await page.goto(`${url}/admin/auth/login`);
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', password);
    await page.click('button[type=submit]');
    await page.waitForURL((address) => !address.pathname.includes('/auth/'), { timeout: 60000 });
    await page.goto(`${url}/admin/plugins/roundup`);
    await page.getByRole('heading', { name: 'Roundups' }).first().waitFor({ timeout: 60000 });
    await page
      .getByText("What I've been reading", { exact: false })
      .first()
      .waitFor({ timeout: 30000 });
    check(true, `the Roundups page opens in Chromium and lists the roundup (${slug})`);
    await page.waitForTimeout(1000);
  } finally {
    await browser.close();
  }
  if (refused.size) log(`the browser was kept from: ${[...refused].join(', ')}`);
  check(
    problems.length === 0,
    `no error in the browser console${problems.length ? `:\n  ${problems.join('\n  ')}` : ''}`
  );
};

// ---------------------------------------------------------------------------

const smokeVersion = async (tarball, version, workDir) => {
  const since = Date.now();
  const timings = {};
  const step = async (name, action) => {
    const at = Date.now();
    log(`--- ${name}`);
    const result = await action();
    timings[name] = seconds(at);
    return result;
  };
  const dir = path.join(workDir, `app-${version}`);
  const reused = reuse && fs.existsSync(path.join(dir, 'build', 'index.html'));
  log(`=== Strapi ${version} in ${dir}${reused ? ' (reused)' : ''}`);
  if (!reused) await installApp(tarball, version, dir, step);
  // Every run starts on an empty database.
  fs.rmSync(path.join(dir, '.tmp'), { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'public', 'uploads'), { recursive: true });
  const app = await step('strapi start', () => startApp(dir));
  try {
    const admin = await step('smoke over HTTP', () => smokeHttp(app.url));
    await step('the Roundups page in Chromium', () => smokeBrowser(app.url, admin));
  } catch (error) {
    console.log(app.output().split('\n').slice(-60).join('\n'));
    throw error;
  } finally {
    await app.stop();
  }
  log(
    `=== Strapi ${version} passed in ${seconds(since)}: ${Object.entries(timings)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`
  );
  if (!keep) fs.rmSync(dir, { recursive: true, force: true });
};

const installApp = async (tarball, version, dir, step) => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  await step('install the fresh app', () => {
    writeApp(dir, version);
    run('npm', ['install', ...NPM_FLAGS], { cwd: dir, env: NPM_ENV });
  });
  await step('npm install the plugin tarball', () => {
    run('npm', ['install', ...NPM_FLAGS, tarball], { cwd: dir, env: NPM_ENV });
    enablePlugin(dir);
  });
  await step('npm ls @strapi/utils', () => {
    const found = strapiUtilsVersions(dir);
    check(found.length === 1, `one version of @strapi/utils in the app: ${found.join(', ')}`);
    const installed = require(path.join(dir, 'node_modules/@strapi/strapi/package.json')).version;
    check(installed === version, `@strapi/strapi ${installed} installed`);
  });
  await step('strapi build', () =>
    run(process.execPath, [path.join(dir, 'node_modules/@strapi/strapi/bin/strapi.js'), 'build'], {
      cwd: dir,
      env: { ...STRAPI_ENV, NODE_ENV: 'production' },
    })
  );
};

const main = async () => {
  const given = option('work-dir');
  if (given) fs.mkdirSync(given, { recursive: true });
  const workDir = given
    ? path.resolve(given)
    : fs.mkdtempSync(path.join(os.tmpdir(), 'roundup-smoke-'));
  try {
    seedBetterSqlite3();
    const packed = Date.now();
    const tarball = pack(workDir);
    log(`tarball: ${tarball} (packed and checked in ${seconds(packed)})`);
    for (const version of versions) await smokeVersion(tarball, version, workDir);
    log(`passed for Strapi ${versions.join(' and ')} in ${seconds(started)}`);
  } finally {
    if (!keep) fs.rmSync(workDir, { recursive: true, force: true });
    else log(`kept ${workDir}`);
  }
};

main().catch((error) => {
  console.error(`\nsmoke install FAILED: ${error.message}`);
  process.exit(1);
});
