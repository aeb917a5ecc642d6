import { Webhook } from 'standardwebhooks';
import { docs, createSuperAdmin, loginAdmin, type AdminClient } from '../helpers/admin';
import { startApp, type TestApp } from '../helpers/app';
import { makeCategory, makeRoundup } from '../helpers/content';
import { closedPort, startReceiver, waitFor } from '../helpers/receiver';
import { SHARED_WRITES, startAppProcess } from '../helpers/app-process';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
// The receivers listen on 127.0.0.1, which the outbound guard refuses unless allowed.
const ENV = {
  ROUNDUP_SEED_DEMO: 'false',
  ROUNDUP_WEBHOOK_POLL_MS: '100',
  ROUNDUP_WEBHOOK_TIMEOUT_MS: '1000',
  ROUNDUP_OUTBOUND_ALLOW: '127.0.0.1',
};

let app: TestApp;
let admin: AdminClient;
let category: string;
const adminEmail = 'burst-admin@example.com';

beforeAll(async () => {
  app = await startApp({ database: 'webhooks', env: ENV });
  admin = await loginAdmin(app);
  category = (await makeCategory(app.strapi, { name: 'Links' })).documentId;
  // An administrator with a known password, to log in to a second instance.
  await createSuperAdmin(app, adminEmail, 'Burst');
});
afterAll(async () => {
  await app?.stop();
});

const createHook = async (body: Record<string, unknown>) =>
  (
    await admin
      .post('/roundup/build-hooks')
      .send({ secret: SECRET, debounceMs: 300, maxWaitMs: 10_000, ...body })
      .expect(201)
  ).body.data;

const verified = (request: { headers: Record<string, any>; body: string }) =>
  new Webhook(SECRET).verify(request.body, {
    'webhook-id': request.headers['webhook-id'],
    'webhook-timestamp': request.headers['webhook-timestamp'],
    'webhook-signature': request.headers['webhook-signature'],
  }) as any;

const deliveriesOf = async (hookId: number) =>
  (await admin.get(`/roundup/deliveries?hook=${hookId}`).expect(200)).body.data;

