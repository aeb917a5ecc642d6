import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startGitServer, type GitServer } from '../helpers/git-server';
import { waitFor } from '../helpers/receiver';
import { launchBrowser, registerFirstAdmin, screenshot, serveApp, signedInPage } from './browser';

/**
 * An administrator on Settings → Build hooks with a Git target (a real Git
 * server on loopback, allowed by ROUNDUP_OUTBOUND_ALLOW): the target with its
 * last commit, "Sync now" meeting a file someone else edited, the conflict
 * with their commit, and "Overwrite".
 */

const ADMIN = {
  email: 'committer@example.com',
  password: 'Roundup-e2e-4',
  firstname: 'Cam',
  lastname: 'Committer',
};
const TOKEN = 'e2e-site-token';
const JULY = 'what-ive-been-reading-in-july';
const JULY_FILE = `_posts/2026-07-31-${JULY}.md`;

let server: GitServer;
let app: Awaited<ReturnType<typeof serveApp>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startGitServer({ user: 'roundup', password: TOKEN });
  await server.createRepository('site', { 'README.md': '# The site\n' });
  app = await serveApp({
    ROUNDUP_OUTBOUND_ALLOW: '127.0.0.1',
    ROUNDUP_WEBHOOK_POLL_MS: '200',
    E2E_GIT_TOKEN: TOKEN,
    ROUNDUP_GIT_TARGETS: JSON.stringify([
      {
        name: 'site',
        url: server.url('site'),
        username: 'roundup',
        tokenEnv: 'E2E_GIT_TOKEN',
        debounceMs: 300,
      },
    ]),
  });
  await registerFirstAdmin(app.url, ADMIN);
  browser = await launchBrowser();
  page = await signedInPage(browser, app.url, ADMIN);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await server?.close();
});

const rendered = async () =>
  (await fetch(`${app.url}/api/roundup/roundups/${JULY}/rendered`)).text();
const fileInClone = async () =>
  fs.readFileSync(path.join(await server.clone('site'), JULY_FILE), 'utf8');

describe('Settings → Build hooks, Git targets', () => {
  it('shows the target with its last commit, a conflict after Sync now, and overwrites on request', async () => {
    // The July demo, published as the app started, is the target's first commit.
    await waitFor(async () => (await server.log('site')).length === 2, 'the first commit', 30_000);
    const [first] = await server.log('site');
    await page.goto(`${app.url}/admin/settings/roundup/build-hooks`);
    await page.getByRole('heading', { name: 'Git targets' }).waitFor();
    const row = page.locator('tr[data-git-target="site"]');
    await row.getByText(first.id.slice(0, 7)).waitFor();
    await row.getByText('E2E_GIT_TOKEN').waitFor();
    expect(await page.content()).not.toContain(TOKEN);
    await screenshot(page, 'git-target');

    const edited = `${await fileInClone()}\nA note added in the repository.\n`;
    const theirs = await server.commitAsSomeoneElse('site', { [JULY_FILE]: edited }, 'Note');
    await row.getByRole('button', { name: 'Sync now' }).click();
    const conflict = page.locator('tr', { hasText: JULY_FILE });
    await conflict.getByText(theirs.slice(0, 7)).waitFor({ timeout: 30_000 });
    await screenshot(page, 'git-conflict');
    expect(await fileInClone()).toBe(edited);

    await conflict.getByRole('button', { name: 'Overwrite' }).click();
    await waitFor(async () => (await server.log('site'))[0].id !== theirs, 'our commit', 30_000);
    const [ours] = await server.log('site');
    expect(ours.line).toBe('Roundup Publish "What I\'ve been reading in July"');
    expect(await fileInClone()).toBe(await rendered());
    await page.reload();
    await row.getByText(ours.id.slice(0, 7)).waitFor({ timeout: 30_000 });
    expect(await page.locator('tr', { hasText: JULY_FILE }).count()).toBe(0);
    await screenshot(page, 'git-overwritten');
  });
});
