import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const PULL_BIN = path.resolve(
  __dirname,
  '..',
  '..',
  'packages/roundup-pull/bin/roundup-pull.js'
);

/** A temporary directory for one test file's sites. */
export const tempDir = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `roundup-${name}-`));

/** A Jekyll site with no theme or plugin (it builds offline): posts at /YYYY/MM/DD/slug/. */
export const jekyllSite = (root: string) => {
  fs.mkdirSync(path.join(root, '_layouts'), { recursive: true });
  fs.mkdirSync(path.join(root, '_posts'), { recursive: true });
  fs.writeFileSync(path.join(root, '_config.yml'), 'title: Reading\npermalink: pretty\n');
  fs.writeFileSync(
    path.join(root, '_layouts', 'post.html'),
    '---\n---\n<html><head><title>{{ page.title }}</title></head><body><main>{{ content }}</main></body></html>\n'
  );
  return root;
};

/** A Hugo site with one layout and nothing else to build: posts at /posts/slug/. */
export const hugoSite = (root: string) => {
  fs.mkdirSync(path.join(root, 'layouts', '_default'), { recursive: true });
  fs.mkdirSync(path.join(root, 'content', 'posts'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'hugo.toml'),
    [
      'baseURL = "http://127.0.0.1/"',
      'title = "Reading"',
      'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "home", "section", "404"]',
      '',
    ].join('\n')
  );
  fs.writeFileSync(
    path.join(root, 'layouts', '_default', 'single.html'),
    '<html><head><title>{{ .Title }}</title></head><body><main>{{ .Content }}</main></body></html>\n'
  );
  return root;
};

export interface PullRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the pull command as a site's build machine would, with `args`. */
export const runPull = (
  args: string[],
  { env = {}, cwd }: { env?: Record<string, string>; cwd?: string } = {}
): Promise<PullRun> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PULL_BIN, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });

/** `jekyll build` of `root` into `root/_site`. */
export const buildJekyll = (root: string) =>
  run('jekyll', ['build', '--quiet', '--source', root, '--destination', path.join(root, '_site')], {
    cwd: root,
  });

/** `hugo` of `root` into a fresh `root/public` (Hugo leaves the pages of removed content behind). */
export const buildHugo = (root: string) => {
  fs.rmSync(path.join(root, 'public'), { recursive: true, force: true });
  return run('hugo', ['--quiet', '--source', root], { cwd: root });
};

/**
 * A proxy on loopback in front of the app that counts the requests passing
 * through, so a test sees exactly what a pull asked for.
 */
export const startCountingProxy = async (target: string) => {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const upstream = http.request(
      new URL(req.url ?? '/', target),
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      }
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

/**
 * A build hook's target on loopback: each delivery it receives runs `build`
 * (one at a time, in order), as a site's CI would on `repository_dispatch`.
 */
export const startBuildReceiver = async <Result>(build: () => Promise<Result>) => {
  const results: Result[] = [];
  const failures: unknown[] = [];
  let queue = Promise.resolve();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(202).end();
      queue = queue.then(() =>
        build().then(
          (result) => void results.push(result),
          (error) => void failures.push(error)
        )
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    results,
    failures,
    /** Waits until `count` builds have finished, and the queue is idle. */
    async builds(count: number, timeoutMs = 90_000) {
      const deadline = Date.now() + timeoutMs;
      while (results.length + failures.length < count) {
        if (Date.now() > deadline)
          throw new Error(`only ${results.length} builds after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await queue;
      if (failures.length) throw failures[0];
      return results;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
