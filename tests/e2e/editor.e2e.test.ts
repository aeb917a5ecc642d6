import type { Browser, Locator, Page } from 'playwright-core';
import { adminApi, eventually, launchBrowser, screenshot, serveApp, signIn } from './browser';

/**
 * A curator's session in a real browser: create a roundup on the Roundups
 * page, add three links, drag them into order and across sections, move one
 * by keyboard, publish, and read the public Markdown.
 */

const ADMIN = {
  email: 'curator@example.com',
  password: 'Roundup-e2e-1',
  firstname: 'Ada',
  lastname: 'Curator',
};
const READER = {
  email: 'reader@example.com',
  password: 'Roundup-e2e-2',
  firstname: 'Rita',
  lastname: 'Reader',
};

let app: Awaited<ReturnType<typeof serveApp>>;
let browser: Browser;
let token: string;

beforeAll(async () => {
  app = await serveApp();
  const registered = await adminApi(app.url)('POST', '/admin/register-admin', ADMIN);
  expect(registered.status).toBe(200);
  token = registered.body.data.token;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const section = (page: Page, name: string) =>
  page.locator(`section[data-section][aria-label="${name}"]`);
const card = (page: Page, title: string) => page.locator(`li[data-entry][aria-label="${title}"]`);
const titlesIn = (page: Page, name: string) =>
  section(page, name)
    .locator('li[data-entry]')
    .evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')));
const savedOrder = (page: Page) =>
  page.waitForResponse(
    (response) => response.url().endsWith('/order') && response.request().method() === 'PUT'
  );

/** Drops `source` on the upper or lower half of `target`. */
const dragOnto = async (source: Locator, target: Locator, half: 'upper' | 'lower') => {
  const box = (await target.boundingBox())!;
  await source.dragTo(target, {
    targetPosition: { x: box.width / 2, y: half === 'upper' ? 6 : box.height - 6 },
  });
};

const quickAdd = async (
  page: Page,
  link: { url: string; title: string; author: string; commentary: string; section: string }
) => {
  const form = page.locator('section[aria-label="Add a link"]');
  await form.getByLabel(/^URL/).fill(link.url);
  await form.getByLabel(/^Title/).fill(link.title);
  await form.getByLabel(/^Author/).fill(link.author);
  await form.getByLabel(/^Commentary/).fill(link.commentary);
  await form.getByRole('combobox', { name: /^Section/ }).click();
  await page.getByRole('option', { name: link.section, exact: true }).click();
  await form.getByRole('button', { name: 'Add link' }).click();
  await card(page, link.title).waitFor();
};

describe('the Roundups page', () => {
  let page: Page;
  let documentId: string;

  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, app.url, ADMIN.email, ADMIN.password);
  });

  it('creates a roundup and three links through the page, with field errors shown inline', async () => {
    await page.goto(`${app.url}/admin/plugins/roundup`);
    await page.getByRole('button', { name: 'New roundup' }).click();
    await page.getByLabel(/^Title/).fill('What I read in November');
    await page.getByLabel(/^Date/).fill('2026-11-30');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/admin\/plugins\/roundup\/[a-z0-9]+$/);
    documentId = page.url().split('/').pop()!;
    await page.getByRole('heading', { name: 'What I read in November' }).waitFor();

    // A bad URL is named under its field, and nothing is added.
    const form = page.locator('section[aria-label="Add a link"]');
    await form.getByLabel(/^URL/).fill('ftp://files.example.com/x');
    await form.getByLabel(/^Title/).fill('Not a web link');
    await form.getByRole('combobox', { name: /^Section/ }).click();
    await page.getByRole('option', { name: 'Videos', exact: true }).click();
    await form.getByRole('button', { name: 'Add link' }).click();
    await form.getByText('must use http or https, not ftp').waitFor();
    expect(await page.locator('li[data-entry]').count()).toBe(0);

    await quickAdd(page, {
      url: 'https://example.com/first',
      title: 'First article',
      author: 'Ann',
      commentary: 'The one to start with.',
      section: 'Articles & Learning',
    });
    await quickAdd(page, {
      url: 'https://example.com/second',
      title: 'Second article',
      author: 'Bea',
      commentary: 'Read it after the first.',
      section: 'Articles & Learning',
    });
    await quickAdd(page, {
      url: 'https://videos.example.com/talk',
      title: 'A talk',
      author: 'Cy',
      commentary: 'Fifty minutes well spent.',
      section: 'Videos',
    });
    expect(await titlesIn(page, 'Articles & Learning')).toEqual([
      'First article',
      'Second article',
    ]);
    expect(await titlesIn(page, 'Videos')).toEqual(['A talk']);
    await expect(card(page, 'A talk').textContent()).resolves.toContain('videos.example.com · Cy');
    await screenshot(page, '1-three-links');
  });

  it('drags a link to another position and another to another section, saving each move', async () => {
    let saved = savedOrder(page);
    await dragOnto(card(page, 'Second article'), card(page, 'First article'), 'upper');
    expect((await saved).status()).toBe(200);
    expect(await titlesIn(page, 'Articles & Learning')).toEqual([
      'Second article',
      'First article',
    ]);

    saved = savedOrder(page);
    await dragOnto(card(page, 'First article'), card(page, 'A talk'), 'lower');
    expect((await saved).status()).toBe(200);
    expect(await titlesIn(page, 'Articles & Learning')).toEqual(['Second article']);
    expect(await titlesIn(page, 'Videos')).toEqual(['A talk', 'First article']);
    await screenshot(page, '2-after-drag');
  });

  it('moves a link by keyboard: Space to pick up, arrows to move, Space to drop', async () => {
    const handle = card(page, 'First article').getByRole('button', { name: 'Move First article' });
    await handle.focus();
    const saved = savedOrder(page);
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Space');
    expect((await saved).status()).toBe(200);
    expect(await titlesIn(page, 'Videos')).toEqual(['First article', 'A talk']);
  });

  it('says so and shows the other order when someone else reordered first', async () => {
    // Another editor swaps the two videos through the API while this page is open.
    const api = adminApi(app.url, token);
    const { body: current } = await api('GET', `/roundup/roundups/${documentId}/order`);
    const sections = current.sections.map((s: { category: string; entries: string[] }) =>
      s.entries.length === 2 ? { ...s, entries: [...s.entries].reverse() } : s
    );
    expect(
      (
        await api('PUT', `/roundup/roundups/${documentId}/order`, {
          version: current.version,
          sections,
        })
      ).status
    ).toBe(200);

    const saved = savedOrder(page);
    await dragOnto(card(page, 'Second article'), card(page, 'First article'), 'upper');
    expect((await saved).status()).toBe(409);
    await page.getByText('Someone else changed the order of this roundup').waitFor();
    await eventually(async () =>
      expect(await titlesIn(page, 'Videos')).toEqual(['A talk', 'First article'])
    );
    expect(await titlesIn(page, 'Articles & Learning')).toEqual(['Second article']);
    await screenshot(page, '3-conflict');
  });

  it('previews the draft, publishes it, and the public Markdown has the new order', async () => {
    await page.getByRole('tab', { name: 'Markdown' }).click();
    const markdown = page.locator('[data-markdown-preview]');
    await eventually(async () =>
      expect(await markdown.textContent()).toContain('[Second article](https://example.com/second)')
    );
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    await page.getByRole('button', { name: 'Copy Markdown' }).click();
    await page.getByText('Markdown copied').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await markdown.textContent());
    expect(copied).toContain('title: What I read in November');

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.locator('[data-status="published"]').first().waitFor();
    await screenshot(page, '4-published');

    const response = await fetch(
      `${app.url}/api/roundup/roundups/what-i-read-in-november/rendered?format=markdown`
    );
    expect(response.status).toBe(200);
    const text = await response.text();
    const at = (needle: string) => {
      const index = text.indexOf(needle);
      expect(index).toBeGreaterThanOrEqual(0);
      return index;
    };
    expect(at('## Articles & Learning')).toBeLessThan(at('[Second article]'));
    expect(at('[Second article]')).toBeLessThan(at('## Videos'));
    expect(at('## Videos')).toBeLessThan(at('[A talk]'));
    expect(at('[A talk]')).toBeLessThan(at('[First article]'));
  });

  it('links to the Content Manager, whose edit view links back and to the published outputs', async () => {
    await page.getByRole('link', { name: 'Edit in Content Manager' }).click();
    await page.waitForURL(
      new RegExp(`/content-manager/collection-types/plugin::roundup.roundup/${documentId}`)
    );
    const back = page.getByRole('link', { name: 'Arrange and preview' });
    await back.waitFor();
    const published = page.getByRole('link', { name: 'Published Markdown' });
    expect(await published.getAttribute('href')).toBe(
      `${app.url}/api/roundup/roundups/what-i-read-in-november/rendered?format=markdown`
    );
    await screenshot(page, '5-content-manager-panel');
    await back.click();
    await page.waitForURL(new RegExp(`/admin/plugins/roundup/${documentId}$`));
    await page.getByRole('heading', { name: 'What I read in November' }).waitFor();
  });

  it('flags a link already used in another roundup, naming it', async () => {
    await page.goto(`${app.url}/admin/plugins/roundup`);
    await page.getByRole('button', { name: 'New roundup' }).click();
    await page.getByLabel(/^Title/).fill('What I read in December');
    await page.getByLabel(/^Date/).fill('2026-12-31');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'What I read in December' }).waitFor();
    await quickAdd(page, {
      url: 'https://EXAMPLE.com/second/?utm_source=newsletter#top',
      title: 'Second article again',
      author: 'Bea',
      commentary: '',
      section: 'Tools',
    });
    await expect(
      card(page, 'Second article again').getByRole('note').textContent()
    ).resolves.toContain('Already in What I read in November');
    await screenshot(page, '6-duplicate');

    // Sections move too: Tools is dragged above Articles & Learning for this roundup only.
    const sectionNames = () =>
      page
        .locator('section[data-section]')
        .evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')));
    // A window tall enough for both sections: a drag that has to scroll the page is the browser's to drive.
    await page.setViewportSize({ width: 1440, height: 2400 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const saved = savedOrder(page);
    await dragOnto(
      page.locator('[data-section-handle]').filter({ hasText: 'Tools' }),
      section(page, 'Articles & Learning'),
      'upper'
    );
    expect((await saved).status()).toBe(200);
    await eventually(async () =>
      expect(await sectionNames()).toEqual([
        'Tools',
        'Articles & Learning',
        'Videos',
        'Neat Open Source Projects',
      ])
    );
  });
});

