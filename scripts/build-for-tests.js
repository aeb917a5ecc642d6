'use strict';
/**
 * node scripts/build-for-tests.js
 *
 * Builds what the API suites boot: the plugin's server entry
 * (`dist/server/index.js`, the file its `./strapi-server` export names;
 * compiled with tsc, with a one-line entry that requires tsc's output,
 * because `strapi-plugin build` also bundles the admin panel and writes type
 * declarations, which these suites do not need) and the host app's
 * TypeScript. The API suites' global setup runs it once per test run; CI runs
 * it once before the three databases' passes, which then run side by side
 * with ROUNDUP_TEST_PREBUILT=1 so that none of them rewrites what another is
 * booting.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const buildForTests = () => {
  const root = path.resolve(__dirname, '..');
  const tsc = require.resolve('typescript/bin/tsc');
  // Files of an older build (a bundle, or routes/admin.js beside routes/admin/) must not shadow this one.
  fs.rmSync(path.join(root, 'plugins/roundup/dist/server'), { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [
      tsc,
      '-p',
      'plugins/roundup/server/tsconfig.json',
      '--declaration',
      'false',
      '--sourceMap',
      'false',
    ],
    { cwd: root, stdio: 'inherit' }
  );
  // tsc keeps the plugin's layout (server/src and shared/ side by side); the entry points at it.
  fs.writeFileSync(
    path.join(root, 'plugins/roundup/dist/server/index.js'),
    "module.exports = require('./server/src/index.js');\n"
  );
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
};

module.exports = { buildForTests };

if (require.main === module) buildForTests();
