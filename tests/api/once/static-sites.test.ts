/**
 * Publish reaches the reader's site: a build hook's target runs the pull
 * command and a real `jekyll build` and `hugo` (Debian's packages) into
 * temporary sites. These builds cannot depend on the database, so they run
 * once per CI run, on its SQLite pass (see jest.config.js).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { docs } from '../../helpers/admin';
import { startApp, type TestApp } from '../../helpers/app';
import { readHtml } from '../../helpers/jekyll';
import {
  buildHugo,
  buildJekyll,
  hugoSite,
  jekyllSite,
  runPull,
  startBuildReceiver,
  startCountingProxy,
  tempDir,
} from '../../helpers/static-site';

const run = promisify(execFile);
const DEMO = 'what-ive-been-reading-in-july';
const EVENTS = ['roundup.publish', 'roundup.unpublish', 'roundup.update', 'roundup.delete'];

let app: TestApp;
let proxy: Awaited<ReturnType<typeof startCountingProxy>>;
let receiver: Awaited<ReturnType<typeof startBuildReceiver<Build>>>;
const root = tempDir('sites');
const jekyll = jekyllSite(path.join(root, 'jekyll'));
const hugo = hugoSite(path.join(root, 'hugo'));
const HAND_MADE = path.join(jekyll, '_posts', '2020-01-01-hand-made.md');

const jekyllPage = path.join(jekyll, '_site', '2026', '07', '31', DEMO, 'index.html');
const jekyllPost = path.join(jekyll, '_posts', `2026-07-31-${DEMO}.md`);
const hugoPage = path.join(hugo, 'public', 'posts', DEMO, 'index.html');
const hugoPost = path.join(hugo, 'content', 'posts', `${DEMO}.md`);

interface Build {
  jekyll: Record<string, unknown>;
  hugo: Record<string, unknown>;
  requests: string[];
}

let appUrl!: (url: string) => void;
const appReady = new Promise<string>((resolve) => (appUrl = resolve));

/** What the site's CI runs on each build hook delivery: pull, then build. */
const build = async (): Promise<Build> => {
  const from = await appReady;
  proxy.requests.length = 0;
  const pulled = async (args: string[]) => {
    const result = await runPull(['--from', from, '--json', ...args]);
    if (result.code !== 0) throw new Error(`the pull failed: ${result.stderr}`);
    return JSON.parse(result.stdout);
  };
  const jekyllReport = await pulled(['--out', path.join(jekyll, '_posts')]);
  await buildJekyll(jekyll);
  const hugoReport = await pulled([
    '--out',
    path.join(hugo, 'content', 'posts'),
    '--format',
    'hugo',
  ]);
  await buildHugo(hugo);
  return { jekyll: jekyllReport, hugo: hugoReport, requests: [...proxy.requests] };
};

