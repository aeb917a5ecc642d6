import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import request from 'supertest';

/**
 * Starts the host app in a process of its own: a second instance on the
 * database the current test app uses (its environment is inherited, `env`
 * added), or the app the browser suite drives.
 */
export const startAppProcess = async (env: Record<string, string> = {}) => {
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(__dirname, '..', '..', 'scripts', 'serve-app.js')],
    {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }
  );
  let errors = '';
  child.stderr!.on('data', (chunk) => (errors += chunk));
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /ready (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.on('exit', (code) => reject(new Error(`second instance exited with ${code}: ${errors}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    http: () => request(url),
    /** Everything the instance logged so far. */
    output: () => out + errors,
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
};

/**
 * Whether several instances may write to this run's database at once. Strapi starts its write
 * transactions as reads, and SQLite refuses at once, without waiting, a read that turns into a
 * write while another process writes: an edit through one of two instances on one SQLite file
 * can fail with "database is locked". Tests of instances writing side by side run on
 * PostgreSQL and MySQL/MariaDB, the databases for that setup (docs/databases.md), the way
 * suites that cannot depend on the database run with the SQLite pass only.
 */
export const SHARED_WRITES = (process.env.DATABASE_CLIENT ?? 'sqlite') !== 'sqlite';