describe('debounce', () => {
  it('turns 50 changes to a published roundup within the window into one delivery per hook', async () => {
    const netlify = await startReceiver();
    const github = await startReceiver();
    const r = await makeRoundup(app.strapi, {
      title: 'Burst',
      slug: 'burst',
      sections: { [category]: ['Link'] },
    });
    // Windows wide enough that a pause of a busy machine between two edits cannot split the
    // burst, and a longest wait that 50 slow edits cannot reach (on a loaded machine they have
    // taken over 10 s).
    const a = await createHook({
      name: 'netlify',
      url: netlify.url,
      events: ['roundup.update'],
      debounceMs: 3000,
      maxWaitMs: 120_000,
    });
    const b = await createHook({
      name: 'github',
      url: github.url,
      events: ['roundup.update', 'roundup.publish'],
      debounceMs: 4000,
      maxWaitMs: 120_000,
    });

    for (let i = 0; i < 50; i += 1) {
      await docs(app.strapi, 'entry').update({
        documentId: r.entries.Link,
        data: { description: `Edit ${i}` },
      });
    }
    await waitFor(
      () => netlify.received.length >= 1 && github.received.length >= 1,
      'both deliveries'
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(netlify.received).toHaveLength(1);
    expect(github.received).toHaveLength(1);

    for (const request of [netlify.received[0], github.received[0]]) {
      const payload = verified(request);
      expect(payload).toEqual({
        type: 'roundup.update',
        timestamp: expect.any(String),
        data: { roundup: { documentId: r.documentId, slug: 'burst', title: 'Burst' }, events: 50 },
      });
      expect(request.headers['content-type']).toBe('application/json');
    }
    const log = await deliveriesOf(a.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      state: 'delivered',
      attempts: 1,
      lastStatus: 200,
      events: 50,
      event: 'roundup.update',
    });
    await Promise.all([
      netlify.close(),
      github.close(),
      admin.del(`/roundup/build-hooks/${a.id}`),
      admin.del(`/roundup/build-hooks/${b.id}`),
    ]);
  });

  it('still delivers at least once per maximum wait while changes keep coming', async () => {
    const receiver = await startReceiver();
    const r = await makeRoundup(app.strapi, {
      title: 'Stream',
      slug: 'stream',
      sections: { [category]: ['Link'] },
    });
    // A quiet window no pause between two edits reaches, even on a loaded machine (the test
    // checks), so every delivery while the edits keep coming is owed to the longest wait.
    const debounceMs = 3000;
    const hook = await createHook({
      name: 'steady',
      url: receiver.url,
      events: ['roundup.update'],
      debounceMs,
      maxWaitMs: debounceMs,
    });
    const started = Date.now();
    let last = started;
    let longestPause = 0;
    let i = 0;
    while (receiver.received.length < 2 && Date.now() - started < 60_000) {
      await docs(app.strapi, 'entry').update({
        documentId: r.entries.Link,
        data: { description: `Tick ${(i += 1)}` },
      });
      longestPause = Math.max(longestPause, Date.now() - last);
      last = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(longestPause).toBeLessThan(debounceMs);
    expect(receiver.received.length).toBeGreaterThanOrEqual(2);
    await receiver.close();
    await admin.del(`/roundup/build-hooks/${hook.id}`);
  });
});

describe('delivery and retries', () => {
  it('retries 500, 500 and delivers on the third attempt with the same webhook-id', async () => {
    const receiver = await startReceiver([{ status: 500 }, { status: 500 }, { status: 200 }]);
    const hook = await createHook({
      name: 'flaky',
      url: receiver.url,
      events: ['roundup.publish'],
      debounceMs: 0,
      maxWaitMs: 0,
      retry: { baseDelayMs: 100, maxDelayMs: 500, maxAttempts: 5 },
    });
    await makeRoundup(app.strapi, {
      title: 'Flaky',
      slug: 'flaky',
      sections: { [category]: ['Link'] },
    });
    await waitFor(() => receiver.received.length === 3, 'three attempts');
    const ids = receiver.received.map((request) => request.headers['webhook-id']);
    expect(new Set(ids).size).toBe(1);
    receiver.received.forEach((request) => expect(verified(request).type).toBe('roundup.publish'));
    await waitFor(
      async () => (await deliveriesOf(hook.id))[0]?.state === 'delivered',
      'delivered state'
    );
    expect((await deliveriesOf(hook.id))[0]).toMatchObject({
      attempts: 3,
      lastStatus: 200,
      webhookId: ids[0],
    });
    await receiver.close();
    await admin.del(`/roundup/build-hooks/${hook.id}`);
  });

  it('disables a hook whose receiver answers 410 Gone', async () => {
    const receiver = await startReceiver([{ status: 410 }]);
    const hook = await createHook({
      name: 'gone',
      url: receiver.url,
      events: ['roundup.publish'],
      debounceMs: 0,
      maxWaitMs: 0,
    });
    await makeRoundup(app.strapi, {
      title: 'Gone',
      slug: 'gone',
      sections: { [category]: ['Link'] },
    });
    await waitFor(
      async () => (await admin.get(`/roundup/build-hooks/${hook.id}`)).body.data.enabled === false,
      'hook disabled'
    );
    const { body } = await admin.get(`/roundup/build-hooks/${hook.id}`).expect(200);
    expect(body.data.disabledReason).toMatch(/410/);
    await makeRoundup(app.strapi, {
      title: 'Gone again',
      slug: 'gone-again',
      sections: { [category]: ['Link'] },
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.received).toHaveLength(1);
    await receiver.close();
    await admin.del(`/roundup/build-hooks/${hook.id}`);
  });

  it('does not follow a redirect and does not retry it', async () => {
    const elsewhere = await startReceiver();
    const receiver = await startReceiver([{ status: 302, headers: { Location: elsewhere.url } }]);
    const hook = await createHook({
      name: 'moved',
      url: receiver.url,
      events: ['roundup.publish'],
      debounceMs: 0,
      maxWaitMs: 0,
    });
    await makeRoundup(app.strapi, {
      title: 'Moved',
      slug: 'moved',
      sections: { [category]: ['Link'] },
    });
    await waitFor(async () => (await deliveriesOf(hook.id))[0]?.state === 'failed', 'failed state');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.received).toHaveLength(1);
    expect(elsewhere.received).toHaveLength(0);
    expect((await deliveriesOf(hook.id))[0]).toMatchObject({ attempts: 1, lastStatus: 302 });
    await Promise.all([receiver.close(), elsewhere.close()]);
    await admin.del(`/roundup/build-hooks/${hook.id}`);
  });

  it('times out a slow receiver and retries', async () => {
    const receiver = await startReceiver([{ status: 200, delayMs: 3000 }, { status: 200 }]);
    const hook = await createHook({
      name: 'slow',
      url: receiver.url,
      events: ['roundup.publish'],
      debounceMs: 0,
      maxWaitMs: 0,
      retry: { baseDelayMs: 100, maxDelayMs: 200, maxAttempts: 3 },
    });
    await makeRoundup(app.strapi, {
      title: 'Slow',
      slug: 'slow',
      sections: { [category]: ['Link'] },
    });
    await waitFor(
      async () => (await deliveriesOf(hook.id))[0]?.state === 'delivered',
      'delivered after a timeout',
      15_000
    );
    const [delivery] = await deliveriesOf(hook.id);
    expect(delivery.attempts).toBe(2);
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0].headers['webhook-id']).toBe(
      receiver.received[1].headers['webhook-id']
    );
    await receiver.close();
    await admin.del(`/roundup/build-hooks/${hook.id}`);
  });

  it('"Rebuild now" sends one delivery at once', async () => {
    const receiver = await startReceiver();
    const hook = await createHook({
      name: 'manual',
      url: receiver.url,
      events: ['roundup.publish'],
      debounceMs: 60_000,
      maxWaitMs: 60_000,
    });
    await admin.post(`/roundup/build-hooks/${hook.id}/trigger`).send({}).expect(202);
    await waitFor(() => receiver.received.length === 1, 'the manual delivery', 5000);
    expect(verified(receiver.received[0]).type).toBe('roundup.update');
    await receiver.close();
    await admin.del(`/roundup/build-hooks/${hook.id}`);
  });
});

