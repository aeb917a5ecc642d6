import type { Browser, Page } from 'playwright-core';
import { createNewsletterRenderer } from '../../plugins/roundup/server/src/core/render';
import { entryUrls, roundupOfLinks } from '../helpers/newsletter';
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
    Array.from(document.querySelectorAll('a'))
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
      const { scrollWidth, innerWidth, hrefs } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        hrefs: Array.from(document.querySelectorAll('a')).map((link) => link.href),
      }));
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      const { data } = await (await fetch(`${app.url}/api/roundup/roundups/${JULY}`)).json();
      const urls: string[] = data.sections.flatMap((section: { entries: { url: string }[] }) =>
        section.entries.map((entry) => new URL(entry.url).href)
      );
      expect(urls.length).toBeGreaterThan(5);
      expect(hrefs).toEqual(expect.arrayContaining(urls));
      expect(await hiddenLinks(page)).toEqual([]);
      await screenshot(page, `newsletter-email-${width}`);
    } finally {
      await page.close();
    }
  });
});

describe('a 60-link email with a long unbroken title, in Chromium', () => {
  it.each([375, 600])('fits %i px wide with every link visible', async (width) => {
    const roundup = roundupOfLinks(60);
    roundup.sections[0].entries[0].title = `https://example.com/${'a-very-long-path'.repeat(12)}`;
    const html = createNewsletterRenderer({
      site: { siteUrl: 'https://blog.example.com/', permalink: '/:year/:month/:day/:slug/' },
      siteTitle: 'Reading',
    }).email(roundup);
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    try {
      await page.setContent(html);
      const { scrollWidth, innerWidth, hrefs } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        hrefs: Array.from(document.querySelectorAll('a')).map((link) => link.href),
      }));
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      expect(hrefs).toEqual(
        expect.arrayContaining(entryUrls(roundup).map((url) => new URL(url).href))
      );
      expect(await hiddenLinks(page)).toEqual([]);
      await screenshot(page, `newsletter-email-60-links-${width}`);
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
