import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { ACTIONS } from '../../plugins/roundup/shared/permissions';
import { loginAdmin, type AdminClient } from '../helpers/admin';
import { startApp, type TestApp } from '../helpers/app';
import { makeCategory, makeRoundup } from '../helpers/content';
import { emailLinks, textReferences } from '../helpers/newsletter';

interface Received {
  from: string;
  to: string[];
  raw: string;
  mail: ParsedMail;
}

/** A real SMTP server on loopback that takes one login and keeps every message, as sent. */
const startSmtp = async () => {
  const received: Received[] = [];
  const server = new SMTPServer({
    // Plain SMTP on loopback: no certificate to make, and the login still goes over the wire.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === 'curator' && auth.password === 'smtp-secret')
        return callback(null, { user: auth.username });
      return callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw,
          mail: await simpleParser(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(resolve)) };
};

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let app: TestApp;
let admin: AdminClient;
let roundup: Awaited<ReturnType<typeof makeRoundup>>;

beforeAll(async () => {
  smtp = await startSmtp();
  app = await startApp({
    database: 'newsletter-test-send',
    env: {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_USER: 'curator',
      SMTP_PASS: 'smtp-secret',
      EMAIL_FROM: 'Reading <reading@example.com>',
      ROUNDUP_NEWSLETTER_TEST_BURST: '3',
      ROUNDUP_NEWSLETTER_TEST_PER_MINUTE: '1',
    },
  });
  admin = await loginAdmin(app);
  const section = (await makeCategory(app.strapi, { name: 'Mailed links', position: 60 }))
    .documentId;
  roundup = await makeRoundup(app.strapi, {
    title: 'What I read in the inbox',
    excerpt: 'An excerpt for the preheader.',
    intro: 'See [the archive](/archive/) too.',
    sections: { [section]: ['Mail one', 'Mail two', 'Mail three'] },
    publish: false,
  });
});
afterAll(async () => {
  await app?.stop();
  await smtp?.close();
});

const testSend = (client: AdminClient, body: Record<string, unknown>) =>
  client.post(`/roundup/roundups/${roundup.documentId}/newsletter/test`).send(body);

describe('sending a test email through Strapi’s email plugin', () => {
  it('sends the draft to the editor as one multipart/alternative message with every link', async () => {
    const res = await testSend(admin, {}).expect(202);
    expect(res.body.data.subject).toBe('[Test] What I read in the inbox');
    expect(smtp.received).toHaveLength(1);
    const [{ from, to, raw, mail }] = smtp.received;

    expect(from).toBe('reading@example.com');
    expect(to).toEqual([res.body.data.to]);
    expect(res.body.data.to).toMatch(/^editor\d+-\d+@example\.com$/);
    expect(mail.subject).toBe('[Test] What I read in the inbox');
    expect(raw).toMatch(/Content-Type: multipart\/alternative/i);
    expect(raw).toMatch(/Content-Type: text\/plain/i);
    expect(raw).toMatch(/Content-Type: text\/html/i);

    const html = mail.html as string;
    const text = mail.text as string;
    // Every link of the roundup, and the intro's relative link made absolute on the site.
    const links = [
      ...Object.keys(roundup.entries).map(
        (title) => `https://example.com/${encodeURIComponent(title)}`
      ),
      'http://localhost:4000/archive/',
    ];
    const hrefs = emailLinks(html);
    const references = [...textReferences(text).values()];
    for (const link of links) {
      expect(hrefs).toContain(link);
      expect(references).toContain(link);
    }
    expect(html).toContain('An excerpt for the preheader.');
  });

  it('sends to an address typed in', async () => {
    await testSend(admin, { to: 'someone.else@example.org' }).expect(202);
    expect(smtp.received.at(-1)?.to).toEqual(['someone.else@example.org']);
  });

  it('answers 400 naming the field for an address that is none, and sends nothing', async () => {
    const before = smtp.received.length;
    const res = await testSend(admin, { to: 'not an address' }).expect(400);
    expect(res.body.error.message).toBe('to: must be an email address');
    expect(smtp.received).toHaveLength(before);
  });

  it('answers 404 for a roundup that does not exist', async () => {
    await admin.post('/roundup/roundups/nope/newsletter/test').send({}).expect(404);
  });

  it('limits each editor to a few test emails at once', async () => {
    const editor = await loginAdmin(app, { actions: [ACTIONS.newsletter] });
    for (let i = 0; i < 3; i += 1) await testSend(editor, {}).expect(202);
    const refused = await testSend(editor, {}).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.error.message).toMatch(/Too many test emails/);
    // Another editor still has their own allowance.
    await testSend(await loginAdmin(app, { actions: [ACTIONS.newsletter] }), {}).expect(202);
  });

  it('needs the newsletter permission', async () => {
    const reader = await loginAdmin(app, { actions: [ACTIONS.read] });
    await testSend(reader, {}).expect(403);
  });

  it('answers 502 with the provider’s words when it refuses the message', async () => {
    const email = app.strapi.plugin('email') as unknown as { provider: unknown };
    const config = app.strapi.config.get('plugin::email') as { providerOptions: object };
    // The provider made anew from the same options with a wrong password: the server refuses the login.
    const provider = email.provider;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the provider has no types
    const nodemailer = require('@strapi/provider-email-nodemailer');
    email.provider = nodemailer.init(
      { ...config.providerOptions, auth: { user: 'curator', pass: 'wrong' } },
      {}
    );
    try {
      const res = await testSend(await loginAdmin(app), {}).expect(502);
      expect(res.body.error.message).toMatch(/did not accept the message.*Invalid username/);
    } finally {
      email.provider = provider;
    }
  });
});
