import type { Core } from '@strapi/strapi';
import { secret } from './secrets';

export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: {
    secret: secret(env, 'ADMIN_JWT_SECRET', 'admin-jwt'),
  },
  apiToken: {
    salt: secret(env, 'API_TOKEN_SALT', 'api-token-salt'),
  },
  transfer: {
    token: {
      salt: secret(env, 'TRANSFER_TOKEN_SALT', 'transfer-token-salt'),
    },
  },
  secrets: {
    encryptionKey: secret(env, 'ENCRYPTION_KEY', 'encryption-key'),
  },
  flags: {
    nps: false,
    promoteEE: false,
  },
});
