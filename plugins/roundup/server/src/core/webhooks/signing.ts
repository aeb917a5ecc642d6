import { createHmac, randomBytes } from 'node:crypto';

const PREFIX = 'whsec_';
const MIN_KEY_BYTES = 24;
const MAX_KEY_BYTES = 64;

/**
 * The key bytes of a Standard Webhooks secret (`whsec_` + base64 of 24 to 64
 * bytes); throws an Error whose message says what is wrong with it.
 */
export const parseWebhookSecret = (secret: string): Buffer => {
  if (typeof secret !== 'string' || !secret.startsWith(PREFIX)) {
    throw new Error(`must start with "${PREFIX}"`);
  }
  const encoded = secret.slice(PREFIX.length);
  if (!/^[\d+/a-z]*={0,2}$/i.test(encoded) || encoded.length % 4 !== 0) {
    throw new Error(`must be "${PREFIX}" followed by base64 (A-Z, a-z, 0-9, +, / and = padding)`);
  }
  const key = Buffer.from(encoded, 'base64');
  if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
    throw new Error(
      `must hold a key of ${MIN_KEY_BYTES} to ${MAX_KEY_BYTES} bytes, not ${key.length}`
    );
  }
  return key;
};

/** A new secret with a 32-byte random key. */
export const generateWebhookSecret = (): string => PREFIX + randomBytes(32).toString('base64');

export type WebhookHeaders = Record<
  'webhook-id' | 'webhook-timestamp' | 'webhook-signature',
  string
>;

/**
 * The Standard Webhooks headers of one attempt: `v1,` and the base64
 * HMAC-SHA256 of `id.timestamp.body` under the secret's key. A numeric
 * `timestamp` is in seconds.
 */
export const signWebhook = ({
  id,
  timestamp,
  body,
  secret,
}: {
  id: string;
  timestamp: Date | number;
  body: string;
  secret: string;
}): WebhookHeaders => {
  if (!id) throw new Error('a webhook id must not be empty');
  const seconds = Math.floor(timestamp instanceof Date ? timestamp.getTime() / 1000 : timestamp);
  if (!Number.isFinite(seconds)) throw new Error(`not a webhook timestamp: ${String(timestamp)}`);
  const signature = createHmac('sha256', parseWebhookSecret(secret))
    .update(`${id}.${seconds}.${body}`)
    .digest('base64');
  return {
    'webhook-id': id,
    'webhook-timestamp': String(seconds),
    'webhook-signature': `v1,${signature}`,
  };
};
