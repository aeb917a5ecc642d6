import type { Browser, Page } from 'playwright-core';
import { redirectTo, serve, htmlPage, startPageSite, type PageSite } from '../helpers/pages';
import {
  eventually,
  launchBrowser,
  registerFirstAdmin,
  screenshot,
  serveApp,
  signedInPage,
  type adminApi,
} from './browser';

/**
 * A curator on the Link health page: checks a published roundup's links on
 * demand, sees the dead one with its roundup and section, and replaces a moved
 * one with its new URL in one click. Every link points to a site on this machine.
 */

const ADMIN = {
  email: 'links@example.com',
  password: 'Roundup-e2e-4',
  firstname: 'Lin',
  lastname: 'Keeper',
};

let site: PageSite;
let app: Awaited<ReturnType<typeof serveApp>>;
let browser: Browser;
let page: Page;
let api: ReturnType<typeof adminApi>;
let roundup: string;

beforeAll(async () => {
  site = await startPageSite({
    '/fine': serve(htmlPage('<title>Still here</title>')),
    '/old': redirectTo('/new', 301),
    '/new': serve(htmlPage('<title>Moved here</title>')),
  });
  app = await serveApp({
    // No demo: its links point to the real web, and a check would visit them.
    ROUNDUP_SEED_DEMO: 'false',
    ROUNDUP_OUTBOUND_ALLOW: `127.0.0.1:${site.port}`,
    ROUNDUP_LINKCHECK_DEAD_AFTER: '1,0',
    ROUNDUP_LINKCHECK_HOST_INTERVAL_MS: '50',
  });
  ({ api } = await registerFirstAdmin(app.url, ADMIN));

  const category = await api('POST', '/content-manager/collection-types/plugin::roundup.category', {
    name: 'Articles',
    position: 1,
  });
  expect(category.status).toBe(201);
  const created = await api('POST', '/roundup/roundups', {
    title: 'What I read in March',
    date: '2026-03-31',
  });
  expect(created.status).toBe(201);
  roundup = created.body.roundup.documentId;
  for (const [title, path] of [
    ['Still here', '/fine'],
    ['Gone for good', '/gone'],
    ['Moved away', '/old'],
  ]) {
    const added = await api('POST', `/roundup/roundups/${roundup}/entries`, {
      title,
      url: `${site.origin}${path}`,
      category: category.body.data.documentId,
    });
    expect(added.status).toBe(201);
  }
  expect((await api('POST', `/roundup/roundups/${roundup}/publish`, {})).status).toBe(200);

  browser = await launchBrowser();
  page = await signedInPage(browser, app.url, ADMIN);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await site?.close();
});

/** The filter button of a state, named as the page shows it: "Dead (1)". */
const filter = (label: string) =>
  page
    .getByRole('group', { name: 'Show links' })
    .getByRole('button', { name: new RegExp(`^${label} \\(`) });

describe('the Link health page', () => {
  it('says how to start while no check has run, not a bare table', async () => {
    await page.goto(`${app.url}/admin/plugins/roundup/link-health`);
    await page.getByText('No links checked yet. "Check links now" checks every link').waitFor();
    expect(await page.locator('table').count()).toBe(0);
  });

  it('checks every link on demand and shows the dead one with its roundup', async () => {
    await page.goto(`${app.url}/admin/plugins/roundup/link-health`);
    await page.getByText('No check has run yet.').waitFor();
    await page.getByRole('button', { name: 'Check links now' }).click();
    await page.getByText(/^Last check finished .*: 3 links/).waitFor({ timeout: 60_000 });

    await filter('Dead').getByText('Dead (1)').waitFor();
    await filter('Moved').getByText('Moved (1)').waitFor();
    await filter('OK').getByText('OK (1)').waitFor();
    await filter('Dead').click();
    const dead = page.locator('tbody tr', { hasText: 'Gone for good' });
    await dead.getByText('What I read in March (2026-03-31)').waitFor();
    await dead.getByRole('button', { name: 'Use archived copy' }).waitFor();
    await screenshot(page, 'link-health-dead');
  });

  it('replaces a moved link with its new URL, in the published roundup too', async () => {
    await filter('Moved').click();
    const moved = page.locator('tbody tr', { hasText: 'Moved away' });
    await moved.getByText(`Moved to ${site.origin}/new`).waitFor();
    await moved.getByRole('button', { name: 'Use new URL' }).click();
    await page.getByText('The link now uses its new URL.').waitFor();

    await eventually(async () => {
      const rendered = await fetch(
        `${app.url}/api/roundup/roundups/what-i-read-in-march/rendered?format=markdown`
      );
      const markdown = await rendered.text();
      expect(markdown).toContain(`[Moved away](${site.origin}/new)`);
      expect(markdown).not.toContain(`${site.origin}/old`);
    });
    await screenshot(page, 'link-health-moved');
  });

  it('says so when no link is in the chosen state', async () => {
    await filter('Ignored').click();
    await page.getByText('No links in this state. Choose another state above').waitFor();
    expect(await page.locator('table').count()).toBe(0);
  });
});
