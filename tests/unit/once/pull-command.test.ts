/**
 * The pull command as a site's build machine runs it, against a scripted
 * server on loopback that fails in every way a real one can. Its results do
 * not depend on the database: CI runs it once (see jest.config.js).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startChangesServer } from '../../helpers/changes-server';
import { PULL_BIN, runPull, tempDir } from '../../helpers/static-site';

type Server = Awaited<ReturnType<typeof startChangesServer>>;
let server: Server;
let out: string;

const body = (title: string) =>
  `---\nlayout: post\ntitle: ${title}\n---\n\n* [${title}](https://example.com/)\n`;
const july = {
  documentId: 'july',
  slug: 'july',
  date: '2026-07-31',
  body: body('July'),
  published: true,
};
const june = {
  documentId: 'june',
  slug: 'june',
  date: '2026-06-30',
  body: body('June'),
  published: true,
};
const may = {
  documentId: 'may',
  slug: 'may',
  date: '2026-05-31',
  body: body('May'),
  published: true,
};

const file = (name: string) => path.join(out, name);
const read = (name: string) => fs.readFileSync(file(name), 'utf8');
const state = () => JSON.parse(read('.roundup-pull.json'));
const pull = (...args: string[]) => runPull(['--from', server.url, '--out', out, ...args]);
const pullJson = async (...args: string[]) => {
  const result = await pull('--json', ...args);
  expect({ code: result.code, stderr: result.stderr }).toEqual({
    code: 0,
    stderr: expect.any(String),
  });
  return JSON.parse(result.stdout);
};

beforeEach(async () => {
  server = await startChangesServer();
  out = path.join(tempDir('pull'), '_posts');
  for (const roundup of [may, june, july]) server.change(roundup);
});
afterEach(async () => {
  await server.close();
});

describe('a first pull and the next ones', () => {
  it('writes every published roundup as Jekyll posts, then asks only for changes', async () => {
    const first = await pullJson();
    expect(first).toMatchObject({
      added: ['2026-05-31-may.md', '2026-06-30-june.md', '2026-07-31-july.md'].map(file),
      updated: [],
      removed: [],
      kept: [],
      requests: 2 + 3,
    });
    expect(read('2026-07-31-july.md')).toBe(july.body);
    server.requests.length = 0;
    expect(await pullJson()).toMatchObject({ added: [], updated: [], removed: [], requests: 1 });
    expect(server.requests).toEqual([
      expect.stringMatching(/^GET \/api\/roundup\/changes\?since=/),
    ]);
  });

  it('asks with the stored ETag, and a 304 leaves the file as it is', async () => {
    await pullJson();
    const before = fs.statSync(file('2026-07-31-july.md')).mtimeMs;
    server.touch('july');
    server.requests.length = 0;
    expect(await pullJson()).toMatchObject({ added: [], updated: [], unchanged: 1, requests: 2 });
    expect(server.requests[1]).toBe('GET /api/roundup/roundups/july/rendered?format=markdown');
    expect(fs.statSync(file('2026-07-31-july.md')).mtimeMs).toBe(before);
  });

  it('writes a roundup whose slug or date changed under its new name and removes the old file in the same run', async () => {
    await pullJson();
    server.change({ ...july, slug: 'july-renamed', date: '2026-07-30' });
    expect(await pullJson()).toMatchObject({
      added: [file('2026-07-30-july-renamed.md')],
      removed: [file('2026-07-31-july.md')],
    });
    expect(fs.existsSync(file('2026-07-31-july.md'))).toBe(false);
    expect(read('2026-07-30-july-renamed.md')).toBe(july.body);
  });

  it('names files for each format', async () => {
    for (const [format, name] of [
      ['hugo', 'july.md'],
      ['markdown', 'july.md'],
    ]) {
      out = tempDir(format);
      const report = await pullJson('--format', format);
      expect(report.added).toContain(file(name));
    }
  });

  it('changes nothing in a dry run, and says what it would do', async () => {
    const result = await pull('--dry-run');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`would be added   ${file('2026-07-31-july.md')}`);
    expect(result.stdout).toMatch(/roundup-pull: dry run, would have 3 added/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('prints only warnings with --quiet', async () => {
    const result = await pull('--quiet');
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });
});

describe('files it did not write, or that were edited since', () => {
  it('never touches a hand-made post, even one where a roundup would go', async () => {
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(file('2020-01-01-hand-made.md'), 'mine\n');
    fs.writeFileSync(file('2026-07-31-july.md'), 'also mine\n');
    const result = await pull('--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).kept).toEqual([
      {
        file: file('2026-07-31-july.md'),
        reason: 'it was not written by roundup-pull; not overwritten',
      },
    ]);
    expect(result.stderr).toContain(`kept ${file('2026-07-31-july.md')}`);
    server.change({ ...july, published: false });
    await pullJson();
    expect(read('2026-07-31-july.md')).toBe('also mine\n');
    expect(read('2020-01-01-hand-made.md')).toBe('mine\n');
  });

  it('keeps a file a person edited, with a warning, when its roundup changes or leaves the site', async () => {
    await pullJson();
    fs.appendFileSync(file('2026-07-31-july.md'), 'A note added by hand.\n');
    fs.appendFileSync(file('2026-06-30-june.md'), 'Another note.\n');
    server.change({ ...july, body: body('July, updated') });
    server.change({ ...june, published: false });
    const result = await pull('--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      updated: [],
      removed: [],
      kept: [
        {
          file: file('2026-07-31-july.md'),
          reason: 'edited since roundup-pull wrote it; not overwritten',
        },
        {
          file: file('2026-06-30-june.md'),
          reason: 'edited since roundup-pull wrote it; its roundup left the site, the file stays',
        },
      ],
    });
    expect(read('2026-07-31-july.md')).toContain('A note added by hand.');
    expect(read('2026-06-30-june.md')).toContain('Another note.');
  });

  it('takes back a file that is exactly what it would write (a run stopped before it saved its state)', async () => {
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(file('2026-07-31-july.md'), july.body);
    expect((await pullJson()).added).toContain(file('2026-07-31-july.md'));
    server.change({ ...july, published: false });
    expect((await pullJson()).removed).toEqual([file('2026-07-31-july.md')]);
  });
});

describe('every failure removes nothing and exits non-zero, and the next run completes the work', () => {
  /** Pulls once, then changes the server: june unpublished (a removal pending), july updated. */
  const pending = async () => {
    await pullJson();
    server.change({ ...june, published: false });
    server.change({ ...july, body: body('July, updated') });
    return state().cursor;
  };

  const expectUntouched = (cursor: string) => {
    expect(read('2026-06-30-june.md')).toBe(june.body);
    expect(state().cursor).toBe(cursor);
    expect(fs.readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  };

  const expectCompletedAfterwards = async () => {
    server.clearFaults();
    const report = await pullJson();
    expect(report.removed).toEqual([file('2026-06-30-june.md')]);
    expect(read('2026-07-31-july.md')).toBe(body('July, updated'));
  };

  it.each([
    [
      'a 401',
      /changes/,
      { status: 401 },
      /answered 401 \(scripted failure\): the token \(--token or ROUNDUP_TOKEN\) is not valid/,
    ],
    [
      'a 403',
      /changes/,
      { status: 403 },
      /answered 403 \(scripted failure\): the role of this request/,
    ],
    [
      'a 500 on the feed',
      /changes/,
      { status: 500 },
      /changes\?since=\S+ answered 500 \(scripted failure\): the server failed/,
    ],
    ['a 503 on a roundup', /rendered/, { status: 503 }, /rendered\?format=markdown answered 503/],
    ['a 403 on a roundup', /rendered/, { status: 403 }, /rendered\?format=markdown answered 403/],
    [
      'a feed that is not JSON',
      /changes/,
      { status: 200, body: '<html>login</html>', type: 'text/html' },
      /malformed answer from \S+: not JSON/,
    ],
    [
      'a feed naming a file outside the directory',
      /changes/,
      {
        status: 200,
        body: JSON.stringify({
          data: [
            {
              documentId: 'x',
              state: 'published',
              slug: '../../etc/x',
              date: '2026-01-01',
              version: '1',
              updatedAt: '',
            },
          ],
          meta: { nextCursor: 'c9', hasMore: false },
        }),
      },
      /malformed answer from \S+: data\[0\]\.slug is not a plain file name: "\.\.\/\.\.\/etc\/x"/,
    ],
    [
      'a roundup answered as a web page',
      /rendered/,
      { status: 200, body: '<html>', type: 'text/html' },
      /malformed answer from \S+: text\/html, not text\/markdown/,
    ],
    [
      'a connection cut mid-answer',
      /rendered/,
      { halfBody: true },
      /cannot reach \S+rendered\?format=markdown/,
    ],
  ] as const)('%s', async (_what, match, fault, message) => {
    const cursor = await pending();
    server.fail(match, fault as never);
    const result = await pull();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('nothing was removed, and the next run picks up from here');
    expectUntouched(cursor);
    await expectCompletedAfterwards();
  });

  it('an unreachable server', async () => {
    const cursor = await pending();
    await server.close();
    const result = await pull();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /cannot reach http:\/\/127\.0\.0\.1:\d+\/api\/roundup\/changes\?since=\S+: ECONNREFUSED/
    );
    expectUntouched(cursor);
  });

  it('an interruption while it waits for the server', async () => {
    const cursor = await pending();
    server.fail(/rendered/, { hang: true });
    server.requests.length = 0;
    const child = spawn(process.execPath, [PULL_BIN, '--from', server.url, '--out', out], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    while (!server.requests.some((request) => request.includes('/rendered')))
      await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
    expect(stderr).toContain('interrupted by SIGINT; nothing was removed');
    expectUntouched(cursor);
    await expectCompletedAfterwards();
  });

  it('a run killed mid-download leaves the old file whole (writes are atomic)', async () => {
    const cursor = await pending();
    server.fail(/rendered/, { halfBody: true });
    server.requests.length = 0;
    const child = spawn(process.execPath, [PULL_BIN, '--from', server.url, '--out', out], {
      stdio: 'ignore',
    });
    while (!server.requests.some((request) => request.includes('/rendered')))
      await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(read('2026-07-31-july.md')).toBe(july.body);
    expectUntouched(cursor);
    await expectCompletedAfterwards();
  });
});

