'use strict';
/**
 * npm run bench:archive -- [--roundups 2000] [--links 20] [--small 70] [--only searchOne,searchThree]
 *
 * Whether the cost of each route stays the same as the archive grows. In one
 * run, for a small archive (--small roundups) and a large one (--roundups),
 * each of --links links, built in bulk: the app's CPU time per request
 * (autocannon, 10 connections) of the public list, rendered Markdown, the RSS
 * feed, the archive search (one word, three words), and the editor's view, inbox and roundup list, each as a ratio to its
 * floor measured in the same app (public: GET /api/roundup/categories; admin:
 * the stock GET /admin/users/me; 1.00× costs what the floor costs, 0.80× a
 * quarter more), the time of one real POST /roundup/import, and the same
 * public reads while an editor saves another roundup's draft 5 times a second
 * through a second instance, as a ratio to those reads without the editor and
 * to those reads while the editor only opens the draft as often.
 *
 * What makes one figure differ from the next run's, and what is done about it:
 * a fresh app keeps getting cheaper for its first half minute, as its code is
 * optimised (every route of every instance is warmed up for
 * BENCH_WARM_UP_SECONDS, default 4, first); one window of a few seconds varies
 * by some 8 % with garbage collection (BENCH_ROUNDS rounds, default 4, of
 * BENCH_DURATION / BENCH_ROUNDS seconds through all routes of both archives, each
 * window after a hundred uncounted requests that collect the previous route's garbage);
 * two processes running the same code on the same data differ by up to 10 %
 * (BENCH_APPS instances per archive, default 3, pooled); and other processes
 * compete for the app's core (the measured app has a core of its own where it
 * can, see bench-lib.js). The reads during saves alternate with the reads
 * alone and while the editor opens, BENCH_ROUNDS times each. Figures are
 * printed, never asserted: compare the ratios within one run.
 */
const path = require('node:path');
const {
  root,
  CONNECTIONS,
  DURATION,
  PIN,
  removeDatabase,
  startApp,
  measureCpu,
  registerAdmin,
  loginAdmin,
  themeWord,
} = require('./bench-lib');

const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const LARGE = option('roundups', 2000);
const LINKS = option('links', 20);
const SMALL = option('small', 70);
const ONLY = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1].split(',')
  : null;
const measured = (name) => !ONLY || name.endsWith('Floor') || ONLY.includes(name);
const SAVES_PER_SECOND = 5;
const APPS = Number(process.env.BENCH_APPS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const ROUND_SECONDS = Math.max(2, Math.round(DURATION / ROUNDS));
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 4);
const WHILE_SAVING_SECONDS = 3;
const SETTLE = CONNECTIONS * 10;

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
        if (failures === 1)
          log(`  a request of the editor failed: ${response.status} ${await response.text()}`);
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

/**
 * The archive of `roundups` roundups, built in bulk by its first instance, and APPS instances
 * of the app serving it: each figure is pooled over them, because one process's figures
 * differ from another's running the same code on the same data (code optimised differently).
 */
