import { docs, createSuperAdmin, loginAdmin, type AdminClient } from '../helpers/admin';
import { startApp, type TestApp } from '../helpers/app';
import { startAppProcess } from '../helpers/app-process';
import { makeCategory } from '../helpers/content';
import { closedPort, startReceiver, waitFor } from '../helpers/receiver';
import { pacingOf, startSite, type Site } from '../helpers/site';

jest.setTimeout(300_000);

const DAY = 24 * 60 * 60 * 1000;
// A request leaves the checker at least the interval after the one before; the loopback site can
// log an arrival a little late when the machine is loaded, which makes the next gap look shorter.
const JITTER_MS = 100;
const ENV = {
  ROUNDUP_SEED_DEMO: 'false',
  ROUNDUP_OUTBOUND_ALLOW: '127.0.0.1',
  ROUNDUP_LINKCHECK_CONTACT_URL: 'https://roundup.example/link-checker',
  ROUNDUP_WEBHOOK_POLL_MS: '100',
};

let app: TestApp;
let admin: AdminClient;
let category: string;
let now = Date.now();
const adminEmail = 'link-health-admin@example.com';

const useClock = (test: TestApp) =>
  (test.strapi.plugin('roundup').service('link-checker') as any).useClock(() => now);

/** A published roundup (or inbox links, with `roundup: false`) linking to `urls`. */
const publishLinks = async (
  title: string,
  urls: Record<string, string>,
  { date = '2020-07-31', roundup = true } = {}
) => {
  const entries: Record<string, string> = {};
  for (const [name, url] of Object.entries(urls)) {
    entries[name] = (
      await docs(app.strapi, 'entry').create({ data: { title: name, url, category } })
    ).documentId;
  }
  if (!roundup) return { documentId: null, slug: null, entries };
  const created = await docs(app.strapi, 'roundup').create({
    data: { title, date, entries: { set: Object.values(entries) } },
  });
  await docs(app.strapi, 'roundup').publish({ documentId: created.documentId });
  const stored = await docs(app.strapi, 'roundup').findOne({ documentId: created.documentId });
  return { documentId: created.documentId as string, slug: stored.slug as string, entries };
};

const runCheck = async (client: AdminClient = admin) => {
  const started = await client.post('/roundup/link-checks').expect(202);
  await waitFor(
    async () => (await client.get('/roundup/link-checks/current')).body.data?.state === 'finished',
    'the link check to finish',
    120_000
  );
  return {
    started: started.body.data,
    finished: (await client.get('/roundup/link-checks/current').expect(200)).body.data,
  };
};

const linksIn = async (state: string) =>
  (await admin.get(`/roundup/link-health?state=${state}&pageSize=100`).expect(200)).body
    .data as any[];
const linkTo = async (url: string) => {
  for (const state of ['ok', 'moved', 'probably-gone', 'unknown', 'dead', 'unchecked', 'ignored']) {
    const found = (await linksIn(state)).find((link) => link.url === url);
    if (found) return found;
  }
  return undefined;
};

beforeAll(async () => {
  app = await startApp({ database: 'link_health', env: ENV });
  useClock(app);
  admin = await loginAdmin(app);
  category = (await makeCategory(app.strapi, { name: 'Articles' })).documentId;
  // An administrator with a known password, to log in to a second instance.
  await createSuperAdmin(app, adminEmail, 'Link');
}, 300_000);
afterAll(async () => {
  await app?.stop();
});

