import { ACTIONS } from '../../plugins/roundup/shared/permissions';
import { docs, loginAdmin, type AdminClient } from '../helpers/admin';
import { startApp, type TestApp } from '../helpers/app';
import { makeCategory, makeRoundup } from '../helpers/content';
import { startNewsletterServices } from '../helpers/newsletter-services';
import { waitFor } from '../helpers/receiver';

const KEYS = { buttondown: 'bd-test-key-123', mailchimp: '0123456789abcdef0123-us6' };

let app: TestApp;
let services: Awaited<ReturnType<typeof startNewsletterServices>>;
let admin: AdminClient;
let section: string;

beforeAll(async () => {
  services = await startNewsletterServices(KEYS);
  app = await startApp({
    database: 'newsletter-push',
    env: {
      ROUNDUP_OUTBOUND_ALLOW: '127.0.0.1',
      ROUNDUP_WEBHOOK_POLL_MS: '50',
      ROUNDUP_NEWSLETTER_RETRY_BASE_MS: '100',
      ROUNDUP_BUTTONDOWN_API_URL: services.url,
      ROUNDUP_MAILCHIMP_API_URL: services.url,
      ROUNDUP_MAILCHIMP_LIST_ID: 'list-1',
      ROUNDUP_MAILCHIMP_FROM_NAME: 'Reading',
      ROUNDUP_MAILCHIMP_REPLY_TO: 'curator@example.com',
      ROUNDUP_NEWSLETTER_PUSH_ON_PUBLISH: 'buttondown',
      BUTTONDOWN_API_KEY: KEYS.buttondown,
      MAILCHIMP_API_KEY: KEYS.mailchimp,
    },
  });
  admin = await loginAdmin(app);
  section = (await makeCategory(app.strapi, { name: 'Newsletter links', position: 50 })).documentId;
});
afterAll(async () => {
  await app?.stop();
  await services?.close();
});

const draftRoundup = (title: string) =>
  makeRoundup(app.strapi, {
    title,
    excerpt: `The excerpt of ${title}.`,
    sections: { [section]: [`${title} link one`, `${title} link two`] },
    publish: false,
  });

const push = (documentId: string, service: string) =>
  admin.post(`/roundup/roundups/${documentId}/newsletter/push`).send({ service });

const since = (from: number) => services.requests.slice(from);

