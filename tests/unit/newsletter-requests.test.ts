import {
  NEWSLETTER_DEFAULTS,
  newsletterSchema,
} from '../../plugins/roundup/server/src/config/newsletter';
import {
  buttondownAccount,
  buttondownDraftRequest,
  createdId,
  mailchimpAccount,
  mailchimpApiRoot,
  mailchimpCreateCampaign,
  mailchimpSetContent,
  mailchimpUpdateCampaign,
  serviceErrorMessage,
} from '../../plugins/roundup/server/src/core/newsletter';

const CONTENT = {
  subject: 'July',
  html: '<!DOCTYPE html><p>x</p>',
  text: 'x',
  preview: 'An excerpt.',
};
const config = (overrides: Record<string, unknown> = {}) =>
  newsletterSchema.parse({ ...NEWSLETTER_DEFAULTS, ...overrides });
const MAILCHIMP = {
  apiKey: 'abc123-us6',
  listId: 'list1',
  fromName: 'Reading',
  replyTo: 'me@example.com',
};

// Buttondown: https://docs.buttondown.com/api-emails-create and …/api-emails-update.
describe('Buttondown requests', () => {
  const account = { baseUrl: 'https://api.buttondown.com/', apiKey: 'bd-key' };

  it('creates a draft with POST /v1/emails, the token and status "draft"', () => {
    const request = buttondownDraftRequest(account, null, CONTENT);
    expect(request).toMatchObject({
      method: 'POST',
      url: 'https://api.buttondown.com/v1/emails',
      headers: { authorization: 'Token bd-key', 'content-type': 'application/json' },
    });
    expect(JSON.parse(request.body)).toEqual({
      subject: 'July',
      body: CONTENT.html,
      status: 'draft',
    });
  });

  it('updates the draft it has with PATCH /v1/emails/{id}, leaving its status alone', () => {
    const request = buttondownDraftRequest(account, 'a/b', CONTENT);
    expect(request.method).toBe('PATCH');
    expect(request.url).toBe('https://api.buttondown.com/v1/emails/a%2Fb');
    expect(JSON.parse(request.body)).toEqual({ subject: 'July', body: CONTENT.html });
  });
});

// Mailchimp Marketing API 3.0: https://mailchimp.com/developer/marketing/api/campaigns/.
describe('Mailchimp requests', () => {
  it.each([
    [{ apiKey: 'abc123-us6' }, 'https://us6.api.mailchimp.com/3.0'],
    [{ apiKey: ' abc123-us21 ' }, 'https://us21.api.mailchimp.com/3.0'],
    [{ apiKey: 'abc123' }, null],
    [{ apiKey: 'abc123-us6.evil.example/x' }, null],
    [{ apiKey: 'abc123-us6', baseUrl: 'http://127.0.0.1:9000//' }, 'http://127.0.0.1:9000/3.0'],
  ])('reads the API root of %j', (account, root) => {
    expect(mailchimpApiRoot(account)).toBe(root);
  });

  const root = 'https://us6.api.mailchimp.com/3.0';
  const basic = `Basic ${Buffer.from('roundup:abc123-us6').toString('base64')}`;

  it('creates a regular campaign for the audience with POST /campaigns', () => {
    const request = mailchimpCreateCampaign(MAILCHIMP, root, CONTENT);
    expect(request).toMatchObject({
      method: 'POST',
      url: `${root}/campaigns`,
      headers: { authorization: basic },
    });
    expect(JSON.parse(request.body)).toEqual({
      type: 'regular',
      recipients: { list_id: 'list1' },
      settings: {
        subject_line: 'July',
        preview_text: 'An excerpt.',
        title: 'July',
        from_name: 'Reading',
        reply_to: 'me@example.com',
      },
    });
  });

  it('updates settings with PATCH /campaigns/{id} and content with PUT /campaigns/{id}/content', () => {
    const update = mailchimpUpdateCampaign(MAILCHIMP, root, 'c1', CONTENT);
    expect(update).toMatchObject({ method: 'PATCH', url: `${root}/campaigns/c1` });
    expect(JSON.parse(update.body).settings.subject_line).toBe('July');
    const content = mailchimpSetContent(MAILCHIMP, root, 'c1', CONTENT);
    expect(content).toMatchObject({ method: 'PUT', url: `${root}/campaigns/c1/content` });
    expect(JSON.parse(content.body)).toEqual({ html: CONTENT.html, plain_text: 'x' });
  });
});

