import type { Browser, Page } from 'playwright-core';
import {
  adminApi,
  launchBrowser,
  registerFirstAdmin,
  screenshot,
  serveApp,
  signedInPage,
} from './browser';

/**
 * The July roundup as an email, opened in Chromium at a phone's width (375 px)
 * and at the column's own (600 px): nothing scrolls sideways and every link is
 * on screen. Then the roundup's page in the admin panel, where the newsletter
 * panel says what to set up on an app with no email provider or API keys.
 */

const ADMIN = {
  email: 'mailer@example.com',
  password: 'Roundup-e2e-5',
  firstname: 'Mo',
  lastname: 'Mailer',
};
const JULY = 'what-ive-been-reading-in-july';

let app: Awaited<ReturnType<typeof serveApp>>;
let browser: Browser;
let token: string;

beforeAll(async () => {
  app = await serveApp();
  ({ token } = await registerFirstAdmin(app.url, ADMIN));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Links that are not wholly inside the window, or not shown at all. */
const hiddenLinks = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('a')]
      .filter((link) => {
        const box = link.getBoundingClientRect();
        const style = getComputedStyle(link);
        const shown = box.width > 0 && box.height > 0 && style.visibility !== 'hidden';
        return !shown || box.left < 0 || box.right > window.innerWidth + 0.5;
      })
      .map((link) => link.href)
  );

describe('the email document in Chromium', () => {
  it.each([375, 600])('fits %i px wide with every link visible', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    try {
      const response = await page.goto(
        `${app.url}/api/roundup/roundups/${JULY}/rendered?format=email`
      );
      expect(response?.status()).toBe(200);
      const { scrollWidth, innerWidth, links } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        links: document.querySelectorAll('a').length,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      // 15 links of the demo roundup, one in its intro or not, and "read it on the site".
      expect(links).toBeGreaterThanOrEqual(16);
      expect(await hiddenLinks(page)).toEqual([]);
      await screenshot(page, `newsletter-email-${width}`);
    } finally {
      await page.close();
    }
  });
});

describe("the roundup's page", () => {
  it('has a newsletter panel that says what to set up', async () => {
    const { body: list } = await adminApi(app.url, token)('GET', '/roundup/roundups');
    const july = list.results.find((row: { slug: string }) => row.slug === JULY);
    const page = await signedInPage(browser, app.url, ADMIN);
    try {
      await page.goto(`${app.url}/admin/plugins/roundup/${july.documentId}`);
      const panel = page.getByRole('region', { name: 'Newsletter' });
      await panel.getByText('No email provider is set up').waitFor({ timeout: 60000 });
      expect(await panel.getByRole('button', { name: 'Send a test' }).isDisabled()).toBe(true);
      await panel.getByText('set BUTTONDOWN_API_KEY').waitFor();
      expect(
        await panel.getByRole('button', { name: 'Push as a draft to Buttondown' }).isDisabled()
      ).toBe(true);
      await panel.scrollIntoViewIfNeeded();
      await screenshot(page, 'newsletter-panel');
    } finally {
      await page.close();
    }
  });
});