describe('never lost', () => {
  it('delivers a publish made while the receiver was down, after Strapi restarts', async () => {
    const port = await closedPort();
    const hook = await createHook({
      name: 'down',
      url: `http://127.0.0.1:${port}/hook`,
      events: ['roundup.publish'],
      debounceMs: 0,
      maxWaitMs: 0,
      retry: { baseDelayMs: 300, maxDelayMs: 600, maxAttempts: 50 },
    });
    await makeRoundup(app.strapi, {
      title: 'While down',
      slug: 'while-down',
      sections: { [category]: ['Link'] },
    });
    await waitFor(async () => (await deliveriesOf(hook.id))[0]?.attempts >= 1, 'a failed attempt');

    await app.stop();
    app = await startApp({ database: 'webhooks', env: ENV, reuseDatabase: true });
    admin = await loginAdmin(app);
    const receiver = await startReceiver([{ status: 200 }], port);
    await waitFor(() => receiver.received.length === 1, 'the delivery after the restart', 15_000);
    expect(verified(receiver.received[0]).data.roundup.slug).toBe('while-down');
    await waitFor(
      async () => (await deliveriesOf(hook.id))[0]?.state === 'delivered',
      'delivered state'
    );
    await receiver.close();
    await admin.del(`/roundup/build-hooks/${hook.id}`);
  });
});