describe('pushing a roundup to Buttondown as a draft', () => {
  it('creates the draft once, then updates the same draft', async () => {
    const roundup = await draftRoundup('Buttondown month');
    const before = services.requests.length;

    const first = await push(roundup.documentId, 'buttondown').expect(202);
    expect(first.body.data).toMatchObject({
      service: 'buttondown',
      problem: null,
      lastPush: { state: 'delivered', attempts: 1, lastError: null },
    });
    const [create] = since(before);
    expect(create).toMatchObject({
      method: 'POST',
      path: '/v1/emails',
      authorization: `Token ${KEYS.buttondown}`,
      contentType: 'application/json',
      body: { subject: 'Buttondown month', status: 'draft' },
    });
    expect(create.body.body).toContain('Buttondown month link one');
    expect(create.body.body).toMatch(/^<!DOCTYPE html>/);
    const id = first.body.data.draft.remoteId;
    expect(services.emails.get(id)).toMatchObject({ status: 'draft' });

    await docs(app.strapi, 'roundup').update({
      documentId: roundup.documentId,
      data: { title: 'Buttondown month, revised' },
    });
    const second = await push(roundup.documentId, 'buttondown').expect(202);
    const [update] = since(before + 1);
    expect(update).toMatchObject({
      method: 'PATCH',
      path: `/v1/emails/${id}`,
      authorization: `Token ${KEYS.buttondown}`,
      body: { subject: 'Buttondown month, revised' },
    });
    expect(update.body).not.toHaveProperty('status');
    expect(second.body.data.draft.remoteId).toBe(id);
    expect(since(before)).toHaveLength(2);
  });

  it("shows the service's own message for a 4xx, and does not retry it", async () => {
    const roundup = await draftRoundup('Refused month');
    services.failNext({ status: 400, body: { detail: 'Subject is too long.' } });
    const before = services.requests.length;
    const res = await push(roundup.documentId, 'buttondown').expect(202);
    expect(res.body.data.lastPush).toMatchObject({
      state: 'failed',
      lastStatus: 400,
      lastError: 'HTTP 400: Subject is too long.',
    });
    expect(res.body.data.draft).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(since(before)).toHaveLength(1);
  });

  it('retries a 5xx like a delivery until the service takes it', async () => {
    const roundup = await draftRoundup('Retried month');
    services.failNext({ status: 503, body: { detail: 'Down for maintenance.' } });
    const res = await push(roundup.documentId, 'buttondown').expect(202);
    expect(res.body.data.lastPush).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastStatus: 503,
      lastError: 'HTTP 503: Down for maintenance.',
    });
    expect(res.body.data.lastPush.dueAt).not.toBeNull();

    const status = () =>
      admin.get(`/roundup/roundups/${roundup.documentId}/newsletter`).expect(200);
    await waitFor(
      async () => (await status()).body.data.services[0].lastPush.state === 'delivered',
      'the retried push'
    );
    const after = (await status()).body.data.services[0];
    expect(after.lastPush).toMatchObject({ attempts: 2, lastError: null });
    expect(services.emails.get(after.draft.remoteId)).toMatchObject({
      subject: 'Retried month',
      status: 'draft',
    });
  });

  it('makes a new draft when the one it had was deleted in Buttondown', async () => {
    const roundup = await draftRoundup('Deleted month');
    const first = await push(roundup.documentId, 'buttondown').expect(202);
    services.emails.delete(first.body.data.draft.remoteId);
    const second = await push(roundup.documentId, 'buttondown').expect(202);
    expect(second.body.data.lastPush.state).toBe('delivered');
    expect(second.body.data.draft.remoteId).not.toBe(first.body.data.draft.remoteId);
  });

  it('pushes the published roundup on publish when configured to', async () => {
    const roundup = await draftRoundup('Published month');
    await admin.post(`/roundup/roundups/${roundup.documentId}/publish`).expect(200);
    const status = () =>
      admin.get(`/roundup/roundups/${roundup.documentId}/newsletter`).expect(200);
    await waitFor(
      async () => (await status()).body.data.services[0].lastPush?.state === 'delivered',
      'the push on publish'
    );
    const { draft, pushOnPublish } = (await status()).body.data.services[0];
    expect(pushOnPublish).toBe(true);
    expect(services.emails.get(draft.remoteId)).toMatchObject({
      subject: 'Published month',
      status: 'draft',
    });
  });
});

describe('pushing a roundup to Mailchimp as a campaign', () => {
  it('creates a regular campaign for the audience, sets its content, then updates the same one', async () => {
    const roundup = await draftRoundup('Mailchimp month');
    const before = services.requests.length;
    const basic = `Basic ${Buffer.from(`roundup:${KEYS.mailchimp}`).toString('base64')}`;

    const first = await push(roundup.documentId, 'mailchimp').expect(202);
    expect(first.body.data.lastPush.state).toBe('delivered');
    const id = first.body.data.draft.remoteId;
    const [create, content] = since(before);
    expect(create).toMatchObject({
      method: 'POST',
      path: '/3.0/campaigns',
      authorization: basic,
      body: {
        type: 'regular',
        recipients: { list_id: 'list-1' },
        settings: {
          subject_line: 'Mailchimp month',
          preview_text: 'The excerpt of Mailchimp month.',
          from_name: 'Reading',
          reply_to: 'curator@example.com',
        },
      },
    });
    expect(content).toMatchObject({ method: 'PUT', path: `/3.0/campaigns/${id}/content` });
    expect(content.body.html).toContain('Mailchimp month link two');
    expect(content.body.plain_text).toContain('Mailchimp month link two');

    await push(roundup.documentId, 'mailchimp').expect(202);
    const [update, content2] = since(before + 2);
    expect(update).toMatchObject({
      method: 'PATCH',
      path: `/3.0/campaigns/${id}`,
      authorization: basic,
      body: { settings: { subject_line: 'Mailchimp month' } },
    });
    expect(content2).toMatchObject({ method: 'PUT', path: `/3.0/campaigns/${id}/content` });
    expect(since(before).filter((req) => req.method === 'POST')).toHaveLength(1);
    expect(services.campaigns.get(id)).toMatchObject({ status: 'save' });
    expect(since(before).some((req) => req.path.includes('/actions/'))).toBe(false);
  });

  it("shows Mailchimp's problem document for a 4xx", async () => {
    const roundup = await draftRoundup('Invalid month');
    services.failNext({
      status: 400,
      body: {
        title: 'Invalid Resource',
        status: 400,
        detail: 'The resource submitted could not be validated.',
        errors: [{ field: 'recipients.list_id', message: 'This list does not exist.' }],
      },
    });
    const res = await push(roundup.documentId, 'mailchimp').expect(202);
    expect(res.body.data.lastPush.lastError).toBe(
      'HTTP 400: Invalid Resource: The resource submitted could not be validated.: recipients.list_id: This list does not exist.'
    );
  });
});

