import type { Browser, Page } from 'playwright-core';
import { adminApi, launchBrowser, screenshot, serveApp, signIn } from './browser';

/**
 * The editor's inbox search reads the full-text index: a link waiting in the
 * inbox is found by a word of its commentary, which its title and URL lack.
 */

const EDITOR = {
  email: 'searcher@example.com',
  password: 'Roundup-e2e-5',
  firstname: 'Sam',
  lastname: 'Searcher',
};
const ENTRY = '/content-manager/collection-types/plugin::roundup.entry';

let app: Awaited<ReturnType<typeof serveApp>>;
let browser: Browser;
let api: ReturnType<typeof adminApi>;
let roundupId: string;

beforeAll(async () => {
  app = await serveApp();
  const registered = await adminApi(app.url)('POST', '/admin/register-admin', EDITOR);
  expect(registered.status).toBe(200);
  api = adminApi(app.url, registered.body.data.token);
  const roundup = await api('POST', '/content-manager/collection-types/plugin::roundup.roundup', {
    title: 'What I read in December',
    date: '2026-12-31',
  });
  expect(roundup.status).toBe(201);
  roundupId = roundup.body.data.documentId;
  const sections = await api('GET', '/content-manager/collection-types/plugin::roundup.category');
  const category = sections.body.results[0].documentId;
  for (const [title, url, description] of [
    ['Notes on brewing', 'https://brew.example.org/notes', 'The zymurgy of small batches.'],
    ['Another waiting link', 'https://other.example.org/x', 'Nothing about beer at all.'],
  ]) {
    expect((await api('POST', ENTRY, { title, url, description, category })).status).toBe(201);
  }
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("the editor's inbox search", () => {
  let page: Page;

  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, app.url, EDITOR.email, EDITOR.password);
  });

  it('finds a waiting link by a word of its commentary', async () => {
    await page.goto(`${app.url}/admin/plugins/roundup/${roundupId}`);
    const inbox = page.locator('li[data-inbox-entry]');
    await page.locator('li[data-inbox-entry][aria-label="Another waiting link"]').waitFor();
    await page.getByLabel('Search the inbox').fill('zymurgy');
    await page.locator('li[data-inbox-entry][aria-label="Another waiting link"]').waitFor({
      state: 'detached',
    });
    expect(
      await inbox.evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')))
    ).toEqual(['Notes on brewing']);
    await screenshot(page, 'search-inbox-by-commentary');
  });
});