describe('a role without the reorder action', () => {
  it('sees the page read-only, and the reorder route answers 403', async () => {
    const api = adminApi(app.url, token);
    const role = await api('POST', '/admin/roles', {
      name: 'Roundup readers',
      description: 'Read roundups only',
    });
    expect(role.status).toBe(201);
    const permissions = await api('PUT', `/admin/roles/${role.body.data.id}/permissions`, {
      permissions: [
        { action: 'plugin::roundup.read', subject: null, properties: {}, conditions: [] },
      ],
    });
    expect(permissions.status).toBe(200);
    const user = await api('POST', '/admin/users', {
      firstname: READER.firstname,
      lastname: READER.lastname,
      email: READER.email,
      roles: [role.body.data.id],
    });
    expect(user.status).toBe(201);
    const registered = await adminApi(app.url)('POST', '/admin/register', {
      registrationToken: user.body.data.registrationToken,
      userInfo: {
        firstname: READER.firstname,
        lastname: READER.lastname,
        password: READER.password,
      },
    });
    expect(registered.status).toBe(200);

    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await signIn(page, app.url, READER.email, READER.password);
    await page.goto(`${app.url}/admin/plugins/roundup`);
    await page.getByRole('link', { name: 'What I read in November' }).click();
    await page.getByText('Your role can read this roundup but not change its order.').waitFor();
    expect(await titlesIn(page, 'Videos')).toEqual(['A talk', 'First article']);
    expect(await page.getByRole('button', { name: /^Move / }).count()).toBe(0);
    expect(await page.locator('li[data-entry][draggable="true"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Publish', exact: true }).count()).toBe(0);
    expect(await page.locator('section[aria-label="Add a link"]').count()).toBe(0);
    await screenshot(page, '7-read-only');

    // Dragging does nothing, and the route itself refuses the reader.
    await dragOnto(card(page, 'First article'), card(page, 'A talk'), 'upper');
    expect(await titlesIn(page, 'Videos')).toEqual(['A talk', 'First article']);
    const documentId = page.url().split('/').pop()!;
    const reader = adminApi(app.url, registered.body.data.token);
    const { body: order } = await reader('GET', `/roundup/roundups/${documentId}/order`);
    const swapped = order.sections.map((s: { category: string; entries: string[] }) => ({
      ...s,
      entries: [...s.entries].reverse(),
    }));
    const refused = await reader('PUT', `/roundup/roundups/${documentId}/order`, {
      version: order.version,
      sections: swapped,
    });
    expect(refused.status).toBe(403);
    const { body: after } = await reader('GET', `/roundup/roundups/${documentId}/order`);
    expect(after.sections).toEqual(order.sections);
    await context.close();
  });
});

