'use strict';
/** What the benchmarks share: an app in a child process on its own SQLite file, and autocannon runs. */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const autocannon = require('autocannon');

const root = path.resolve(__dirname, '..');
const DURATION = Number(process.env.BENCH_DURATION ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 300);

/**
 * Where a machine has two cores or more and `taskset` (BENCH_PIN=false turns it off), the
 * measured app runs alone on the first core and everything else (autocannon, this script, a
 * second instance) on the others: the app's CPU time per request then depends on what the app
 * does, not on what competes with it for its core or its caches.
 */
const CORES = os.availableParallelism();
const PIN =
  process.env.BENCH_PIN !== 'false' && CORES >= 2 && spawnSync('taskset', ['-V']).status === 0;
const APP_CORE = '0';
const LOAD_CORES = `1-${CORES - 1}`;
/** Puts every thread of process `pid` on `cores` (a taskset list), where pinning is on. */
const pin = (pid, cores) => {
  if (!PIN) return;
  const result = spawnSync('taskset', ['-a', '-p', '-c', cores, String(pid)]);
  if (result.status !== 0) throw new Error(`taskset could not pin ${pid}: ${result.stderr}`);
};
pin(process.pid, LOAD_CORES);

/** Removes an SQLite database file and its companions. */
const removeDatabase = (file) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
};

/**
 * Starts `script` (which prints "ready <port>") on the SQLite file `database`: on the
 * measured app's core, or with `{ measured: false }` (a second instance) on the others.
 */
const startApp = (script, database, env = {}, { measured = true } = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, script)], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'production-bench',
        DATABASE_CLIENT: 'sqlite',
        DATABASE_FILENAME: database,
        ROUNDUP_SEED_DEMO: 'false',
        ROUNDUP_LINKCHECK_ENABLED: 'false',
        LOG_LEVEL: 'error',
        HOST: '127.0.0.1',
        PORT: '0',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    pin(child.pid, measured ? APP_CORE : LOAD_CORES);
    /** The app's CPU time so far, in ms (user + system). */
    const cpu = () =>
      new Promise((r) => {
        child.once('message', (message) => r((message.cpu.user + message.cpu.system) / 1000));
        child.send('cpu');
      });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /ready (\d+)/.exec(out);
      if (match) {
        resolve({
          url: `http://127.0.0.1:${match[1]}`,
          cpu,
          stop: () =>
            new Promise((r) => {
              child.removeAllListeners('exit');
              child.on('exit', r);
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });

/** requests/s and p99 latency of `url` under autocannon, after a one-second warm-up. */
const measure = async (url, headers = {}, { duration = DURATION } = {}) => {
  // A loaded machine can be slow; a request that times out would count as an error, not a slow figure.
  await autocannon({ url, connections: CONNECTIONS, duration: 1, headers, timeout: 60 }); // warm-up
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    headers,
    timeout: 60,
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99 };
};

/**
 * The app's CPU time per request of `url`, in ms, after a warm-up, and
 * requests/s: over `amount` requests, or over `seconds` of requests when
 * given (10 connections either way), after `warmUp` requests (BENCH_WARM_UP,
 * default 300; 0 for a route already warm). On a machine shared with other work,
 * CPU time per request is what stays comparable between routes; requests/s
 * follows whatever else runs.
 */
const measureCpu = async (
  app,
  url,
  headers = {},
  { amount = 200, seconds, warmUp = WARM_UP } = {}
) => {
  // Warm-up: a route's first few hundred requests in a fresh process run cold code (JIT) and fill caches.
  if (warmUp > 0)
    await autocannon({ url, connections: CONNECTIONS, amount: warmUp, headers, timeout: 60 });
  const before = await app.cpu();
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    ...(seconds ? { duration: seconds } : { amount }),
    headers,
    timeout: 60,
  });
  const after = await app.cpu();
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  const requests = result.requests.total;
  return {
    cpuMs: (after - before) / requests,
    requests,
    rps: result.requests.average,
    p99: result.latency.p99,
  };
};

/** Registers the first administrator and returns the Authorization header of its session. */
const registerAdmin = async (url) => {
  const admin = await fetch(`${url}/admin/register-admin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'bench@example.com',
      password: 'Bench-admin-1',
      firstname: 'Bench',
      lastname: 'Admin',
    }),
  }).then((response) => response.json());
  return { authorization: `Bearer ${admin.data.token}` };
};

/**
 * Logs the administrator registerAdmin made in again: an admin session lasts 30 minutes, less
 * than a full archive benchmark on a busy machine, so each phase that writes as the editor
 * starts with a fresh one.
 */
const loginAdmin = async (url) => {
  const admin = await fetch(`${url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@example.com', password: 'Bench-admin-1' }),
  }).then((response) => response.json());
  const token = admin.data?.token ?? admin.data?.accessToken;
  if (!token) throw new Error(`admin login failed: ${JSON.stringify(admin).slice(0, 200)}`);
  return { authorization: `Bearer ${token}` };
};

/** A made-up word only the links of roundup `i` hold ("zqb", "zqc", …): what the search benchmark looks for. */
const themeWord = (i) => {
  let word = '';
  for (let n = i; n > 0; n = Math.floor(n / 26)) word = String.fromCharCode(97 + (n % 26)) + word;
  return `zq${word}`;
};

module.exports = {
  themeWord,
  root,
  DURATION,
  CONNECTIONS,
  PIN,
  removeDatabase,
  startApp,
  measure,
  measureCpu,
  registerAdmin,
  loginAdmin,
};
