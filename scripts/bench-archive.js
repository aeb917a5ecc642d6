'use strict';
/**
 * npm run bench:archive -- [--roundups 2000] [--links 20] [--small 70]
 *
 * Whether the cost of each route stays the same as the archive grows. In one
 * run, for a small archive (--small roundups) and a large one (--roundups),
 * each of --links links, built in bulk: the app's CPU time per request
 * (autocannon, 10 connections, BENCH_DURATION seconds per figure) of the
 * public list, rendered Markdown, the RSS feed, and the editor's view, inbox
 * and roundup list, each as a ratio to its floor measured in the same app
 * (public: GET /api/roundup/categories; admin: the stock GET /admin/users/me;
 * 1.00× costs what the floor costs, 0.80× a quarter more), the time of one
 * real POST /roundup/import, and the same public reads while an editor saves
 * another roundup's draft 5 times a second, as a ratio to those reads without
 * the editor and to those reads while the editor only opens the draft as
 * often (the three alternate, three times each). Every route is
 * warmed up first, then measured in three rounds through all of them.
 * Figures are printed, never asserted: compare the ratios within one run.
 */
const path = require('node:path');
const { root, CONNECTIONS, DURATION, removeDatabase, startApp, measureCpu, registerAdmin } = require('./bench-lib');

const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const LARGE = option('roundups', 2000);
const LINKS = option('links', 20);
const SMALL = option('small', 70);
const SAVES_PER_SECOND = 5;
const ROUNDS = 3;
const ROUND_SECONDS = Math.max(2, Math.round(DURATION / ROUNDS));
const WHILE_SAVING_SECONDS = ROUND_SECONDS;

const log = (line) => process.stderr.write(`${line}\n`);

/** A post in the hand-written Jekyll format, for timing the importer. */
const post = (n) =>
  [
    '---',
    'layout: post',
    `title: Imported while benchmarking ${n}`,
    '---',
    '',
    'What I read this time.',
    '',
    ...['Articles & Learning', 'Videos', 'Tools'].flatMap((section, s) => [
      `## ${section}`,
      ...Array.from({ length: 7 }, (_, i) => [
        `* [Imported link ${s}-${i}](https://example.net/${n}/${s}/${i}) by Someone ${i}<br/>`,
        `  Why link ${s}-${i} is worth reading.`,
        '',
      ]).flat(),
    ]),
  ].join('\n');

const json = async (response) => {
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
  return response.json();
};

/**
 * An editor on the draft of `documentId` in the Content Manager, `perSecond` times a second:
 * saving it (`save`), as one typing would, or only opening it (`open`), which loads the
 * machine alike but writes nothing.
 */
const editorAt = async (url, auth, documentId, perSecond, action) => {
  const draftUrl = `${url}/content-manager/collection-types/plugin::roundup.roundup/${documentId}`;
  let saves = 0;
  let failures = 0;
  let pending = Promise.resolve();
  const timer = setInterval(() => {
    saves += 1;
    const body = JSON.stringify({ intro: `What I read this time (draft saved ${saves} times).` });
    const request =
      action === 'save'
        ? { method: 'PUT', headers: { ...auth, 'content-type': 'application/json' }, body }
        : { method: 'GET', headers: auth };
    pending = fetch(draftUrl, request)
      .then(async (response) => {
        if (response.ok) return;
        failures += 1;
        if (failures === 1) log(`  a request of the editor failed: ${response.status} ${await response.text()}`);
      })
      .catch((error) => {
        failures += 1;
        if (failures === 1) log(`  a request of the editor failed: ${error.message}`);
      });
  }, 1000 / perSecond);
  return {
    stop: async () => {
      clearInterval(timer);
      await pending;
      return { saves, failures };
    },
  };
};

