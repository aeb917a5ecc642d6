import { createHmac, randomBytes } from 'node:crypto';

const PREFIX = 'whsec_';

/**
 * The key bytes of a Standard Webhooks secret (`whsec_` + base64), or an
 * Error saying what is wrong with it.
 */
export const parseWebhookSecret = (secret: string): Buffer => {
  if (!secret.startsWith(PREFIX)) throw new Error('must start with "whsec_"');
  const encoded = secret.slice(PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 !== 0) {
    throw new Error('must be "whsec_" followed by base64');
  }
  const key = Buffer.from(encoded, 'base64');
  if (key.length < 24 || key.length > 64) throw new Error('must hold a key of 24 to 64 bytes');
  return key;
};

export const generateWebhookSecret = (): string => PREFIX + randomBytes(32).toString('base64');

/**
 * The Standard Webhooks headers for one attempt: the signature is an
 * HMAC-SHA256 of `id.timestamp.body` with the secret's key.
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
}): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> => {
  const seconds = String(Math.floor((timestamp instanceof Date ? timestamp.getTime() : timestamp * 1000) / 1000));
  const signature = createHmac('sha256', parseWebhookSecret(secret))
    .update(`${id}.${seconds}.${body}`)
    .digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': seconds, 'webhook-signature': `v1,${signature}` };
};
