import type { Browser, Page } from 'playwright-core';
import { htmlPage, serve, startPageSite, type PageSite } from '../helpers/pages';
import { adminApi, eventually, launchBrowser, screenshot, serveApp, signIn } from './browser';

/**
 * Capturing from the page being read: make a capture token on the Roundups
 * page, run its bookmarklet on a local article, save it with a note, find it
 * in the inbox with its title and author read from the page, and capture it
 * again to add a second note to the same link.
 */

const EDITOR = {
  email: 'capture@example.com',
  password: 'Roundup-e2e-3',
  firstname: 'Cap',
  lastname: 'Turer',
};
const ARTICLE_HEAD = `<title>Locks are slow | Some Blog</title>
  <meta property="og:title" content="Why locks are slow">
  <meta property="og:site_name" content="Some Blog">
  <script type="application/ld+json">${JSON.stringify({ '@type': 'BlogPosting', headline: 'Why locks are slow', author: { '@type': 'Person', name: 'Mara Bos' } })}</script>`;

let site: PageSite;
let app: Awaited<ReturnType<typeof serveApp>>;
let browser: Browser;
let api: ReturnType<typeof adminApi>;

beforeAll(async () => {
  site = await startPageSite({
    '/article': serve(
      htmlPage(
        ARTICLE_HEAD,
        '<h1>Why locks are slow</h1><p id="quote">Contention, not the lock, is what costs.</p><p>More text.</p>'
      )
    ),
  });
  app = await serveApp({
    ROUNDUP_OUTBOUND_ALLOW: `127.0.0.1:${site.port}`,
    ROUNDUP_UNFURL: 'true',
  });
  const registered = await adminApi(app.url)('POST', '/admin/register-admin', EDITOR);
  expect(registered.status).toBe(200);
  api = adminApi(app.url, registered.body.data.token);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await site?.close();
});

/** Selects the article's quote and clicks the bookmarklet on it; the capture window it opens. */
const runBookmarklet = async (article: Page, bookmarklet: string): Promise<Page> => {
  await article.goto(`${site.origin}/article`);
  await article.evaluate((href) => {
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('quote')!);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    const link = document.createElement('a');
    link.id = 'bookmarklet';
    link.textContent = 'Capture to Roundup';
    link.setAttribute('href', href);
    document.body.append(link);
  }, bookmarklet);
  const [popup] = await Promise.all([article.waitForEvent('popup'), article.click('#bookmarklet')]);
  await popup.waitForLoadState();
  await popup.locator('#category option').first().waitFor({ state: 'attached' });
  return popup;
};

const inboxLink = async () => {
  const { body } = await api(
    'GET',
    `/roundup/inbox?q=${encodeURIComponent(`127.0.0.1:${site.port}`)}`
  );
  return body.results as any[];
};

describe('capture with the bookmarklet', () => {
  let page: Page;
  let bookmarklet: string;

  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, app.url, EDITOR.email, EDITOR.password);
  });

  it('says how to get a bookmarklet while the editor has no capture token', async () => {
    await page.goto(`${app.url}/admin/plugins/roundup`);
    const panel = page.locator('section[aria-label="Capture from anywhere"]');
    await panel.getByText('No capture tokens yet. Make one with "New capture token"').waitFor();
    expect(await panel.locator('li[data-capture-token-row]').count()).toBe(0);
  });

  it('makes a capture token and its bookmarklet on the Roundups page', async () => {
    await page.goto(`${app.url}/admin/plugins/roundup`);
    await page.getByRole('button', { name: 'New capture token' }).click();
    const link = page.locator('a[data-bookmarklet]');
    await link.waitFor();
    bookmarklet = (await link.getAttribute('href'))!;
    expect(bookmarklet.startsWith('javascript:')).toBe(true);
    await page.locator('li[data-capture-token-row]').first().waitFor();
    await screenshot(page, 'capture-1-token');
  });

  it('captures the page with its selection and a note, and the inbox shows it unfurled', async () => {
    const article = await browser.newPage();
    const popup = await runBookmarklet(article, bookmarklet);
    expect(await popup.inputValue('#url')).toBe(`${site.origin}/article`);
    expect(await popup.inputValue('#title')).toBe('Locks are slow | Some Blog');
    expect(await popup.inputValue('#commentary')).toBe('Contention, not the lock, is what costs.');
    // The token left the address bar as soon as the window read it.
    expect(popup.url()).toBe(`${app.url}/api/roundup/capture`);
    await popup.selectOption('#category', { label: 'Tools' });
    await popup.fill('#note', 'First note.');
    await screenshot(popup, 'capture-2-window');
    await popup.click('#save');
    await popup.getByText('Saved to the inbox.').waitFor();
    await article.close();

    // Unfurl replaces the document title with the page's og:title and fills the author from JSON-LD.
    await eventually(async () => {
      const links = await inboxLink();
      expect(links).toHaveLength(1);
      expect(links[0]).toMatchObject({
        title: 'Why locks are slow',
        author: 'Mara Bos',
        unfurl: { state: 'done' },
      });
    }, 30000);

    const roundups = await api('GET', '/roundup/roundups');
    await page.goto(`${app.url}/admin/plugins/roundup/${roundups.body.results[0].documentId}`);
    const card = page.locator('li[data-inbox-entry][aria-label="Why locks are slow"]');
    await card.waitFor();
    await card.getByText('Mara Bos').waitFor();
    await card.getByText(/captured .* via bookmarklet/).waitFor();
    await screenshot(page, 'capture-3-inbox');
  });

  it('capturing the same page again gives one link with both notes', async () => {
    const article = await browser.newPage();
    const popup = await runBookmarklet(article, bookmarklet);
    await popup.fill('#note', 'Second note.');
    await popup.click('#save');
    await popup.getByText('Already captured: your note was added to it.').waitFor();
    await article.close();

    const links = await inboxLink();
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({
      title: 'Why locks are slow',
      captures: 2,
      captureSource: 'bookmarklet',
    });
    const stored = await api(
      'GET',
      `/content-manager/collection-types/plugin::roundup.entry/${links[0].documentId}`
    );
    expect(stored.body.data.description).toBe(
      'Contention, not the lock, is what costs.\n\nFirst note.\n\nSecond note.'
    );

    await page.reload();
    const card = page.locator('li[data-inbox-entry][aria-label="Why locks are slow"]');
    await card.getByText('Captured 2 times').waitFor();
    await screenshot(page, 'capture-4-again');
  });

  it("fills quick-add's title and author from the page whose address is pasted", async () => {
    const roundups = await api('GET', '/roundup/roundups');
    await page.goto(`${app.url}/admin/plugins/roundup/${roundups.body.results[0].documentId}`);
    const form = page.locator('section[aria-label="Add a link"]');
    await form.getByLabel(/^URL/).fill(`${site.origin}/article`);
    await eventually(async () => {
      expect(await form.getByLabel(/^Title/).inputValue()).toBe('Why locks are slow');
      expect(await form.getByLabel(/^Author/).inputValue()).toBe('Mara Bos');
    }, 15000);
    // Once the page is read, the "Reading the page…" note goes away.
    expect(await form.locator('[data-unfurl-note]').count()).toBe(0);
    await screenshot(page, 'capture-5-quick-add-unfurled');
  });
});
