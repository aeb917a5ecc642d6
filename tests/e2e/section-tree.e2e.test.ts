import type { Browser, Page } from 'playwright-core';
import { adminApi, eventually, launchBrowser, screenshot, serveApp, signIn } from './browser';

/**
 * An editor nests sections on the roundup's page: Videos goes under Articles &
 * Learning by keyboard and comes back out by its button, its subsections fold
 * away, and a section note and heading link typed on the page show in the preview.
 */

const ADMIN = {
  email: 'nester@example.com',
  password: 'Roundup-e2e-3',
  firstname: 'Nia',
  lastname: 'Nester',
};

let app: Awaited<ReturnType<typeof serveApp>>;
let browser: Browser;
let page: Page;

const section = (name: string) => page.locator(`section[data-section][aria-label="${name}"]`);
const savedOrder = () =>
  page.waitForResponse(
    (response) => response.url().endsWith('/order') && response.request().method() === 'PUT'
  );
const markdownPreview = () => page.locator('[data-markdown-preview]');

beforeAll(async () => {
  app = await serveApp();
  const registered = await adminApi(app.url)('POST', '/admin/register-admin', ADMIN);
  expect(registered.status).toBe(200);
  const api = adminApi(app.url, registered.body.data.token);

  const created = await api('POST', '/roundup/roundups', {
    title: 'Nested in December',
    date: '2026-12-31',
  });
  expect(created.status).toBe(201);
  const { documentId } = created.body.roundup;
  const sectionId = (name: string) =>
    created.body.sections.find((s: any) => s.category?.name === name).category.documentId;
  for (const [title, name] of [
    ['An article', 'Articles & Learning'],
    ['A talk', 'Videos'],
  ]) {
    const added = await api('POST', `/roundup/roundups/${documentId}/entries`, {
      title,
      url: `https://example.com/${encodeURIComponent(title)}`,
      category: sectionId(name),
    });
    expect(added.status).toBe(201);
  }

  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await signIn(page, app.url, ADMIN.email, ADMIN.password);
  await page.goto(`${app.url}/admin/plugins/roundup/${documentId}`);
  await page.getByRole('heading', { name: 'Nested in December' }).waitFor();
  await page.getByRole('tab', { name: 'Markdown' }).click();
  await eventually(async () =>
    expect(await markdownPreview().textContent()).toContain('## Videos\n')
  );
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("the section tree on a roundup's page", () => {
  it('nests Videos under Articles & Learning by keyboard, and the preview renders it as ###', async () => {
    await page.getByRole('button', { name: 'Move Videos', exact: true }).focus();
    const saved = savedOrder();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    expect((await saved).status()).toBe(200);

    await eventually(async () => {
      const markdown = (await markdownPreview().textContent()) ?? '';
      expect(markdown).toMatch(/## Articles & Learning\n[\s\S]*\n### Videos\n/);
      expect(markdown).not.toContain('\n## Videos\n');
    });
    // On the page, Videos now stands inside Articles & Learning, one level down.
    await section('Articles & Learning').locator('section[aria-label="Videos"]').waitFor();
    expect(await section('Videos').getAttribute('data-depth')).toBe('2');
    expect(
      await section('Videos')
        .getByRole('heading', { name: 'Videos' })
        .evaluate((h) => h.tagName)
    ).toBe('H3');
    await screenshot(page, 'tree-1-nested');
  });

  it('folds the subsections of a parent away and back', async () => {
    const collapse = page.getByRole('button', { name: 'Collapse Articles & Learning' });
    expect(await collapse.getAttribute('aria-expanded')).toBe('true');
    await collapse.click();
    await section('Videos').waitFor({ state: 'detached' });
    const expand = page.getByRole('button', { name: 'Expand Articles & Learning' });
    expect(await expand.getAttribute('aria-expanded')).toBe('false');
    await expand.click();
    await section('Videos').waitFor();
  });

  it('moves Videos back to the top by its button, and under the section above again', async () => {
    let saved = savedOrder();
    await page.getByRole('button', { name: 'Move Videos out of its parent section' }).click();
    expect((await saved).status()).toBe(200);
    await eventually(async () =>
      expect(await markdownPreview().textContent()).toContain('\n## Videos\n')
    );
    expect(await section('Videos').getAttribute('data-depth')).toBe('1');

    saved = savedOrder();
    await page.getByRole('button', { name: 'Move Videos under the section above' }).click();
    expect((await saved).status()).toBe(200);
    await eventually(async () =>
      expect(await markdownPreview().textContent()).toContain('\n### Videos\n')
    );
  });

  it('saves a section note and heading link and shows them in the preview', async () => {
    const videos = section('Videos');
    const toggle = videos.getByRole('button', { name: 'Note and heading link of Videos' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    await videos.getByRole('textbox', { name: 'Note on Videos' }).fill('Talks worth *an evening*.');
    await videos
      .getByRole('textbox', { name: 'Heading link of Videos' })
      .fill('https://example.com/all-talks');
    await videos.getByRole('button', { name: 'Save note and link of Videos' }).click();
    await eventually(async () =>
      expect(await markdownPreview().textContent()).toContain(
        '### [Videos](https://example.com/all-talks)\n\nTalks worth *an evening*.\n'
      )
    );

    // A link that is no web address is refused with the server's words, and the saved one stays.
    await videos
      .getByRole('textbox', { name: 'Heading link of Videos' })
      .fill('javascript:alert(1)');
    await videos.getByRole('button', { name: 'Save note and link of Videos' }).click();
    await page.getByText('must use http or https').first().waitFor();
    expect(await markdownPreview().textContent()).toContain(
      '### [Videos](https://example.com/all-talks)'
    );
    await screenshot(page, 'tree-2-note-and-link');
  });
});