const benchArchive = async (roundups) => {
  const database = path.join(root, '.tmp', `bench-archive-${roundups}.db`);
  removeDatabase(database);
  log(`\n${roundups} roundups × ${LINKS} links: building the archive…`);
  const started = Date.now();
  const app = await startApp('bench-archive-app.js', database, {
    ROUNDUP_BENCH_ROUNDUPS: String(roundups),
    ROUNDUP_BENCH_LINKS: String(LINKS),
  });
  log(`  ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  try {
    const auth = await registerAdmin(app.url);
    const figures = {};
    const middle = `part-${Math.ceil(roundups / 2)}`;
    const { data: read } = await json(await fetch(`${app.url}/api/roundup/roundups/${middle}`));
    const { data: edited } = await json(await fetch(`${app.url}/api/roundup/roundups/part-${roundups}`));
    const lastPage = Math.min(40, Math.ceil(roundups / 10));
    const publicReads = {
      list: `${app.url}/api/roundup/roundups`,
      listDeep: `${app.url}/api/roundup/roundups?page=${lastPage}`,
      markdown: `${app.url}/api/roundup/roundups/${middle}/rendered?format=markdown`,
      rss: `${app.url}/api/roundup/feed?format=rss`,
    };
    const routes = [
      ['publicFloor', `${app.url}/api/roundup/categories`, {}],
      ...Object.entries(publicReads).map(([name, url]) => [name, url, {}]),
      ['adminFloor', `${app.url}/admin/users/me`, auth],
      ['editorView', `${app.url}/roundup/roundups/${read.documentId}/editor`, auth],
      ['inbox', `${app.url}/roundup/inbox`, auth],
      ['adminList', `${app.url}/roundup/roundups`, auth],
    ];
    // Every route warm first; then ROUNDS rounds through all of them, so that what drifts over
    // the run (garbage collection, the machine's other work) falls on each route and its floor alike.
    for (const [, url, headers] of routes) await measureCpu(app, url, headers, { amount: CONNECTIONS });
    const sums = Object.fromEntries(routes.map(([name]) => [name, { cpu: 0, requests: 0, p99: 0 }]));
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [name, url, headers] of routes) {
        const { cpuMs, requests, p99 } = await measureCpu(app, url, headers, { seconds: ROUND_SECONDS, warmUp: 0 });
        sums[name].cpu += cpuMs * requests;
        sums[name].requests += requests;
        sums[name].p99 = Math.max(sums[name].p99, p99);
      }
    }
    for (const [name] of routes) {
      figures[name] = { cpuMs: sums[name].cpu / sums[name].requests, requests: sums[name].requests };
      log(`  ${name}: ${figures[name].cpuMs.toFixed(2)} ms CPU per request over ${sums[name].requests} requests, p99 ${sums[name].p99} ms`);
    }

    const importTimes = [];
    for (let i = 0; i < 3; i += 1) {
      const start = performance.now();
      await json(
        await fetch(`${app.url}/roundup/import`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ markdown: post(i), fileName: `2026-08-0${i + 1}-imported-${i}.md`, publish: true }),
        })
      );
      importTimes.push(performance.now() - start);
    }
    figures.importMs = importTimes.sort((a, b) => a - b)[1];
    log(`  import of one post: ${figures.importMs.toFixed(0)} ms (median of 3)`);

    // Reads of one roundup, the list and the feed, without an editor, with an editor only opening another
    // roundup's draft, and with the editor saving it, through a second instance on the same database: the
    // readers' instance pays only for what the saves evict; the opening editor loads the machine as much
    // without writing, which tells eviction from a busier machine. The three alternate, ROUNDS times each.
    const writer = await startApp('serve-app.js', database, {});
    try {
      figures.whileSaving = {};
      for (const name of ['markdown', 'rss', 'list']) {
        const sums = Object.fromEntries(['alone', 'open', 'save'].map((side) => [side, { cpu: 0, requests: 0 }]));
        let saves = 0;
        let failures = 0;
        const measureSide = async (side) => {
          const editor = side === 'alone' ? null : await editorAt(writer.url, auth, edited.documentId, SAVES_PER_SECOND, side);
          const { cpuMs, requests } = await measureCpu(app, publicReads[name], {}, { seconds: WHILE_SAVING_SECONDS });
          sums[side].cpu += cpuMs * requests;
          sums[side].requests += requests;
          if (!editor) return;
          const done = await editor.stop();
          failures += done.failures;
          if (side === 'save') saves += done.saves;
        };
        for (let round = 0; round < ROUNDS; round += 1) {
          for (const side of ['alone', 'open', 'save']) await measureSide(side);
        }
        const per = (side) => ({ cpuMs: sums[side].cpu / sums[side].requests });
        figures.whileSaving[name] = { alone: per('alone'), open: per('open'), during: per('save'), saves, failures };
        log(
          `  ${name}: ${per('alone').cpuMs.toFixed(2)} ms CPU per read alone, ${per('open').cpuMs.toFixed(2)} while an editor opens a draft, ${per('save').cpuMs.toFixed(2)} while ${saves} saves (${failures} requests failed)`
        );
      }
    } finally {
      await writer.stop();
    }
    return figures;
  } finally {
    await app.stop();
  }
};

(async () => {
  log(`Archive benchmark: autocannon -c ${CONNECTIONS}, ${DURATION} s per figure, SQLite`);
  const sizes = [SMALL, LARGE];
  const results = [];
  for (const size of sizes) results.push(await benchArchive(size));

  // A route's figure: its floor's CPU time per request over its own, i.e. its requests/s as a ratio of the floor's.
  const ratio = (figures, name, floor) =>
    `${(figures[floor === 'public' ? 'publicFloor' : 'adminFloor'].cpuMs / figures[name].cpuMs).toFixed(2)}×`;
  const rows = [
    ['GET /api/roundup/roundups (page 1)', (f) => ratio(f, 'list', 'public')],
    [`same, page ${Math.min(40, Math.ceil(LARGE / 10))} (or the last)`, (f) => ratio(f, 'listDeep', 'public')],
    ['rendered Markdown', (f) => ratio(f, 'markdown', 'public')],
    ['RSS feed', (f) => ratio(f, 'rss', 'public')],
    ['admin: editor view (duplicates)', (f) => ratio(f, 'editorView', 'admin')],
    ['admin: inbox', (f) => ratio(f, 'inbox', 'admin')],
    ['admin: roundup list', (f) => ratio(f, 'adminList', 'admin')],
    ['import of one post', (f) => `${f.importMs.toFixed(0)} ms`],
    ...['markdown', 'rss', 'list'].map((name) => [
      `while an editor saves another roundup ${SAVES_PER_SECOND}×/s: ${name === 'markdown' ? 'rendered Markdown' : name === 'rss' ? 'RSS feed' : 'list page 1'}`,
      (f) => {
        const { alone, open, during, saves } = f.whileSaving[name];
        return `${(alone.cpuMs / during.cpuMs).toFixed(2)}× of the reads alone, ${(open.cpuMs / during.cpuMs).toFixed(2)}× of the reads while the editor only opens it (${saves} saves)`;
      },
    ]),
    ['public floor GET /api/roundup/categories, CPU per request', (f) => `${f.publicFloor.cpuMs.toFixed(2)} ms`],
    ['admin floor GET /admin/users/me, CPU per request', (f) => `${f.adminFloor.cpuMs.toFixed(2)} ms`],
  ];
  const headers = ['Request', ...sizes.map((size) => `${size} roundups, ${((size * LINKS) / 1000).toFixed(1)}k links`)];
  const lines = [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map(([name, cell]) => `| ${[name, ...results.map(cell)].join(' | ')} |`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
})().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