describe('several instances', () => {
  // On PostgreSQL and MySQL/MariaDB only: see SHARED_WRITES.
  if (SHARED_WRITES)
    it('makes one delivery for a burst spread over two instances on one database', async () => {
      const receiver = await startReceiver();
      const r = await makeRoundup(app.strapi, {
        title: 'Shared burst',
        slug: 'shared-burst',
        sections: { [category]: ['Link'] },
      });
      const hook = await createHook({
        name: 'shared',
        url: receiver.url,
        events: ['roundup.update'],
        // As above: neither a pause between two edits nor a slow burst may split it.
        debounceMs: 4000,
        maxWaitMs: 120_000,
      });
      const second = await startAppProcess(ENV);
      try {
        // The admin user lives in the shared database, so it can log in to the other instance.
        const login = await second
          .http()
          .post('/admin/login')
          .send({ email: adminEmail, password: 'Roundup-test-1' })
          .expect(200);
        const token = login.body.data.token ?? login.body.data.accessToken;
        for (let i = 0; i < 10; i += 1) {
          await docs(app.strapi, 'entry').update({
            documentId: r.entries.Link,
            data: { description: `first ${i}` },
          });
          // The same change through the other instance's Content Manager API.
          await second
            .http()
            .put(`/content-manager/collection-types/plugin::roundup.entry/${r.entries.Link}`)
            .set('Authorization', `Bearer ${token}`)
            .send({ description: `second ${i}` })
            .expect(200);
        }
        await waitFor(() => receiver.received.length >= 1, 'the delivery', 30_000);
        await new Promise((resolve) => setTimeout(resolve, 2500));
        expect(receiver.received).toHaveLength(1);
        expect(verified(receiver.received[0]).data.events).toBe(20);
      } finally {
        await second.stop();
        await receiver.close();
        await admin.del(`/roundup/build-hooks/${hook.id}`);
      }
    });
});

describe('hook configuration', () => {
  it.each([
    [{ url: 'ftp://example.com/hook' }, 'url'],
    [{ url: 'javascript:alert(1)' }, 'url'],
    [{ events: ['roundup.explode'] }, 'events.0'],
    [{ events: [] }, 'events'],
    [{ secret: 'not-a-secret' }, 'secret'],
    [{ secret: 'whsec_c2hvcnQ=' }, 'secret'],
    [{ headers: { 'Webhook-Signature': 'forged' } }, 'headers.Webhook-Signature'],
    [{ debounceMs: -1 }, 'debounceMs'],
    [{ colour: 'red' }, 'colour'],
  ])('answers 400 naming the field for %j, and stores nothing', async (change, field) => {
    const before = (await admin.get('/roundup/build-hooks').expect(200)).body.data.length;
    const res = await admin
      .post('/roundup/build-hooks')
      .send({ name: 'bad', url: 'http://127.0.0.1:9/hook', events: ['roundup.publish'], ...change })
      .expect(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.message).toContain(`${field}:`);
    expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain(field);
    expect((await admin.get('/roundup/build-hooks').expect(200)).body.data).toHaveLength(before);
  });

  it('never shows a secret again, and keeps it when an update leaves it out', async () => {
    const receiver = await startReceiver();
    const hook = await createHook({
      name: 'secretive',
      url: receiver.url,
      events: ['roundup.publish'],
      debounceMs: 0,
      maxWaitMs: 0,
    });
    expect(hook).not.toHaveProperty('secret');
    expect(hook.hasSecret).toBe(true);
    const list = await admin.get('/roundup/build-hooks').expect(200);
    expect(JSON.stringify(list.body)).not.toContain(SECRET.slice(6));
    const updated = await admin
      .put(`/roundup/build-hooks/${hook.id}`)
      .send({
        name: 'secretive',
        url: receiver.url,
        events: ['roundup.publish'],
        debounceMs: 0,
        maxWaitMs: 0,
      })
      .expect(200);
    expect(updated.body.data.hasSecret).toBe(true);
    await makeRoundup(app.strapi, {
      title: 'Signed',
      slug: 'signed',
      sections: { [category]: ['Link'] },
    });
    await waitFor(() => receiver.received.length === 1, 'the signed delivery');
    expect(verified(receiver.received[0]).type).toBe('roundup.publish');
    await receiver.close();
    await admin.del(`/roundup/build-hooks/${hook.id}`).expect(204);
  });

  it('needs the build-hooks permission', async () => {
    const reader = await loginAdmin(app, { actions: ['plugin::roundup.read'] });
    await reader.get('/roundup/build-hooks').expect(403);
    await reader.get('/roundup/deliveries').expect(403);
    await app.http().get('/roundup/build-hooks').expect(401);
  });

  it('stops startup naming the key of a bad hook in the config file', async () => {
    // Another process, so that this app's Strapi stays the only one here.
    const hooks = JSON.stringify([{ name: 'x', url: 'ftp://nope', events: ['roundup.publish'] }]);
    await expect(startAppProcess({ ...ENV, ROUNDUP_BUILD_HOOKS: hooks })).rejects.toThrow(
      /roundup config.*webhooks\.hooks\.0\.url.*must be an absolute http\(s\) URL/
    );
  });
});