describe('its options', () => {
  it.each([
    [[], /--from is required/],
    [['--from', 'ftp://x'], /--from must be an http\(s\) URL/],
    [
      ['--from', 'http://127.0.0.1:9', '--out', 'x', '--format', 'docx'],
      /--format must be one of jekyll, hugo, markdown, html, json, not "docx"/,
    ],
    [['--from', 'http://127.0.0.1:9'], /--out is required/],
    [['--from', 'http://127.0.0.1:9', '--out', 'x', '--colour'], /Unknown option '--colour'/],
  ])('refuse %j naming the option', async (args, message) => {
    const result = await runPull(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('send the token from --token or ROUNDUP_TOKEN', async () => {
    await runPull(['--from', server.url, '--out', out], { env: { ROUNDUP_TOKEN: 'from-env' } });
    await runPull(['--from', server.url, '--out', out, '--token', 'from-option'], {
      env: { ROUNDUP_TOKEN: 'from-env' },
    });
    expect(new Set(server.authorizations)).toEqual(
      new Set(['Bearer from-env', 'Bearer from-option'])
    );
  });

  it('stop at a state made for another format, naming it', async () => {
    await pullJson();
    const result = await pull('--format', 'hugo');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'belongs to --format jekyll: pull --format hugo into another --out'
    );
  });
});