describe('checking an archive', () => {
  const sites: Record<string, Site> = {};
  let refusedUrl: string;
  let roundup: Awaited<ReturnType<typeof publishLinks>>;

  beforeAll(async () => {
    sites.ok = await startSite({ '/ok': { status: 200 } });
    sites.gone = await startSite({ '/missing': { status: 404 } });
    sites.flaky = await startSite({ '/flaky': ({ count }) => ({ status: count < 2 ? 404 : 200 }) });
    sites.busy = await startSite({
      '/busy': ({ count }) =>
        count === 0 ? { status: 429, headers: { 'retry-after': '2' } } : { status: 200 },
    });
    sites.headless = await startSite({
      '/no-head': ({ method }) => ({ status: method === 'HEAD' ? 405 : 200 }),
    });
    sites.moved = await startSite({
      '/old': { status: 301, headers: { location: '/older' } },
      '/older': { status: 308, headers: { location: '/new' } },
      '/new': { status: 200 },
    });
    sites.home = await startSite({
      '/2019/post': { status: 301, headers: { location: '/' } },
      '/': { status: 200 },
    });
    sites.slow = await startSite(
      Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`/slow/${n}`, { status: 200, delayMs: 1500 }]))
    );
    refusedUrl = `http://127.0.0.1:${await closedPort()}/nobody-home`;
    roundup = await publishLinks('July', {
      ok: sites.ok.url('/ok'),
      missing: sites.gone.url('/missing'),
      flaky: sites.flaky.url('/flaky'),
      busy: sites.busy.url('/busy'),
      noHead: sites.headless.url('/no-head'),
      old: sites.moved.url('/old'),
      post: sites.home.url('/2019/post'),
      refused: refusedUrl,
      ...Object.fromEntries([1, 2, 3, 4].map((n) => [`slow${n}`, sites.slow.url(`/slow/${n}`)])),
    });
    await publishLinks('', { inbox: sites.slow.url('/slow/5') }, { roundup: false });
    // A draft-only roundup's links are not checked.
    const draft = await docs(app.strapi, 'entry').create({
      data: { title: 'draft', url: sites.ok.url('/draft-only'), category },
    });
    await docs(app.strapi, 'roundup').create({
      data: { title: 'Draft', date: '2020-08-31', entries: { set: [draft.documentId] } },
    });
  });
  afterAll(async () => {
    await Promise.all(Object.values(sites).map((site) => site.close()));
  });

  it('checks every link of published roundups and the inbox, one check at a time', async () => {
    const started = await admin.post('/roundup/link-checks').expect(202);
    expect(started.body.data).toMatchObject({ state: 'running', trigger: 'manual', total: 13 });
    const again = await admin.post('/roundup/link-checks').expect(409);
    expect(again.body.error.message).toMatch(/already running/);

    const seen: number[] = [];
    await waitFor(
      async () => {
        const { body } = await admin.get('/roundup/link-checks/current').expect(200);
        seen.push(body.data.checked);
        return body.data.state === 'finished';
      },
      'the first check',
      120_000
    );
    const { body } = await admin.get('/roundup/link-checks/current').expect(200);
    expect(body.data).toMatchObject({ state: 'finished', total: 13, checked: 13 });
    expect(seen.some((checked) => checked > 0 && checked < 13)).toBe(true);
    expect(body.data.byState).toEqual({ ok: 8, moved: 1, 'probably-gone': 1, unknown: 3 });
    expect(sites.ok.requestsTo('/draft-only')).toHaveLength(0);
  });

  it('records ok, moved, probably gone, and unknown for failures not yet confirmed', async () => {
    expect(await linkTo(sites.ok.url('/ok'))).toMatchObject({
      state: 'ok',
      status: 200,
      roundup: { title: 'July' },
      section: 'Articles',
    });

    const moved = await linkTo(sites.moved.url('/old'));
    expect(moved).toMatchObject({
      state: 'moved',
      status: 200,
      newUrl: sites.moved.url('/new'),
      finalUrl: sites.moved.url('/new'),
    });
    expect(moved.redirects).toEqual([
      { url: sites.moved.url('/old'), status: 301 },
      { url: sites.moved.url('/older'), status: 308 },
    ]);
    expect(await linkTo(sites.home.url('/2019/post'))).toMatchObject({
      state: 'probably-gone',
      finalUrl: sites.home.url('/'),
    });

    // One 404 and one refused connection: not dead with the default rule (3 over 3 days).
    expect(await linkTo(sites.gone.url('/missing'))).toMatchObject({
      state: 'unknown',
      status: 404,
      failures: 1,
    });
    expect(await linkTo(sites.flaky.url('/flaky'))).toMatchObject({
      state: 'unknown',
      status: 404,
      failures: 1,
    });
    expect(await linkTo(refusedUrl)).toMatchObject({ state: 'unknown', status: null, failures: 1 });
    expect(await linksIn('dead')).toEqual([]);
    expect(await linkTo(sites.slow.url('/slow/5'))).toMatchObject({ state: 'ok', roundup: null });
  });

  it('asks with GET when HEAD is refused, and honours Retry-After', async () => {
    expect(sites.headless.log.map((request) => request.method)).toEqual(['HEAD', 'GET']);
    expect(await linkTo(sites.headless.url('/no-head'))).toMatchObject({
      state: 'ok',
      status: 200,
    });

    const [limited, retry] = sites.busy.log;
    expect(sites.busy.log).toHaveLength(2);
    expect(retry.at - limited.at).toBeGreaterThanOrEqual(2000 - JITTER_MS);
    expect(await linkTo(sites.busy.url('/busy'))).toMatchObject({ state: 'ok', status: 200 });
  });

  it('never sends a host more than 2 requests at once, nor two within a second', async () => {
    for (const site of Object.values(sites)) {
      const { minGapMs, maxOpen } = pacingOf(site.log);
      expect(maxOpen).toBeLessThanOrEqual(2);
      expect(minGapMs).toBeGreaterThanOrEqual(1000 - JITTER_MS);
    }
    // The slow host: 5 links answering in 1.5 s each, so a second request starts while one is open.
    expect(sites.slow.log).toHaveLength(5);
    expect(pacingOf(sites.slow.log).maxOpen).toBe(2);
    expect(sites.slow.log[0].userAgent).toContain('(+https://roundup.example/link-checker)');
  });

  it('calls a link dead after the same answer three times over three days, and rests healthy links a week', async () => {
    const okRequests = sites.ok.log.length;
    now += DAY;
    await runCheck();
    expect(await linkTo(sites.gone.url('/missing'))).toMatchObject({
      state: 'unknown',
      failures: 2,
    });
    // One 404, then a 200: the link answers again, and its failure is forgotten.
    expect(await linkTo(sites.flaky.url('/flaky'))).toMatchObject({
      state: 'ok',
      failures: 0,
      firstFailureAt: null,
    });
    expect(sites.ok.log).toHaveLength(okRequests);

    now += 2 * DAY;
    await runCheck();
    const dead = await linkTo(sites.gone.url('/missing'));
    expect(dead).toMatchObject({
      state: 'dead',
      status: 404,
      failures: 3,
      firstFailureAt: new Date(now - 3 * DAY).toISOString(),
    });
    expect(await linkTo(refusedUrl)).toMatchObject({ state: 'dead', failures: 3 });
    expect(sites.ok.log).toHaveLength(okRequests);

    now += 5 * DAY;
    await runCheck();
    expect(sites.ok.log.length).toBeGreaterThan(okRequests);
    const { body } = await admin.get('/roundup/link-health?state=dead').expect(200);
    expect(body.meta.counts).toMatchObject({ dead: 2, moved: 1, 'probably-gone': 1 });
    expect(body.data.map((link: any) => link.url).sort()).toEqual(
      [sites.gone.url('/missing'), refusedUrl].sort()
    );
  });

  it('fixes a dead link with its archived copy: the published roundup changes and the site rebuilds', async () => {
    const receiver = await startReceiver();
    const hook = (
      await admin
        .post('/roundup/build-hooks')
        .send({
          name: 'site',
          url: receiver.url,
          events: ['roundup.update'],
          debounceMs: 0,
          maxWaitMs: 0,
        })
        .expect(201)
    ).body.data;
    const dead = await linkTo(sites.gone.url('/missing'));
    const archived = `https://web.archive.org/web/20200731/${sites.gone.url('/missing')}`;
    expect(dead.archivedUrl).toBe(archived);

    const { body } = await admin
      .post(`/roundup/link-health/${dead.id}/actions`)
      .send({ action: 'use-archived-copy' })
      .expect(200);
    expect(body.data.entry).toMatchObject({
      url: archived,
      originalUrl: sites.gone.url('/missing'),
    });
    const entry = await docs(app.strapi, 'entry').findOne({ documentId: roundup.entries.missing });
    expect(entry).toMatchObject({ url: archived, originalUrl: sites.gone.url('/missing') });

    const published = await app.http().get(`/api/roundup/roundups/${roundup.slug}`).expect(200);
    const urls = published.body.data.sections.flatMap((section: any) =>
      section.entries.map((e: any) => e.url)
    );
    expect(urls).toContain(archived);
    await waitFor(() => receiver.received.length >= 1, 'the rebuild delivery');
    expect(JSON.parse(receiver.received[0].body)).toMatchObject({
      type: 'roundup.update',
      data: { roundup: { slug: roundup.slug } },
    });
    expect(await linkTo(sites.gone.url('/missing'))).toBeUndefined();
    await receiver.close();
    await admin.del(`/roundup/build-hooks/${hook.id}`).expect(204);
  });

  it('uses the new URL of a moved link, keeping the original, and ignores a link on request', async () => {
    const moved = await linkTo(sites.moved.url('/old'));
    const { body } = await admin
      .post(`/roundup/link-health/${moved.id}/actions`)
      .send({ action: 'use-new-url' })
      .expect(200);
    expect(body.data.entry).toMatchObject({
      url: sites.moved.url('/new'),
      originalUrl: sites.moved.url('/old'),
    });
    expect(await linkTo(sites.moved.url('/new'))).toMatchObject({ state: 'unchecked' });

    const ok = await linkTo(sites.ok.url('/ok'));
    const refused = await admin
      .post(`/roundup/link-health/${ok.id}/actions`)
      .send({ action: 'use-new-url' })
      .expect(400);
    expect(refused.body.error.message).toMatch(/no new URL/);

    const dead = await linkTo(refusedUrl);
    await admin
      .post(`/roundup/link-health/${dead.id}/actions`)
      .send({ action: 'ignore' })
      .expect(200);
    expect((await linksIn('ignored')).map((link) => link.url)).toEqual([refusedUrl]);
    expect(await linksIn('dead')).toEqual([]);
  });

  it('narrows the list to the links the search index finds, inbox links included', async () => {
    const found = async (q: string) =>
      (
        await admin.get(`/roundup/link-health?q=${encodeURIComponent(q)}&pageSize=100`).expect(200)
      ).body.data.map((link: any) => link.entry.title);
    expect(await found('flaky')).toEqual(['flaky']);
    expect(await found('"inbox')).toEqual(['inbox']);
    expect(await found('nowhere')).toEqual([]);
    const all = (await admin.get('/roundup/link-health?pageSize=100').expect(200)).body.data;
    expect(await found('  ')).toEqual(all.map((link: any) => link.entry.title));
  });

  it('names bad input and refuses roles without the link-health action', async () => {
    const bad = await admin.get('/roundup/link-health?state=broken').expect(400);
    expect(bad.body.error.message).toMatch(/state/);
    const long = await admin.get(`/roundup/link-health?q=${'x'.repeat(501)}`).expect(400);
    expect(long.body.error.message).toMatch(/^q: /);
    await admin.post('/roundup/link-health/1/actions').send({ action: 'delete' }).expect(400);
    await admin.post('/roundup/link-health/999999/actions').send({ action: 'ignore' }).expect(404);
    const reader = await loginAdmin(app, { actions: ['plugin::roundup.read'] });
    await reader.get('/roundup/link-health').expect(403);
    await reader.post('/roundup/link-checks').expect(403);
    await reader.get('/roundup/link-checks/current').expect(403);
  });
});

