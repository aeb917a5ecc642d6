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
 * with their commit, and "Overwrite"; then a second target added, changed and
 * deleted through the page's form.
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
/** A second Git host that, like GitHub, takes the token with the user name x-access-token. */
let blogServer: GitServer;
let app: Awaited<ReturnType<typeof serveApp>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startGitServer({ user: 'roundup', password: TOKEN });
  await server.createRepository('site', { 'README.md': '# The site\n' });
  blogServer = await startGitServer({ user: 'x-access-token', password: TOKEN });
  await blogServer.createRepository('blog', { 'hugo.toml': 'title = "Blog"\n' });
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
  await blogServer?.close();
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

  it('adds a Git target through the form, commits to it, changes it and deletes it', async () => {
    await page.goto(`${app.url}/admin/settings/roundup/build-hooks`);
    const config = page.locator('tr[data-git-target="site"]');
    await config.getByText('from config/plugins.ts').waitFor();
    expect(await config.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect(await config.getByRole('button', { name: 'Delete' }).count()).toBe(0);

    const form = page.locator('form[data-git-target-form="add"]');
    await form.getByLabel('Name', { exact: true }).fill('blog');
    await form.getByLabel('Repository URL', { exact: true }).fill(blogServer.url('blog'));
    await form.getByLabel('Path', { exact: true }).fill('content/posts/{slug}.md');
    await form.getByLabel('Token variable (optional)', { exact: true }).fill('E2E_GIT_TOKEN');
    await form.getByRole('combobox').click();
    await page.getByRole('option', { name: 'Hugo' }).click();
    await form.getByLabel('Author name', { exact: true }).fill('Blog Editor');
    await form.getByLabel('Commit message', { exact: true }).fill('Blog: {title}');
    await screenshot(page, 'git-target-form');
    await form.getByRole('button', { name: 'Add Git target' }).click();

    const blog = page.locator('tr[data-git-target="blog"]');
    await blog.getByText('E2E_GIT_TOKEN').waitFor();
    expect(await blog.getByText('from config/plugins.ts').count()).toBe(0);
    expect(await page.content()).not.toContain(TOKEN);
    await blog.getByRole('button', { name: 'Sync now' }).click();
    await waitFor(
      async () => (await blogServer.log('blog')).length === 2,
      'the blog commit',
      30_000
    );
    const [commit] = await blogServer.log('blog');
    expect(commit.line).toBe("Blog Editor Blog: What I've been reading in July");
    const hugo = await (
      await fetch(`${app.url}/api/roundup/roundups/${JULY}/rendered?format=hugo`)
    ).text();
    const clone = await blogServer.clone('blog');
    expect(fs.readFileSync(path.join(clone, `content/posts/${JULY}.md`), 'utf8')).toBe(hugo);
    await blog.getByText(commit.id.slice(0, 7)).waitFor({ timeout: 30_000 });

    await blog.getByRole('button', { name: 'Edit' }).click();
    const edit = page.locator('form[data-git-target-form="edit"]');
    expect(await edit.getByLabel('Name', { exact: true }).inputValue()).toBe('blog');
    await edit.getByLabel('Branch', { exact: true }).fill('no..dots');
    await edit.getByRole('button', { name: 'Save Git target' }).click();
    await edit.getByText('branch: must be a branch name').first().waitFor();
    await edit.getByLabel('Branch', { exact: true }).fill('main');
    await edit.getByLabel('Name', { exact: true }).fill('the blog');
    await edit.getByRole('button', { name: 'Save Git target' }).click();
    await page.locator('tr[data-git-target="the blog"]').waitFor();
    expect(await page.locator('tr[data-git-target="blog"]').count()).toBe(0);

    await page
      .locator('tr[data-git-target="the blog"]')
      .getByRole('button', { name: 'Delete' })
      .click();
    await page.locator('tr[data-git-target="the blog"]').waitFor({ state: 'detached' });
    await page.reload();
    await config.waitFor();
    expect(await page.locator('tr[data-git-target="the blog"]').count()).toBe(0);
    // The repository keeps what the target committed.
    expect(await blogServer.log('blog')).toHaveLength(2);
  });
});