describe('the newsletter routes', () => {
  it('never return an API key', async () => {
    const roundup = await draftRoundup('Secret month');
    await push(roundup.documentId, 'mailchimp').expect(202);
    const res = await admin.get(`/roundup/roundups/${roundup.documentId}/newsletter`).expect(200);
    expect(JSON.stringify(res.body)).not.toContain(KEYS.mailchimp);
    expect(JSON.stringify(res.body)).not.toContain(KEYS.buttondown);
    const rows = await app.strapi.db.query('plugin::roundup.newsletter-draft').findMany();
    expect(JSON.stringify(rows)).not.toMatch(/bd-test-key|0123456789abcdef0123/);
  });

  it('answer 400 naming the field for an unknown service, and 404 for an unknown roundup', async () => {
    const roundup = await draftRoundup('Bad request month');
    const bad = await push(roundup.documentId, 'substack').expect(400);
    expect(bad.body.error.message).toMatch(/^service: must be "buttondown" or "mailchimp"/);
    const extra = await admin
      .post(`/roundup/roundups/${roundup.documentId}/newsletter/push`)
      .send({ service: 'buttondown', send: true })
      .expect(400);
    expect(extra.body.error.message).toContain('Unknown field: send');
    await push('no-such-roundup', 'buttondown').expect(404);
  });

  it('say which variable to set for a service that is not set up', async () => {
    const roundup = await draftRoundup('Unconfigured month');
    const key = process.env.BUTTONDOWN_API_KEY;
    delete process.env.BUTTONDOWN_API_KEY;
    try {
      const res = await push(roundup.documentId, 'buttondown').expect(503);
      expect(res.body.error.message).toBe(
        'Buttondown is not set up: set BUTTONDOWN_API_KEY to an API key of the newsletter'
      );
      const status = await admin
        .get(`/roundup/roundups/${roundup.documentId}/newsletter`)
        .expect(200);
      expect(status.body.data.services[0].problem).toMatch(/BUTTONDOWN_API_KEY/);
    } finally {
      process.env.BUTTONDOWN_API_KEY = key;
    }
  });

  it('say what to configure for a test send when no email provider is set up', async () => {
    const roundup = await draftRoundup('Unsent month');
    const status = await admin
      .get(`/roundup/roundups/${roundup.documentId}/newsletter`)
      .expect(200);
    expect(status.body.data.testSend.problem).toMatch(/SMTP_HOST/);
    const res = await admin
      .post(`/roundup/roundups/${roundup.documentId}/newsletter/test`)
      .send({})
      .expect(503);
    expect(res.body.error.message).toMatch(/No email provider is set up.*SMTP_HOST/);
  });

  it('need the newsletter permission', async () => {
    const roundup = await draftRoundup('Forbidden month');
    const reader = await loginAdmin(app, { actions: [ACTIONS.read] });
    await reader.get(`/roundup/roundups/${roundup.documentId}/newsletter`).expect(403);
    await reader
      .post(`/roundup/roundups/${roundup.documentId}/newsletter/push`)
      .send({ service: 'buttondown' })
      .expect(403);
    const sender = await loginAdmin(app, { actions: [ACTIONS.newsletter] });
    await sender.get(`/roundup/roundups/${roundup.documentId}/newsletter`).expect(200);
  });
});
