import type { Core } from '@strapi/strapi';
import { secret } from './secrets';

export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  app: {
    keys: env.array('APP_KEYS', [
      secret(env, 'APP_KEYS', 'app-key-1'),
      secret(env, 'APP_KEYS', 'app-key-2'),
    ]),
  },
});
