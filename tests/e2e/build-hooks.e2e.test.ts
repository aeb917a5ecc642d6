import type { Browser, Page } from 'playwright-core';
import { startReceiver, waitFor } from '../helpers/receiver';
import {
  adminApi,
  eventually,
  launchBrowser,
  registerFirstAdmin,
  screenshot,
  serveApp,
  signedInPage,
} from './browser';

/**
 * An administrator on Settings → Build hooks: a hook to the cloud metadata
 * address is refused with the reason under its URL field; one to a receiver
 * on this machine, allowed by ROUNDUP_OUTBOUND_ALLOW as the demo app reads
 * it, is saved and delivers on "Rebuild now".
 */

const ADMIN = {
  email: 'builder@example.com',
  password: 'Roundup-e2e-3',
  firstname: 'Bo',
  lastname: 'Builder',
};

let app: Awaited<ReturnType<typeof serveApp>>;
let browser: Browser;
let page: Page;
let token: string;

beforeAll(async () => {
  app = await serveApp({ ROUNDUP_OUTBOUND_ALLOW: '127.0.0.1' });
  ({ token } = await registerFirstAdmin(app.url, ADMIN));
  browser = await launchBrowser();
  page = await signedInPage(browser, app.url, ADMIN);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

// The build hook form; the page's other form adds Git targets.
const form = () =>
  page.locator('form', { has: page.getByRole('button', { name: 'Add build hook' }) });
const fillHook = async (name: string, url: string) => {
  await form().getByLabel(/^Name/).fill(name);
  await form().getByLabel(/^URL/).fill(url);
  const publish = form().getByRole('checkbox', { name: 'roundup.publish' });
  if (!(await publish.isChecked())) await publish.click();
  await form().getByRole('button', { name: 'Add build hook' }).click();
};

describe('Settings → Build hooks', () => {
  it('says what to do while there are no hooks and no deliveries, not a bare table', async () => {
    await page.goto(`${app.url}/admin/settings/roundup/build-hooks`);
    await page
      .getByText(
        'No build hooks yet. Add one below to rebuild your site when a roundup is published.'
      )
      .waitFor();
    await page.getByText('No deliveries yet.', { exact: false }).waitFor();
    expect(await page.locator('table').count()).toBe(0);
    await screenshot(page, 'build-hooks-empty');
  });

  it('refuses a hook to an address off the allowlist, saying why under the URL field', async () => {
    await page.goto(`${app.url}/admin/settings/roundup/build-hooks`);
    await page.getByRole('heading', { name: 'Build hooks' }).first().waitFor();
    await form()
      .getByText('Servers on a private network need an entry in outbound.allow')
      .waitFor();
    await fillHook('internal', 'http://127.0.0.2:4000/hook');
    await form()
      .getByText(
        'url: points to 127.0.0.2, a loopback address; add it to outbound.allow to permit it'
      )
      .waitFor();
    await screenshot(page, 'build-hooks-refused');
    expect(await page.locator('tbody').first().getByText('internal').count()).toBe(0);
  });

  it('saves a hook to an allowed loopback receiver, which "Rebuild now" reaches', async () => {
    const receiver = await startReceiver();
    try {
      await fillHook('local build', receiver.url);
      const row = page.locator('tr', { hasText: 'local build' });
      await row.waitFor();
      await row.getByRole('button', { name: 'Rebuild now' }).click();
      await waitFor(
        () => receiver.received.length === 1,
        'the delivery from the Settings page',
        15_000
      );
      expect(JSON.parse(receiver.received[0].body).type).toBe('roundup.update');
      await eventually(async () => {
        const log = await adminApi(app.url, token)('GET', '/roundup/deliveries');
        expect(log.body.data[0]).toMatchObject({
          hook: { name: 'local build' },
          state: 'delivered',
        });
      }, 15_000);
      await page.reload();
      await page
        .locator('tr', { hasText: 'local build' })
        .getByText('delivered')
        .first()
        .waitFor({ timeout: 30_000 });
      await screenshot(page, 'build-hooks-delivered');
    } finally {
      await receiver.close();
    }
  });

  it('says a path below the page is no page, with a link back to the Roundups list', async () => {
    await page.goto(`${app.url}/admin/settings/roundup/build-hooks/42`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await page.getByRole('link', { name: 'Back to the Roundups list' }).click();
    await page.waitForURL(/\/admin\/plugins\/roundup$/);
    await page.getByRole('heading', { name: 'Roundups', exact: true }).waitFor();
  });
});
