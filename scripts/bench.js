'use strict';
/**
 * npm run bench: boots the app on SQLite in a child process and measures,
 * in one run, requests/s and p99 latency (autocannon, 10 connections) of the
 * floor (the cheapest permission-checked stock content-API request), the JSON
 * roundup, and rendered Markdown and HTML warm and with the cache disabled,
 * for a 14-link and a 500-link roundup, and the editor's page (its editor view
 * and draft preview, as an administrator); then the in-process render time,
 * and how long unfurling a 50 MB page takes with the size cap.
 * Figures are printed, never asserted: compare the ratios within one run.
 */
const path = require('node:path');
const {
  root,
  DURATION,
  CONNECTIONS,
  removeDatabase,
  startApp: startScript,
  measure,
  registerAdmin,
} = require('./bench-lib');
const { timeHugeUnfurl } = require('./bench-unfurl');

const DB = path.join(root, '.tmp', 'bench.db');
const startApp = (env) => startScript('bench-app.js', DB, env);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const timeRender = (render, roundup, runs = 60) => {
  for (let i = 0; i < 10; i += 1) render(roundup);
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    render(roundup);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
};

(async () => {
  removeDatabase(DB);
  const rows = [];
  // Admin rows are compared with the cheapest stock admin request: admin JWT checks dominate them.
  const add = (name, figures, floor = 'public') => {
    rows.push({ name, floor, ...figures });
    process.stderr.write(`  ${name}: ${figures.rps.toFixed(0)} req/s\n`);
  };

  process.stderr.write(`Benchmark: autocannon -c ${CONNECTIONS} -d ${DURATION}s per line\n`);
  let app = await startApp({ ROUNDUP_RENDER_CACHE: 'true' });
  add(
    'floor: GET /api/i18n/locales (stock, permission-checked)',
    await measure(`${app.url}/api/i18n/locales`)
  );
  const roundups = {};
  for (const size of [14, 500]) {
    const base = `${app.url}/api/roundup/roundups/bench-${size}`;
    roundups[size] = (await (await fetch(base)).json()).data;
    add(`GET /roundups/:slug (${size} links)`, await measure(base));
    add(
      `rendered markdown, warm (${size} links)`,
      await measure(`${base}/rendered?format=markdown`)
    );
    add(`rendered html, warm (${size} links)`, await measure(`${base}/rendered?format=html`));
  }
  // The editor's page: what one roundup's page load asks of the admin API.
  const auth = await registerAdmin(app.url);
  add(
    'admin floor: GET /admin/users/me (stock, admin JWT)',
    await measure(`${app.url}/admin/users/me`, auth),
    'admin'
  );
  for (const size of [14, 500]) {
    const editor = `${app.url}/roundup/roundups/${roundups[size].documentId}`;
    add(`admin: editor view (${size} links)`, await measure(`${editor}/editor`, auth), 'admin');
    add(
      `admin: draft preview, md + html (${size} links)`,
      await measure(`${editor}/preview`, auth),
      'admin'
    );
  }
  await app.stop();

  app = await startApp({ ROUNDUP_RENDER_CACHE: 'false' });
  for (const size of [14, 500]) {
    const base = `${app.url}/api/roundup/roundups/bench-${size}`;
    add(
      `rendered markdown, cache disabled (${size} links)`,
      await measure(`${base}/rendered?format=markdown`)
    );
    add(
      `rendered html, cache disabled (${size} links)`,
      await measure(`${base}/rendered?format=html`)
    );
  }
  await app.stop();

  const floors = { public: rows[0].rps, admin: rows.find((row) => row.floor === 'admin').rps };
  const pad = (text, width) => String(text).padEnd(width);
  const lines = [
    `${pad('request', 56)} ${pad('req/s', 9)} ${pad('p99 ms', 8)} × its floor`,
    ...rows.map(
      (row) =>
        `${pad(row.name, 56)} ${pad(row.rps.toFixed(0), 9)} ${pad(row.p99, 8)} ${(row.rps / floors[row.floor]).toFixed(2)}`
    ),
  ];

  // The pure core, compiled file by file by `npm run bench` (the plugin's own build is one bundle).
  const { renderMarkdown, renderHtml } = require(
    path.join(root, '.tmp/bench/server/server/src/core/render')
  );
  lines.push('', 'in-process render, median of 60 runs:');
  for (const size of [14, 500]) {
    lines.push(
      `  ${size} links: markdown ${timeRender(renderMarkdown, roundups[size]).toFixed(2)} ms, html ${timeRender(renderHtml, roundups[size]).toFixed(2)} ms`
    );
  }
  const huge = await timeHugeUnfurl(root);
  lines.push(
    '',
    `unfurl of a 50 MB page without a title: ${huge.ms.toFixed(0)} ms, ${huge.sentMiB.toFixed(1)} MiB sent (${huge.reason})`
  );
  process.stdout.write(`${lines.join('\n')}\n`);
})().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
