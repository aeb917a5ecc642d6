'use strict';
/**
 * npm run bench: boots the app on SQLite in a child process and measures,
 * in one run, requests/s and p99 latency (autocannon, 10 connections) of the
 * floor (the cheapest permission-checked stock content-API request), the JSON
 * roundup, and rendered Markdown and HTML warm and with the cache disabled,
 * for a 14-link and a 500-link roundup, and the editor's page (its editor view
 * and draft preview, as an administrator); then the in-process render time,
 * the size of the email document (format=email) at 14, 60 and 200 links, and how long
 * unfurling a 50 MB page takes with the size cap.
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

// About as long as the longer commentaries of the real series, with a link, like the July posts.
const LONG_COMMENTARY =
  'A thorough introduction that starts from first principles and builds up, with examples you can ' +
  'run, before it gets to the [trade-offs](https://example.org/trade-offs) that decide real systems: ' +
  'caches, memory models and the cost of atomic instructions. I came back to it twice this month ' +
  'and found something new each time; the second half, on what goes wrong in practice, is the part ' +
  'to reread before designing anything similar. Highly recommended for anyone writing a storage layer.';

/** A roundup of `size` links over four sections, for the email document's size. */
const emailRoundup = (size) => {
  const names = ['Articles & Learning', 'Videos', 'Neat Open Source Projects', 'Tools'];
  const sections = names.map((name, at) => ({
    category: { name, slug: `section-${at}` },
    entries: [],
  }));
  for (let i = 1; i <= size; i += 1) {
    sections[i % sections.length].entries.push({
      title: `Link number ${i}: a title of ordinary length`,
      url: `https://example.com/articles/${i}/a-path-of-ordinary-length/`,
      author: i % 3 === 0 ? null : `Author ${i}`,
      description: LONG_COMMENTARY,
    });
  }
  return {
    title: `What I've been reading (${size} links)`,
    slug: `email-${size}`,
    date: '2026-07-31',
    excerpt: "Here are the articles, videos, and tools that I'm excited about this July.",
    intro: 'What I read this month.',
    outro: 'Until next month.',
    layout: 'post',
    frontMatter: null,
    sections,
  };
};

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
  const { renderMarkdown, renderHtml, createNewsletterRenderer } = require(
    path.join(root, '.tmp/bench/server/server/src/core/render')
  );
  lines.push('', 'in-process render, median of 60 runs:');
  for (const size of [14, 500]) {
    lines.push(
      `  ${size} links: markdown ${timeRender(renderMarkdown, roundups[size]).toFixed(2)} ms, html ${timeRender(renderHtml, roundups[size]).toFixed(2)} ms`
    );
  }
  const newsletter = createNewsletterRenderer({
    site: { siteUrl: 'https://blog.example.com/', permalink: '/:year/:month/:day/:slug/' },
    siteTitle: "What I've been reading",
  });
  lines.push('', 'email document (format=email), about 600 characters of commentary a link:');
  for (const size of [14, 60, 200]) {
    const roundup = emailRoundup(size);
    const bytes = Buffer.byteLength(newsletter.email(roundup));
    const text = Buffer.byteLength(newsletter.text(roundup));
    lines.push(
      `  ${size} links: ${bytes} bytes (${(bytes / 1024).toFixed(1)} KB; Gmail clips over 102 KB), text ${text} bytes, render ${timeRender(newsletter.email, roundup, 20).toFixed(2)} ms`
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