describe("a service's own error message", () => {
  it.each([
    [400, '{"detail":"Subject is too long."}', 'HTTP 400: Subject is too long.'],
    [
      400,
      '{"detail":[{"loc":["body","subject"],"msg":"field required"}]}',
      'HTTP 400: body.subject: field required',
    ],
    [
      401,
      '{"title":"API Key Invalid","status":401,"detail":"Your API key may be invalid."}',
      'HTTP 401: API Key Invalid: Your API key may be invalid.',
    ],
    [
      400,
      '{"title":"Invalid Resource","detail":"Bad.","errors":[{"field":"reply_to","message":"Not an address."}]}',
      'HTTP 400: Invalid Resource: Bad.: reply_to: Not an address.',
    ],
    [502, '<html>Bad gateway</html>', 'HTTP 502: <html>Bad gateway</html>'],
    [500, '', 'HTTP 500: no message'],
  ])('reads %i %s', (status, body, message) => {
    expect(serviceErrorMessage(status, body)).toBe(message);
  });

  it('is cut at 500 characters', () => {
    expect(serviceErrorMessage(400, JSON.stringify({ detail: 'x'.repeat(2000) }))).toHaveLength(
      500
    );
  });

  it.each([
    ['{"id":"b3f1"}', 'b3f1'],
    ['{"id":42}', '42'],
    ['{"id":null}', null],
    ['not json', null],
  ])('reads the created id of %s', (body, id) => {
    expect(createdId(body)).toBe(id);
  });
});

describe('accounts from the configuration and the environment', () => {
  it('names the variable to set when a key is missing', () => {
    expect(buttondownAccount(config(), {}).problem).toBe(
      'Buttondown is not set up: set BUTTONDOWN_API_KEY to an API key of the newsletter'
    );
    expect(buttondownAccount(config(), { BUTTONDOWN_API_KEY: 'k' }).account).toEqual({
      baseUrl: 'https://api.buttondown.com',
      apiKey: 'k',
    });
  });

  it('names everything Mailchimp still needs', () => {
    expect(mailchimpAccount(config(), {}).problem).toBe(
      'Mailchimp is not set up: set MAILCHIMP_API_KEY, newsletter.mailchimp.listId (the audience), newsletter.mailchimp.fromName, newsletter.mailchimp.replyTo'
    );
    const mailchimp = { apiKeyEnv: 'MC_KEY', listId: 'l', fromName: 'f', replyTo: 'r@example.com' };
    expect(mailchimpAccount(config({ mailchimp }), { MC_KEY: 'nodatacentre' }).problem).toMatch(
      /does not end in its data centre/
    );
    expect(mailchimpAccount(config({ mailchimp }), { MC_KEY: 'k-us6' }).account?.root).toBe(
      'https://us6.api.mailchimp.com/3.0'
    );
  });

  it.each([
    [{ lang: 'en english' }, 'lang'],
    [{ pushOnPublish: ['substack'] }, 'pushOnPublish.0'],
    [{ buttondown: { apiKeyEnv: 'the key', baseUrl: 'https://x' } }, 'buttondown.apiKeyEnv'],
    [{ mailchimp: { apiKeyEnv: 'K', replyTo: 'nobody' } }, 'mailchimp.replyTo'],
  ])('refuses %j, naming the key', (overrides, path) => {
    const result = newsletterSchema.safeParse({ ...NEWSLETTER_DEFAULTS, ...overrides });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });
});