const startArchive = async (roundups) => {
  const database = path.join(root, '.tmp', `bench-archive-${roundups}.db`);
  removeDatabase(database);
  log(`${roundups} roundups × ${LINKS} links: building the archive…`);
  const started = Date.now();
  const env = { ROUNDUP_BENCH_ROUNDUPS: String(roundups), ROUNDUP_BENCH_LINKS: String(LINKS) };
  const apps = [await startApp('bench-archive-app.js', database, env)];
  log(`  ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  for (let i = 1; i < APPS; i += 1)
    apps.push(await startApp('bench-archive-app.js', database, env));
  // One session for every instance: they share the database and the app's secrets.
  const auth = await registerAdmin(apps[0].url);
  const middle = `part-${Math.ceil(roundups / 2)}`;
  const { data: read } = await json(await fetch(`${apps[0].url}/api/roundup/roundups/${middle}`));
  const { data: edited } = await json(
    await fetch(`${apps[0].url}/api/roundup/roundups/part-${roundups}`)
  );
  const lastPage = Math.min(40, Math.ceil(roundups / 10));
  const publicReads = (app) => ({
    list: `${app.url}/api/roundup/roundups`,
    listDeep: `${app.url}/api/roundup/roundups?page=${lastPage}`,
    markdown: `${app.url}/api/roundup/roundups/${middle}/rendered?format=markdown`,
    rss: `${app.url}/api/roundup/feed?format=rss`,
  });
  // The middle roundup's own word finds its links alone; with two words every link holds, all must match.
  const theme = themeWord(Math.ceil(roundups / 2));
  const searches = (app) => ({
    searchOne: `${app.url}/api/roundup/search?q=${theme}`,
    searchThree: `${app.url}/api/roundup/search?q=${encodeURIComponent(`${theme} explains idea`)}`,
  });
  const routes = (app) =>
    [
      ['publicFloor', `${app.url}/api/roundup/categories`, {}],
      ...Object.entries({ ...publicReads(app), ...searches(app) }).map(([name, url]) => [
        name,
        url,
        {},
      ]),
      ['adminFloor', `${app.url}/admin/users/me`, auth],
      ['editorView', `${app.url}/roundup/roundups/${read.documentId}/editor`, auth],
      ['inbox', `${app.url}/roundup/inbox`, auth],
      ['adminList', `${app.url}/roundup/roundups`, auth],
    ].filter(([name]) => measured(name));
  return { roundups, database, apps, auth, edited, publicReads, routes, figures: {} };
};

/**
 * CPU time per request of every route of every archive. Instance by instance, taking the
 * archives in turn (small, large, small, …) so that what drifts over the run falls on both
 * alike: each route warmed up first, then ROUNDS rounds through all of them, so that garbage
 * collection and the machine's other work fall on each route and its floor alike. An instance
 * is measured without a pause from its warm-up on: one left idle while others are measured
 * drops some of its optimised code and pays to make it again when it is next asked.
 */
const measureRoutes = async (archives) => {
  const sums = archives.map((archive) => archive.apps.map(() => ({})));
  for (let i = 0; i < APPS; i += 1) {
    for (const [a, archive] of archives.entries()) {
      const app = archive.apps[i];
      for (const [, url, headers] of archive.routes(app)) {
        await measureCpu(app, url, headers, { seconds: WARM_UP_SECONDS, warmUp: 0 });
      }
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const [name, url, headers] of archive.routes(app)) {
          // SETTLE requests first, not counted: the garbage the previous route left (an admin route
          // leaves five times a public one's) is collected during them, not charged to this route.
          const { cpuMs, requests, p99 } = await measureCpu(app, url, headers, {
            seconds: ROUND_SECONDS,
            warmUp: SETTLE,
          });
          const sum = (sums[a][i][name] ??= { cpu: 0, requests: 0, p99: 0 });
          sum.cpu += cpuMs * requests;
          sum.requests += requests;
          sum.p99 = Math.max(sum.p99, p99);
        }
      }
    }
  }
  for (const [a, archive] of archives.entries()) {
    log(
      `${archive.roundups} roundups, ms of CPU per request (${archive.apps.map((_, i) => `instance ${i + 1}`).join(', ')}; all):`
    );
    for (const [name] of archive.routes(archive.apps[0])) {
      const each = sums[a].map((app) => app[name]);
      const cpu = each.reduce((total, sum) => total + sum.cpu, 0);
      const requests = each.reduce((total, sum) => total + sum.requests, 0);
      archive.figures[name] = { cpuMs: cpu / requests, requests };
      log(
        `  ${name}: ${each.map((sum) => (sum.cpu / sum.requests).toFixed(2)).join(', ')}; ${(cpu / requests).toFixed(2)} over ${requests} requests, p99 ${Math.max(...each.map((sum) => sum.p99))} ms`
      );
    }
  }
};

/** The time of one real import, and the public reads while an editor saves another roundup, on the first instance. */
const measureWrites = async (archive) => {
  const [app] = archive.apps;
  const { figures } = archive;
  const auth = await loginAdmin(app.url);
  log(`${archive.roundups} roundups:`);
  const importTimes = [];
  for (let i = 0; i < 3; i += 1) {
    const start = performance.now();
    await json(
      await fetch(`${app.url}/roundup/import`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({
          markdown: post(i),
          fileName: `2026-08-0${i + 1}-imported-${i}.md`,
          publish: true,
        }),
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
  const writer = await startApp('serve-app.js', archive.database, {}, { measured: false });
  try {
    figures.whileSaving = {};
    for (const name of ['markdown', 'rss', 'list']) {
      const sums = Object.fromEntries(
        ['alone', 'open', 'save'].map((side) => [side, { cpu: 0, requests: 0 }])
      );
      let saves = 0;
      let failures = 0;
      const measureSide = async (side) => {
        const editor =
          side === 'alone'
            ? null
            : await editorAt(writer.url, auth, archive.edited.documentId, SAVES_PER_SECOND, side);
        // SETTLE requests first, while the editor gets going; the route itself is warm.
        const { cpuMs, requests } = await measureCpu(
          app,
          archive.publicReads(app)[name],
          {},
          { seconds: WHILE_SAVING_SECONDS, warmUp: SETTLE }
        );
        sums[side].cpu += cpuMs * requests;
        sums[side].requests += requests;
        if (!editor) return;
        const done = await editor.stop();
        failures += done.failures;
        if (side === 'save') saves += done.saves;
      };
      // The import evicted the list and feed: each read warm again before its rounds.
      await measureCpu(
        app,
        archive.publicReads(app)[name],
        {},
        { seconds: WARM_UP_SECONDS, warmUp: 0 }
      );
      // Each round in another order, so that none of the three always follows the same one.
      const sides = ['alone', 'open', 'save'];
      for (let round = 0; round < ROUNDS; round += 1) {
        for (let k = 0; k < sides.length; k += 1)
          await measureSide(sides[(round + k) % sides.length]);
      }
      const per = (side) => ({ cpuMs: sums[side].cpu / sums[side].requests });
      figures.whileSaving[name] = {
        alone: per('alone'),
        open: per('open'),
        during: per('save'),
        saves,
        failures,
      };
      log(
        `  ${name}: ${per('alone').cpuMs.toFixed(2)} ms CPU per read alone, ${per('open').cpuMs.toFixed(2)} while an editor opens a draft, ${per('save').cpuMs.toFixed(2)} while ${saves} saves (${failures} requests failed)`
      );
    }
  } finally {
    await writer.stop();
  }
};

(async () => {
  log(
    `Archive benchmark: autocannon -c ${CONNECTIONS}, SQLite, ${APPS} instances per archive, each route warmed ${WARM_UP_SECONDS} s ` +
      `then measured in ${ROUNDS} rounds of ${ROUND_SECONDS} s; ` +
      (PIN
        ? 'the measured app on core 0 and the load on the others'
        : 'no core of its own for the measured app')
  );
  const sizes = [SMALL, LARGE];
  const archives = [];
  try {
    for (const size of sizes) archives.push(await startArchive(size));
    await measureRoutes(archives);
    for (const archive of archives) {
      // Only the first instance is measured from here on; the others would only add their timers.
      for (const app of archive.apps.splice(1)) await app.stop();
    }
    if (!ONLY) for (const archive of archives) await measureWrites(archive);
  } finally {
    for (const archive of archives) for (const app of archive.apps) await app.stop();
  }
  const results = archives.map((archive) => archive.figures);

  // A route's figure: its floor's CPU time per request over its own, i.e. its requests/s as a ratio of the floor's.
  const ratio = (figures, name, floor) =>
    figures[name] &&
    `${(figures[floor === 'public' ? 'publicFloor' : 'adminFloor'].cpuMs / figures[name].cpuMs).toFixed(2)}×`;
  const rows = [
    ['GET /api/roundup/roundups (page 1)', (f) => ratio(f, 'list', 'public')],
    [
      `same, page ${Math.min(40, Math.ceil(LARGE / 10))} (or the last)`,
      (f) => ratio(f, 'listDeep', 'public'),
    ],
    ['rendered Markdown', (f) => ratio(f, 'markdown', 'public')],
    ['RSS feed', (f) => ratio(f, 'rss', 'public')],
    [`search, one word (one roundup's ${LINKS} links)`, (f) => ratio(f, 'searchOne', 'public')],
    ['search, three words (two in every link)', (f) => ratio(f, 'searchThree', 'public')],
    ['admin: editor view (duplicates)', (f) => ratio(f, 'editorView', 'admin')],
    ['admin: inbox', (f) => ratio(f, 'inbox', 'admin')],
    ['admin: roundup list', (f) => ratio(f, 'adminList', 'admin')],
    ['import of one post', (f) => f.importMs !== undefined && `${f.importMs.toFixed(0)} ms`],
    ...['markdown', 'rss', 'list'].map((name) => [
      `while an editor saves another roundup ${SAVES_PER_SECOND}×/s: ${name === 'markdown' ? 'rendered Markdown' : name === 'rss' ? 'RSS feed' : 'list page 1'}`,
      (f) => {
        if (!f.whileSaving) return false;
        const { alone, open, during, saves } = f.whileSaving[name];
        return `${(alone.cpuMs / during.cpuMs).toFixed(2)}× of the reads alone, ${(open.cpuMs / during.cpuMs).toFixed(2)}× of the reads while the editor only opens it (${saves} saves)`;
      },
    ]),
    [
      'public floor GET /api/roundup/categories, CPU per request',
      (f) => `${f.publicFloor.cpuMs.toFixed(2)} ms`,
    ],
    [
      'admin floor GET /admin/users/me, CPU per request',
      (f) => `${f.adminFloor.cpuMs.toFixed(2)} ms`,
    ],
  ];
  const headers = [
    'Request',
    ...sizes.map((size) => `${size} roundups, ${((size * LINKS) / 1000).toFixed(1)}k links`),
  ];
  const lines = [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows
      .map(([name, cell]) => [name, ...results.map(cell)])
      .filter((cells) => cells.slice(1).some(Boolean))
      .map((cells) => `| ${cells.join(' | ')} |`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
})().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