describe('several instances and restarts', () => {
  let site: Site;
  const paths = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `/page/${n}`);
  const INTERVAL_MS = 300;
  const env = {
    ...ENV,
    ROUNDUP_LINKCHECK_HOST_INTERVAL_MS: String(INTERVAL_MS),
    ROUNDUP_LINKCHECK_LEASE_MS: '10000',
  };

  beforeAll(async () => {
    await app.stop();
    app = await startApp({ database: 'link_health', env, reuseDatabase: true });
    useClock(app);
    admin = await loginAdmin(app);
  });
  afterEach(async () => {
    await site?.close();
  });

  const plant = async (label: string) => {
    site = await startSite(
      Object.fromEntries(paths.map((path) => [path, { status: 200, delayMs: 200 }]))
    );
    now += 30 * DAY; // everything else is due too; only this site's log is looked at
    await publishLinks(label, Object.fromEntries(paths.map((path) => [path, site.url(path)])));
  };

  it('resumes a check interrupted by a restart where it stopped, at the configured pace', async () => {
    await plant('Restart');
    await admin.post('/roundup/link-checks').expect(202);
    await waitFor(() => site.log.length >= 3, 'a few checks');
    await app.stop();
    const before = site.log.length;
    expect(before).toBeLessThan(paths.length);

    app = await startApp({ database: 'link_health', env, reuseDatabase: true });
    useClock(app);
    // Nothing else runs in this process meanwhile (an admin login hashes passwords), so the
    // request log shows the checker's own pacing.
    const checker = app.strapi.plugin('roundup').service('link-checker') as any;
    await waitFor(
      async () => (await checker.current())?.state === 'finished',
      'the resumed check',
      60_000
    );
    admin = await loginAdmin(app);
    expect(site.log.map((request) => request.path).sort()).toEqual([...paths].sort());
    expect(pacingOf(site.log).minGapMs).toBeGreaterThanOrEqual(INTERVAL_MS - JITTER_MS);
    for (const path of paths) expect(await linkTo(site.url(path))).toMatchObject({ state: 'ok' });
  });

  it('runs one check at a time across two instances on one database, and the other takes over when one stops', async () => {
    await plant('Shared');
    const second = await startAppProcess(env);
    let secondRunning = true;
    try {
      const login = await second
        .http()
        .post('/admin/login')
        .send({ email: adminEmail, password: 'Roundup-test-1' })
        .expect(200);
      const token = login.body.data.token;
      const [a, b] = await Promise.all([
        admin.post('/roundup/link-checks'),
        second.http().post('/roundup/link-checks').set('Authorization', `Bearer ${token}`),
      ]);
      expect([a.status, b.status].sort()).toEqual([202, 409]);
      const holder = a.status === 202 ? 'first' : 'second';

      await waitFor(() => site.log.length >= 2, 'a few checks');
      if (holder === 'first') await app.stop();
      else {
        await second.stop();
        secondRunning = false;
      }
      const survivor =
        holder === 'first'
          ? () =>
              second
                .http()
                .get('/roundup/link-checks/current')
                .set('Authorization', `Bearer ${token}`)
          : () => admin.get('/roundup/link-checks/current');
      await waitFor(
        async () => (await survivor()).body.data?.state === 'finished',
        'the check finished by the other instance',
        60_000
      );
      expect(site.log.map((request) => request.path).sort()).toEqual([...paths].sort());
      expect(pacingOf(site.log).maxOpen).toBeLessThanOrEqual(2);
      if (holder === 'first') {
        app = await startApp({ database: 'link_health', env, reuseDatabase: true });
        admin = await loginAdmin(app);
      }
    } finally {
      if (secondRunning) await second.stop();
    }
  });
});
