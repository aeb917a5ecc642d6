import type { Browser, Page } from 'playwright-core';
import { adminApi, eventually, launchBrowser, screenshot, serveApp, signIn } from './browser';

/**
 * A curator in Berlin schedules a roundup from its page: the picker is in the
 * browser's zone, the page and the Roundups list show when it goes out, in
 * that zone; another zone and a cancel follow.
 */

const ADMIN = {
  email: 'scheduler@example.com',
  password: 'Roundup-e2e-3',
  firstname: 'Sam',
  lastname: 'Scheduler',
};

let app: Awaited<ReturnType<typeof serveApp>>;
let browser: Browser;
let page: Page;
let api: ReturnType<typeof adminApi>;
let documentId: string;

beforeAll(async () => {
  app = await serveApp();
  const registered = await adminApi(app.url)('POST', '/admin/register-admin', ADMIN);
  expect(registered.status).toBe(200);
  api = adminApi(app.url, registered.body.data.token);
  const created = await api('POST', '/roundup/roundups', {
    title: 'What I read in January',
    date: '2027-01-31',
  });
  expect(created.status).toBe(201);
  documentId = created.body.roundup.documentId;
  browser = await launchBrowser();
  // The browser's clock is in Berlin; the server's zone is the machine's.
  page = await browser.newPage({
    viewport: { width: 1440, height: 1000 },
    timezoneId: 'Europe/Berlin',
  });
  await signIn(page, app.url, ADMIN.email, ADMIN.password);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const dialog = () => page.getByRole('dialog');
const zoneInput = () => dialog().getByRole('combobox', { name: /^Time zone/ });
const scheduleLine = () => page.locator('[data-schedule-line="publish"]');

it('schedules a publish from the editor page in the browser zone, and the list shows it', async () => {
  await page.goto(`${app.url}/admin/plugins/roundup/${documentId}`);
  await page.getByRole('heading', { name: 'What I read in January' }).waitFor();
  await page.getByRole('button', { name: 'Schedule…' }).click();
  expect(await zoneInput().inputValue()).toBe('Europe/Berlin');
  await dialog()
    .getByLabel(/^Publish at/)
    .fill('2027-01-08T09:00');
  await dialog().getByText('In Europe/Berlin').first().waitFor();
  await screenshot(page, 'schedule-1-dialog');
  await dialog().getByRole('button', { name: 'Schedule', exact: true }).click();

  await eventually(async () =>
    expect(await scheduleLine().textContent()).toBe(
      'Scheduled · Fri 8 Jan 2027, 09:00 Europe/Berlin — publishes the draft as it is then'
    )
  );
  await screenshot(page, 'schedule-2-editor-page');
  const stored = await api('GET', `/roundup/roundups/${documentId}/schedule`);
  expect(stored.body.publish).toMatchObject({
    at: '2027-01-08T08:00:00.000Z',
    wallTime: '2027-01-08T09:00',
    timeZone: 'Europe/Berlin',
  });

  await page.getByRole('link', { name: 'Back to roundups' }).click();
  const row = page.locator(`tr[data-roundup="${documentId}"]`);
  await eventually(async () =>
    expect(await row.locator('[data-schedule-line="publish"]').textContent()).toContain(
      'Scheduled · Fri 8 Jan 2027, 09:00 Europe/Berlin'
    )
  );
  await screenshot(page, 'schedule-3-roundups-list');
});

it('reschedules in another zone, the stored zone shown next time, and cancels', async () => {
  await page.goto(`${app.url}/admin/plugins/roundup/${documentId}`);
  await scheduleLine().waitFor();
  await page.getByRole('button', { name: 'Schedule…' }).click();
  expect(
    await dialog()
      .getByLabel(/^Publish at/)
      .inputValue()
  ).toBe('2027-01-08T09:00');
  await zoneInput().click();
  await zoneInput().fill('Tokyo');
  await page.getByRole('option', { name: 'Asia/Tokyo', exact: true }).click();
  await dialog().getByRole('button', { name: 'Schedule', exact: true }).click();
  await eventually(async () =>
    expect(await scheduleLine().textContent()).toBe(
      'Scheduled · Fri 8 Jan 2027, 09:00 Asia/Tokyo — publishes the draft as it is then'
    )
  );
  const stored = await api('GET', `/roundup/roundups/${documentId}/schedule`);
  expect(stored.body.publish).toMatchObject({
    at: '2027-01-08T00:00:00.000Z',
    timeZone: 'Asia/Tokyo',
  });

  await page.getByRole('button', { name: 'Schedule…' }).click();
  expect(await zoneInput().inputValue()).toBe('Asia/Tokyo');
  await dialog().getByRole('button', { name: 'Cancel schedule' }).click();
  await eventually(async () => expect(await scheduleLine().count()).toBe(0));
  expect((await api('GET', `/roundup/roundups/${documentId}/schedule`)).body.publish).toBeNull();
});

it('names a time in the past under its field, and keeps nothing', async () => {
  await page.getByRole('button', { name: 'Schedule…' }).click();
  await dialog()
    .getByLabel(/^Publish at/)
    .fill('2020-01-06T09:00');
  await dialog().getByRole('button', { name: 'Schedule', exact: true }).click();
  await dialog()
    .getByText(/must be in the future/)
    .waitFor();
  await screenshot(page, 'schedule-4-past');
  expect((await api('GET', `/roundup/roundups/${documentId}/schedule`)).body.publish).toBeNull();
});
