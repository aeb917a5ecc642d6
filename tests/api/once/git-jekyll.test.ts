/**
 * A Git target's commit reaches the reader: the repository a Git target
 * committed to, cloned with the git command and built by a real `jekyll
 * build`, shows the July roundup with every link. The build cannot depend on
 * the database, so it runs once per CI run, on its SQLite pass.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startApp, type TestApp } from '../../helpers/app';
import { startGitServer, type GitServer } from '../../helpers/git-server';
import { readHtml } from '../../helpers/jekyll';
import { waitFor } from '../../helpers/receiver';
import { buildJekyll, jekyllSite, tempDir } from '../../helpers/static-site';

const DEMO = 'what-ive-been-reading-in-july';
const TOKEN = 'jekyll-site-token';

let server: GitServer;
let app: TestApp;

beforeAll(async () => {
  server = await startGitServer({ user: 'roundup', password: TOKEN });
  const site = jekyllSite(tempDir('git-jekyll'));
  const files = ['_config.yml', '_layouts/post.html'];
  await server.createRepository(
    'blog',
    Object.fromEntries(files.map((file) => [file, fs.readFileSync(path.join(site, file), 'utf8')]))
  );
  fs.rmSync(site, { recursive: true, force: true });
  process.env.ROUNDUP_TEST_JEKYLL_TOKEN = TOKEN;
  app = await startApp({
    database: 'git_jekyll',
    env: {
      ROUNDUP_WEBHOOK_POLL_MS: '100',
      // The Git server listens on 127.0.0.1, which the outbound guard refuses unless allowed.
      ROUNDUP_OUTBOUND_ALLOW: '127.0.0.1',
      ROUNDUP_GIT_TARGETS: JSON.stringify([
        {
          name: 'blog',
          url: server.url('blog'),
          username: 'roundup',
          tokenEnv: 'ROUNDUP_TEST_JEKYLL_TOKEN',
          debounceMs: 300,
        },
      ]),
    },
  });
});
afterAll(async () => {
  await app?.stop();
  await server?.close();
});

type Node = { data?: string; children?: Node[] };
const textOf = (node: Node): string =>
  (node.data ?? '') + (node.children ?? []).map(textOf).join('');
const plainQuotes = (text: string) =>
  text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');

it('builds the committed July roundup with Jekyll, every link in place', async () => {
  await waitFor(async () => (await server.log('blog')).length === 2, 'the commit', 40_000);
  const clone = await server.clone('blog');
  await buildJekyll(clone);
  const page = path.join(clone, '_site', '2026', '07', '31', DEMO, 'index.html');
  const links = readHtml(fs.readFileSync(page, 'utf8'))
    .elements.filter((element) => element.name === 'a')
    .map((element) => ({
      url: element.attribs.href,
      title: plainQuotes(textOf(element as Node)),
    }));
  const roundup = (await app.http().get(`/api/roundup/roundups/${DEMO}`).expect(200)).body.data as {
    sections: { entries: { title: string; url: string }[] }[];
  };
  const expected = roundup.sections.flatMap((section) =>
    section.entries.map((entry) => ({ url: entry.url, title: entry.title }))
  );
  expect(expected.length).toBeGreaterThan(5);
  expect(links).toEqual(expected);
});
