'use strict';
/**
 * npm run bench:pull -- [--roundups 2000] [--links 5]
 *
 * What the pull command costs a site's build machine: an app with --roundups
 * published roundups of --links links each (built in bulk by
 * bench-archive-app.js), then `roundup-pull --format jekyll` into an empty
 * directory (the first pull: one request per page of the changes feed and one
 * per roundup), again with nothing changed (the changes feed only), and once
 * more after one roundup is republished (the feed and that roundup). Prints
 * wall times and the requests each pull made; asserts nothing. Everything
 * stays on loopback.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { parseArgs } = require('node:util');
const { root, removeDatabase, startApp, registerAdmin } = require('./bench-lib');

const { values } = parseArgs({
  options: {
    roundups: { type: 'string', default: '2000' },
    links: { type: 'string', default: '5' },
  },
});
const ROUNDUPS = Number(values.roundups);
const LINKS = Number(values.links);
const BIN = path.join(root, 'packages', 'roundup-pull', 'bin', 'roundup-pull.js');

/** One run of the command; its report and how long it took. */
const pull = (from, out) =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, '--from', from, '--out', out, '--json'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`roundup-pull exited with ${code}`));
      resolve({ ms: performance.now() - started, report: JSON.parse(stdout) });
    });
  });

const line = (label, { ms, report }) =>
  console.log(
    `${label.padEnd(18)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${String(report.requests).padStart(5)} requests  ` +
      `${report.added.length} added, ${report.updated.length} updated, ${report.removed.length} removed, ${report.unchanged} unchanged`
  );

const main = async () => {
  const database = path.join(root, '.tmp', 'bench', 'pull.db');
  removeDatabase(database);
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'roundup-bench-pull-')), '_posts');
  const seeding = performance.now();
  const app = await startApp('bench-archive-app.js', database, {
    ROUNDUP_BENCH_ROUNDUPS: String(ROUNDUPS),
    ROUNDUP_BENCH_LINKS: String(LINKS),
    ROUNDUP_BENCH_INBOX: '0',
  });
  try {
    console.log(
      `bench:pull: ${ROUNDUPS} published roundups of ${LINKS} links, SQLite, app ready in ${((performance.now() - seeding) / 1000).toFixed(1)} s`
    );
    const first = await pull(app.url, out);
    line('first pull', first);
    line('no-change pull', await pull(app.url, out));

    const { roundups } = JSON.parse(fs.readFileSync(path.join(out, '.roundup-pull.json'), 'utf8'));
    const documentId = Object.keys(roundups)[0];
    const headers = { ...(await registerAdmin(app.url)), 'content-type': 'application/json' };
    const published = await fetch(
      `${app.url}/content-manager/collection-types/plugin::roundup.roundup/${documentId}/actions/publish`,
      { method: 'POST', headers, body: '{}' }
    );
    if (!published.ok) throw new Error(`republishing answered ${published.status}`);
    line('one-change pull', await pull(app.url, out));
    console.log(
      `files in ${out}: ${fs.readdirSync(out).filter((name) => name.endsWith('.md')).length}`
    );
  } finally {
    await app.stop();
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
