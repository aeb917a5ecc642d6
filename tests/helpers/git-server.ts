import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const GIT = '/usr/bin/git';

const run = promisify(execFile);

/**
 * Runs the git command in `cwd` with a fixed identity; its output, trimmed.
 * Asynchronous: the server it talks to answers from this same process.
 */
export const gitCli = async (cwd: string, args: string[], env: Record<string, string> = {}) =>
  (
    await run(GIT, args, {
      cwd,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: cwd,
        GIT_AUTHOR_NAME: 'Someone Else',
        GIT_AUTHOR_EMAIL: 'someone@example.com',
        GIT_COMMITTER_NAME: 'Someone Else',
        GIT_COMMITTER_EMAIL: 'someone@example.com',
        GIT_CONFIG_NOSYSTEM: '1',
        ...env,
      },
    })
  ).stdout.trim();

/** Splits a CGI answer into its status, headers and body. */
const parseCgi = (output: Buffer) => {
  let end = output.indexOf('\r\n\r\n');
  let gap = 4;
  const lf = output.indexOf('\n\n');
  if (end < 0 || (lf >= 0 && lf < end)) {
    end = lf;
    gap = 2;
  }
  const head = output.subarray(0, end).toString('latin1');
  const headers: Record<string, string> = {};
  let status = 200;
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === 'status') status = Number(value.split(' ')[0]);
    else headers[name] = value;
  }
  return { status, headers, body: output.subarray(end + gap) };
};

/**
 * A real Git server on loopback: Git's own `git http-backend` behind an HTTP
 * server with basic auth, serving bare repositories from a temporary folder.
 * Every request it answered is in `requests` (method, path, status).
 */
export const startGitServer = async ({ user, password }: { user: string; password: string }) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'roundup-git-server-'));
  const expected = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const requests: { method: string; path: string; status: number }[] = [];

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const answer = (status: number, headers: Record<string, string>, body: Buffer | string) => {
      requests.push({ method: req.method ?? 'GET', path: url.pathname, status });
      res.writeHead(status, headers);
      res.end(body);
    };
    if (req.headers.authorization !== expected) {
      req.resume();
      answer(401, { 'www-authenticate': 'Basic realm="git"' }, 'Unauthorized');
      return;
    }
    const child = spawn(GIT, ['http-backend'], {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        REQUEST_METHOD: req.method ?? 'GET',
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
        GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
        REMOTE_USER: user,
        REMOTE_ADDR: '127.0.0.1',
      },
    });
    const out: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.resume();
    req.pipe(child.stdin);
    child.on('close', () => {
      const { status, headers, body } = parseCgi(Buffer.concat(out));
      answer(status, headers, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const auth = ['-c', `http.extraHeader=Authorization: ${expected}`];

  const work = () => fs.mkdtempSync(path.join(os.tmpdir(), 'roundup-git-work-'));

  return {
    requests,
    /** The URL of repository `name`. */
    url: (name: string) => `${base}/${name}.git`,

    /** A new bare repository whose `main` holds `files` in one commit by someone else. */
    async createRepository(name: string, files: Record<string, string>) {
      await gitCli(root, ['init', '--bare', '-q', '-b', 'main', `${name}.git`]);
      const dir = work();
      await gitCli(dir, ['init', '-q', '-b', 'main']);
      for (const [file, content] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), content);
      }
      await gitCli(dir, ['add', '-A']);
      await gitCli(dir, ['commit', '-q', '-m', 'Start the site']);
      await gitCli(dir, ['push', '-q', path.join(root, `${name}.git`), 'main']);
      fs.rmSync(dir, { recursive: true, force: true });
    },

    /** A fresh clone of `main` with the git command, over HTTP; its folder. */
    async clone(name: string) {
      const dir = work();
      await gitCli(dir, [...auth, 'clone', '-q', '-b', 'main', `${base}/${name}.git`, 'site']);
      return path.join(dir, 'site');
    },

    /** The subjects of the branch's commits, newest first. */
    async log(name: string) {
      return (await gitCli(path.join(root, `${name}.git`), ['log', '--format=%H %an %s', 'main']))
        .split('\n')
        .map((line) => {
          const [id, ...rest] = line.split(' ');
          return { id, line: rest.join(' ') };
        });
    },

    /** Files changed by commit `id`, as `git show --name-status` lists them. */
    async changed(name: string, id: string) {
      return (
        await gitCli(path.join(root, `${name}.git`), ['show', '--format=', '--name-status', id])
      )
        .split('\n')
        .filter(Boolean);
    },

    /** A commit by someone else, pushed over HTTP: `files` written (null: removed). */
    async commitAsSomeoneElse(name: string, files: Record<string, string | null>, message: string) {
      const dir = await this.clone(name);
      for (const [file, content] of Object.entries(files)) {
        const full = path.join(dir, file);
        if (content === null) fs.rmSync(full);
        else {
          fs.mkdirSync(path.dirname(full), { recursive: true });
          fs.writeFileSync(full, content);
        }
      }
      await gitCli(dir, ['add', '-A']);
      await gitCli(dir, ['commit', '-q', '-m', message]);
      await gitCli(dir, [...auth, 'push', '-q', 'origin', 'main']);
      return gitCli(dir, ['rev-parse', 'HEAD']);
    },

    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
};

export type GitServer = Awaited<ReturnType<typeof startGitServer>>;

/** A file of a clone, or null when the commit removed it (or never wrote it). */
export const readClone = (dir: string, file: string) =>
  fs.existsSync(path.join(dir, file)) ? fs.readFileSync(path.join(dir, file), 'utf8') : null;
