import { Webhook } from 'standardwebhooks';
import {
  generateWebhookSecret,
  parseWebhookSecret,
  signWebhook,
} from '../../plugins/roundup/server/src/core/webhooks';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const BODY = JSON.stringify({ type: 'roundup.publish', data: { events: 1 } });

describe('signWebhook', () => {
  it.each([
    ['a Date', new Date()],
    ['seconds', Math.floor(Date.now() / 1000)],
  ])('signs what the standardwebhooks library verifies, timestamp given as %s', (_, timestamp) => {
    const headers = signWebhook({ id: 'msg_1', timestamp, body: BODY, secret: SECRET });
    expect(new Webhook(SECRET).verify(BODY, headers)).toEqual(JSON.parse(BODY));
    expect(headers['webhook-id']).toBe('msg_1');
    expect(headers['webhook-timestamp']).toMatch(/^\d+$/);
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+={0,2}$/);
  });

  it.each([
    ['a tampered body', { body: BODY.replace('1', '2') }, {}],
    ['another secret', { secret: generateWebhookSecret() }, {}],
    ['another id', {}, { 'webhook-id': 'msg_2' }],
    ['another timestamp', {}, { 'webhook-timestamp': String(Math.floor(Date.now() / 1000) - 1) }],
  ])('fails verification for %s', (_, receiver: { body?: string; secret?: string }, forged) => {
    const headers = signWebhook({ id: 'msg_1', timestamp: new Date(), body: BODY, secret: SECRET });
    expect(() =>
      new Webhook(receiver.secret ?? SECRET).verify(receiver.body ?? BODY, {
        ...headers,
        ...forged,
      })
    ).toThrow();
  });

  it('fails verification once the timestamp is older than the receiver tolerates', () => {
    const headers = signWebhook({
      id: 'msg_1',
      timestamp: new Date(Date.now() - 10 * 60 * 1000),
      body: BODY,
      secret: SECRET,
    });
    expect(() => new Webhook(SECRET).verify(BODY, headers)).toThrow();
  });

  it('is the HMAC-SHA256 of id.timestamp.body of the reference test vector', () => {
    const headers = signWebhook({
      id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      timestamp: 1614265330,
      body: '{"test": 2432232314}',
      secret: SECRET,
    });
    expect(headers).toEqual({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
  });

  it('writes whole seconds', () => {
    const at = { id: 'msg_1', body: BODY, secret: SECRET };
    expect(signWebhook({ ...at, timestamp: new Date(1614265330999) })['webhook-timestamp']).toBe(
      '1614265330'
    );
    expect(signWebhook({ ...at, timestamp: 1614265330.9 })['webhook-timestamp']).toBe('1614265330');
  });

  it.each([
    ['an empty id', { id: '' }, 'a webhook id must not be empty'],
    ['an invalid Date', { timestamp: new Date('nope') }, 'not a webhook timestamp'],
    ['a bad secret', { secret: 'hunter2' }, 'must start with "whsec_"'],
  ])('throws for %s', (_, change, message) => {
    expect(() =>
      signWebhook({ id: 'msg_1', timestamp: new Date(), body: BODY, secret: SECRET, ...change })
    ).toThrow(message);
  });
});

describe('parseWebhookSecret', () => {
  it.each([
    ['', 'must start with "whsec_"'],
    ['MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'must start with "whsec_"'],
    ['WHSEC_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'must start with "whsec_"'],
    ['whsec_not base64!', 'must be "whsec_" followed by base64'],
    ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS', 'must be "whsec_" followed by base64'],
    ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLa-_', 'must be "whsec_" followed by base64'],
    ['whsec_', 'must hold a key of 24 to 64 bytes, not 0'],
    ['whsec_c2hvcnQ=', 'must hold a key of 24 to 64 bytes, not 5'],
    [`whsec_${Buffer.alloc(23).toString('base64')}`, 'must hold a key of 24 to 64 bytes, not 23'],
    [`whsec_${Buffer.alloc(65).toString('base64')}`, 'must hold a key of 24 to 64 bytes, not 65'],
  ])('refuses %j: %s', (secret, message) => {
    expect(() => parseWebhookSecret(secret)).toThrow(message);
  });

  it.each([24, 32, 64])('accepts a key of %d bytes', (bytes) => {
    const key = Buffer.alloc(bytes, 7);
    expect(parseWebhookSecret(`whsec_${key.toString('base64')}`)).toEqual(key);
  });

  it('reads the key the standardwebhooks library reads', () => {
    expect(parseWebhookSecret(SECRET).toString('base64')).toBe('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
  });
});

describe('generateWebhookSecret', () => {
  it('makes a new valid secret with a 32-byte key each time', () => {
    const secrets = [generateWebhookSecret(), generateWebhookSecret()];
    expect(secrets[0]).not.toBe(secrets[1]);
    for (const secret of secrets) {
      expect(secret).toMatch(/^whsec_/);
      expect(parseWebhookSecret(secret)).toHaveLength(32);
    }
  });
});
