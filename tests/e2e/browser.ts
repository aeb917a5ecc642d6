import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startAppProcess } from '../helpers/app-process';

const ROOT = path.resolve(__dirname, '..', '..');
export const SCREENSHOTS = path.join(__dirname, 'screenshots');

/**
 * The built app (admin panel included) in a process of its own on a fresh
 * SQLite file, with the July demo loaded (and `env` added); resolves once it listens.
 */
export const serveApp = async (env: Record<string, string> = {}) => {
  const file = `.tmp/e2e-${process.pid}.db`;
  fs.rmSync(path.join(ROOT, file), { force: true });
  const app = await startAppProcess({
    NODE_ENV: 'development',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: file,
    SERVE_ADMIN_PANEL: 'true',
    ROUNDUP_SEED_DEMO: 'true',
    // Off unless a suite points them at a loopback site: they would visit the links' real hosts.
    ROUNDUP_LINKCHECK_ENABLED: 'false',
    ROUNDUP_UNFURL: 'false',
    ...env,
  });
  return {
    url: app.url,
    stop: async () => {
      await app.stop();
      fs.rmSync(path.join(ROOT, file), { force: true });
    },
  };
};

/** Debian's Chromium, headless, with nothing reaching out to the network on its own. */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

/** Signs in through the admin panel's own login form. */
export const signIn = async (page: Page, url: string, email: string, password: string) => {
  await page.goto(`${url}/admin/auth/login`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForURL((address) => !address.pathname.includes('/auth/'), { timeout: 60000 });
};

/** Registers the first administrator of a fresh app: its token and an admin API client with it. */
export const registerFirstAdmin = async (
  url: string,
  user: { email: string; password: string; firstname: string; lastname: string }
) => {
  const registered = await adminApi(url)('POST', '/admin/register-admin', user);
  if (registered.status !== 200)
    throw new Error(
      `register-admin answered ${registered.status}: ${JSON.stringify(registered.body)}`
    );
  const token: string = registered.body.data.token;
  return { token, api: adminApi(url, token) };
};

/** A new page at a desktop size, signed in to the admin panel as `user`. */
export const signedInPage = async (
  browser: Browser,
  url: string,
  user: { email: string; password: string }
) => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await signIn(page, url, user.email, user.password);
  return page;
};

export const screenshot = async (page: Page, name: string) => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
};

/** JSON over the admin API with a bearer token. */
export const adminApi =
  (url: string, token?: string) => async (method: string, pathname: string, body?: unknown) => {
    const response = await fetch(`${url}${pathname}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: response.status, body: json };
  };

/** Waits until `check` passes (it throws until then), for what the page shows after a request. */
export const eventually = async (check: () => Promise<void>, timeout = 10000) => {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
};