beforeAll(async () => {
  receiver = await startBuildReceiver(build);
  // A post the site's owner wrote by hand, next to the pulled ones.
  fs.writeFileSync(HAND_MADE, '---\nlayout: post\ntitle: Hand made\n---\n\nWritten by hand.\n');
  // The demo's seed publishes the July roundup while the app starts: the first delivery.
  app = await startApp({
    database: 'static_sites',
    env: {
      ROUNDUP_SEED_DEMO: 'true',
      ROUNDUP_OUTBOUND_ALLOW: '127.0.0.1',
      ROUNDUP_WEBHOOK_POLL_MS: '200',
      ROUNDUP_BUILD_HOOKS: JSON.stringify([
        { name: 'site', url: receiver.url, events: EVENTS, debounceMs: 300, maxWaitMs: 5000 },
      ]),
    },
  });
  const server = app.strapi.server.httpServer;
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  proxy = await startCountingProxy(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  appUrl(proxy.url);
});
afterAll(async () => {
  await receiver?.close();
  await proxy?.close();
  await app?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

const demoJson = async () =>
  (await app.http().get(`/api/roundup/roundups/${DEMO}`).expect(200)).body.data as {
    sections: { entries: { title: string; url: string }[] }[];
  };

type Node = { data?: string; children?: Node[] };
const textOf = (node: Node): string =>
  (node.data ?? '') + (node.children ?? []).map(textOf).join('');
const plainQuotes = (text: string) =>
  text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');

/** Each link of a built page: its address and text. */
const linksOf = (file: string) =>
  readHtml(fs.readFileSync(file, 'utf8'))
    .elements.filter((element) => element.name === 'a')
    .map((element) => ({ url: element.attribs.href, title: plainQuotes(textOf(element as Node)) }));

/** The reports of the builds after the first `seen`, once `done` holds. */
const buildsUntil = async (seen: number, done: () => boolean) => {
  const deadline = Date.now() + 90_000;
  while (!done() || receiver.results.length === seen) {
    if (Date.now() > deadline) throw new Error('the site was not rebuilt');
    await receiver.builds(seen);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const results = await receiver.builds(seen + 1);
  const all = (key: 'added' | 'updated' | 'removed', site: 'jekyll' | 'hugo') =>
    results.slice(seen).flatMap((result) => result[site][key] as string[]);
  return { all };
};

/** The visible text of a page's <main>, with typography and spacing set aside. */
const visibleText = (file: string) =>
  plainQuotes(readHtml(fs.readFileSync(file, 'utf8').split('<main>')[1].split('</main>')[0]).text)
    .replace(/\s+/g, ' ')
    .trim();

const expectEveryLink = async (file: string) => {
  const roundup = await demoJson();
  const expected = roundup.sections.flatMap((section) =>
    section.entries.map((entry) => ({ url: entry.url, title: entry.title }))
  );
  expect(linksOf(file)).toEqual(expected);
};

describe('a site built on every publish', () => {
  it('gets the July demo roundup when it is published, with every link, from Jekyll and Hugo alike', async () => {
    const [first] = await receiver.builds(1);
    expect(first.jekyll).toMatchObject({ added: [jekyllPost], removed: [], kept: [] });
    expect(first.hugo).toMatchObject({ added: [hugoPost], removed: [], kept: [] });
    await expectEveryLink(jekyllPage);
    await expectEveryLink(hugoPage);
    expect(visibleText(hugoPage)).toBe(visibleText(jekyllPage));
    // The hand-made post is built, and left as it was.
    expect(fs.readFileSync(HAND_MADE, 'utf8')).toContain('Written by hand.');
    expect(
      fs.existsSync(path.join(jekyll, '_site', '2020', '01', '01', 'hand-made', 'index.html'))
    ).toBe(true);
  });

  it('changes the page when a link is retitled and the roundup republished', async () => {
    const before = await receiver.builds(1);
    const roundup = await docs(app.strapi, 'roundup').findOne({
      documentId: (
        await docs(app.strapi, 'roundup').findFirst({
          filters: { slug: DEMO },
          status: 'published',
        })
      ).documentId,
      populate: { entries: { fields: ['title'] } },
    });
    const link = roundup.entries.find(
      (entry: { title: string }) => entry.title === 'Files are hard'
    );
    await docs(app.strapi, 'entry').update({
      documentId: link.documentId,
      data: { title: 'Files are hard, revisited' },
    });
    await docs(app.strapi, 'roundup').publish({ documentId: roundup.documentId });
    const titleOnPages = () =>
      [jekyllPage, hugoPage].every((page) =>
        linksOf(page).some((l) => l.title === 'Files are hard, revisited')
      );
    const { all } = await buildsUntil(before.length, titleOnPages);
    expect(all('updated', 'jekyll')).toContain(jekyllPost);
    expect(all('updated', 'hugo')).toContain(hugoPost);
    expect([...all('added', 'jekyll'), ...all('removed', 'jekyll')]).toEqual([]);
    for (const page of [jekyllPage, hugoPage]) {
      const titles = linksOf(page).map((l) => l.title);
      expect(titles).toContain('Files are hard, revisited');
      expect(titles).not.toContain('Files are hard');
    }
  });

  it('makes one request and writes nothing when a pull finds nothing changed', async () => {
    const modified = [jekyllPost, hugoPost].map((file) => fs.statSync(file).mtimeMs);
    const state = fs.readFileSync(path.join(jekyll, '_posts', '.roundup-pull.json'), 'utf8');
    proxy.requests.length = 0;
    const result = await runPull([
      '--from',
      proxy.url,
      '--out',
      path.join(jekyll, '_posts'),
      '--json',
    ]);
    expect(result.code).toBe(0);
    expect(proxy.requests).toEqual([expect.stringMatching(/^GET \/api\/roundup\/changes\?since=/)]);
    expect(JSON.parse(result.stdout)).toMatchObject({
      added: [],
      updated: [],
      removed: [],
      kept: [],
      requests: 1,
    });
    expect([jekyllPost, hugoPost].map((file) => fs.statSync(file).mtimeMs)).toEqual(modified);
    expect(fs.readFileSync(path.join(jekyll, '_posts', '.roundup-pull.json'), 'utf8')).toBe(state);
  });

  describe('with the commands of docs/site-recipes-pull.md', () => {
    const RECIPES = fs.readFileSync(
      path.join(__dirname, '../../../docs/site-recipes-pull.md'),
      'utf8'
    );
    /** The fenced block after `<!-- recipe: name -->`. */
    const block = (name: string) =>
      RECIPES.split(`<!-- recipe: ${name} -->\n`)[1].split('```')[1].split('\n').slice(1);
    const commands: Record<string, string[]> = {
      // TOML's basic strings escape quotes as JSON does.
      netlify: block('netlify')
        .filter((line) => line.trim().startsWith('command = '))
        .map((line) => JSON.parse(line.trim().slice('command = '.length))),
      'github-actions': block('github-actions')
        .filter((line) => line.trim().startsWith('- run: '))
        .map((line) => line.trim().slice('- run: '.length))
        // The runner installs Jekyll from RubyGems; here it is Debian's.
        .filter((command) => command !== 'gem install jekyll'),
      'cloudflare-pages': block('cloudflare-pages').filter(Boolean),
      hugo: block('hugo').filter(Boolean),
      // Eleventy is not installed here: its recipe's pull runs, its build does not.
      eleventy: block('eleventy')
        .filter(Boolean)
        .map((command) => command.split(' && npx @11ty/eleventy')[0]),
    };
    // Inside the repository, `npx roundup-pull` finds the workspace's own command; offline, it could fetch nothing else.
    const sites = path.join(__dirname, '../../../.tmp/recipes');

    it.each(Object.entries(commands))('%s builds the site', async (name, lines) => {
      expect(lines.length).toBeGreaterThan(0);
      const site = path.join(sites, name);
      fs.rmSync(site, { recursive: true, force: true });
      if (name === 'hugo') hugoSite(site);
      else jekyllSite(site);
      for (const command of lines)
        await run('sh', ['-c', command], {
          cwd: site,
          env: {
            PATH: process.env.PATH ?? '',
            HOME: process.env.HOME ?? site,
            ROUNDUP_URL: proxy.url,
            npm_config_offline: 'true',
            npm_config_update_notifier: 'false',
          },
        });
      const page = {
        netlify: path.join(site, '_site', '2026', '07', '31', DEMO, 'index.html'),
        'github-actions': path.join(site, '_site', '2026', '07', '31', DEMO, 'index.html'),
        'cloudflare-pages': path.join(site, '_site', '2026', '07', '31', DEMO, 'index.html'),
        hugo: path.join(site, 'public', 'posts', DEMO, 'index.html'),
      }[name];
      if (page) await expectEveryLink(page);
      else
        expect(fs.readFileSync(path.join(site, 'posts', `${DEMO}.md`), 'utf8')).toMatch(
          /^---\nlayout: post\n/
        );
      fs.rmSync(site, { recursive: true, force: true });
    });
  });

  it('removes the post and its page when the roundup is unpublished, and nothing else', async () => {
    const before = await receiver.builds(1);
    const { documentId } = await docs(app.strapi, 'roundup').findFirst({
      filters: { slug: DEMO },
      status: 'published',
    });
    await docs(app.strapi, 'roundup').unpublish({ documentId });
    const { all } = await buildsUntil(before.length, () => !fs.existsSync(jekyllPage));
    expect(all('removed', 'jekyll')).toEqual([jekyllPost]);
    expect(all('removed', 'hugo')).toEqual([hugoPost]);
    for (const file of [jekyllPost, jekyllPage, hugoPost, hugoPage])
      expect(fs.existsSync(file)).toBe(false);
    expect(fs.readFileSync(HAND_MADE, 'utf8')).toContain('Written by hand.');
    expect(
      fs.existsSync(path.join(jekyll, '_site', '2020', '01', '01', 'hand-made', 'index.html'))
    ).toBe(true);
  });
});