describe('an address below the plugin that is no page', () => {
  let page: Page;

  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, app.url, ADMIN.email, ADMIN.password);
  });
  afterAll(async () => {
    await page?.close();
  });

  it.each([
    ['a roundup under a made-up segment', '/admin/plugins/roundup/roundups/abc123'],
    ['a path nothing answers', '/admin/plugins/roundup/anything/else'],
    ['a path below Link health', '/admin/plugins/roundup/link-health/dead'],
  ])('says so for %s, with a link back to the Roundups list', async (_what, address) => {
    await page.goto(`${app.url}${address}`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await page.getByText('There is no Roundup page at this address.').waitFor();
    await page.getByRole('link', { name: 'Back to the Roundups list' }).click();
    await page.waitForURL(/\/admin\/plugins\/roundup$/);
    await page.getByRole('heading', { name: 'Roundups', exact: true }).waitFor();
    await page.getByRole('link', { name: 'What I read in November' }).waitFor();
  });

  it('names a roundup that does not exist, with the same way back', async () => {
    await page.goto(`${app.url}/admin/plugins/roundup/nosuchroundup`);
    await page.getByRole('heading', { name: 'No such roundup' }).waitFor();
    await page.getByText('No roundup with documentId "nosuchroundup"').waitFor();
    await screenshot(page, '8-no-such-roundup');
    await page.getByRole('link', { name: 'Back to the Roundups list' }).click();
    await page.waitForURL(/\/admin\/plugins\/roundup$/);
    await page.getByRole('heading', { name: 'Roundups', exact: true }).waitFor();
  });
});
