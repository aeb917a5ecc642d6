import type { Core } from '@strapi/strapi';
import { secret } from './secrets';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  roundup: {
    enabled: true,
    resolve: './plugins/roundup',
    config: {},
  },
  'users-permissions': {
    config: {
      jwtSecret: secret(env, 'JWT_SECRET', 'users-permissions-jwt'),
    },
  },
});