describe('the outbound guard', () => {
  const HINT = 'add it to outbound.allow to permit it';

  // Nothing here is sent, nor looked up in DNS: IP literals and localhost names are judged as written.
  // Only loopback targets appear here, so even a broken guard could send nothing off this machine;
  // the private, link-local, metadata and CGNAT ranges are judged in tests/unit/outbound-*.test.ts.
  it.each([
    ['http://127.0.0.2:4000/hook', `points to 127.0.0.2, a loopback address; ${HINT}`],
    ['http://0x7f000002:4000/hook', `points to 127.0.0.2, a loopback address; ${HINT}`],
    ['http://[::1]:4000/hook', `points to ::1, a loopback address; ${HINT}`],
    ['http://localhost:4000/hook', `resolves to ::1, a loopback address; ${HINT}`],
    ['http://localhost.:4000/hook', `resolves to ::1, a loopback address; ${HINT}`],
  ])('answers 400 naming url for %s, and stores nothing', async (url, reason) => {
    const before = (await admin.get('/roundup/build-hooks').expect(200)).body.data.length;
    const res = await admin
      .post('/roundup/build-hooks')
      .send({ name: 'internal', url, events: ['roundup.publish'] })
      .expect(400);
    expect(res.body.error).toMatchObject({ name: 'ValidationError', message: `url: ${reason}` });
    expect(res.body.error.details.errors).toEqual([
      { path: ['url'], message: `url: ${reason}`, name: 'ValidationError' },
    ]);
    expect((await admin.get('/roundup/build-hooks').expect(200)).body.data).toHaveLength(before);
  });

  it('answers 400 to an update that points a hook somewhere refused, and keeps the hook as it was', async () => {
    const receiver = await startReceiver();
    const hook = await createHook({
      name: 'moving',
      url: receiver.url,
      events: ['roundup.publish'],
    });
    const res = await admin
      .put(`/roundup/build-hooks/${hook.id}`)
      .send({ name: 'moving', url: 'http://127.0.0.2:4000/hook', events: ['roundup.publish'] })
      .expect(400);
    expect(res.body.error.message).toBe(`url: points to 127.0.0.2, a loopback address; ${HINT}`);
    expect((await admin.get(`/roundup/build-hooks/${hook.id}`).expect(200)).body.data.url).toBe(
      receiver.url
    );
    await receiver.close();
    await admin.del(`/roundup/build-hooks/${hook.id}`).expect(204);
  });

  it('records a delivery refused at send time with the reason, and retries it like a network error', async () => {
    // A receiver on another loopback address, not on the allowlist: a broken guard would reach it.
    const receiver = await startReceiver([{ status: 200 }], 0, '127.0.0.2');
    const allowed = await startReceiver();
    const hook = await createHook({
      name: 'moved-since',
      url: allowed.url,
      events: ['roundup.publish'],
      retry: { baseDelayMs: 2000, maxDelayMs: 2000, maxAttempts: 2 },
    });
    // The hook was accepted; what its URL means has changed since.
    await app.strapi.db
      .query('plugin::roundup.build-hook')
      .update({ where: { id: hook.id }, data: { url: receiver.url } });
    await admin.post(`/roundup/build-hooks/${hook.id}/trigger`).send({}).expect(202);
    const refusal = `Refused: points to 127.0.0.2, a loopback address; ${HINT}`;
    await waitFor(
      async () => (await deliveriesOf(hook.id))[0]?.attempts === 1,
      'the first attempt'
    );
    const [first] = await deliveriesOf(hook.id);
    expect(first).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastStatus: null,
      lastError: refusal,
    });
    await waitFor(
      async () => (await deliveriesOf(hook.id))[0]?.state === 'failed',
      'the retry, refused again'
    );
    expect((await deliveriesOf(hook.id))[0]).toMatchObject({
      attempts: 2,
      lastError: 'Gave up after 2 attempts',
    });
    expect(receiver.received).toHaveLength(0);
    expect(allowed.received).toHaveLength(0);
    await Promise.all([receiver.close(), allowed.close()]);
    await admin.del(`/roundup/build-hooks/${hook.id}`).expect(204);
  });

  it('stops startup naming the key of a config-file hook whose URL is refused', async () => {
    const hooks = JSON.stringify([
      { name: 'fine', url: 'http://127.0.0.1:9/hook', events: ['roundup.publish'] },
      { name: 'other-loopback', url: 'http://127.0.0.2:4000/hook', events: ['roundup.publish'] },
    ]);
    await expect(startAppProcess({ ...ENV, ROUNDUP_BUILD_HOOKS: hooks })).rejects.toThrow(
      /roundup config: "webhooks\.hooks\.1\.url" points to 127\.0\.0\.2, a loopback address; add it to outbound\.allow/
    );
  });

  it('stops startup naming a malformed ROUNDUP_OUTBOUND_ALLOW entry', async () => {
    await expect(
      startAppProcess({ ...ENV, ROUNDUP_OUTBOUND_ALLOW: '127.0.0.1, 10.0.0.0/99' })
    ).rejects.toThrow(
      /"outbound\.allow\.1" "10\.0\.0\.0\/99" is not a host, IP address or CIDR range/
    );
  });
});

describe('events', () => {
  it("registers roundup events with Strapi's webhook store and emits them on the event hub", async () => {
    const store = app.strapi.get('webhookStore') as any;
    expect(store.allowedEvents.get('ROUNDUP_PUBLISH')).toBe('roundup.publish');
    const seen: string[] = [];
    const listener = (name: string) => async () => {
      seen.push(name);
    };
    const names = ['roundup.publish', 'roundup.unpublish', 'roundup.delete'];
    const handlers = names.map((name) => [name, listener(name)] as const);
    handlers.forEach(([name, fn]) => app.strapi.eventHub.on(name, fn));
    const r = await makeRoundup(app.strapi, {
      title: 'Hub',
      slug: 'hub',
      sections: { [category]: ['Link'] },
    });
    await docs(app.strapi, 'roundup').unpublish({ documentId: r.documentId });
    await docs(app.strapi, 'roundup').publish({ documentId: r.documentId });
    await docs(app.strapi, 'roundup').delete({ documentId: r.documentId });
    handlers.forEach(([name, fn]) => app.strapi.eventHub.off(name, fn));
    expect(seen).toEqual([
      'roundup.publish',
      'roundup.unpublish',
      'roundup.publish',
      'roundup.delete',
    ]);
  });
});
