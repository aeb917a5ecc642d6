import path from 'path';
import type { Core } from '@strapi/strapi';

/**
 * SQLite by default (a file under .tmp/), PostgreSQL or MySQL/MariaDB when
 * DATABASE_CLIENT is `postgres` or `mysql`. Either DATABASE_URL or the
 * DATABASE_HOST/PORT/NAME/USERNAME/PASSWORD variables describe the server.
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const client = env('DATABASE_CLIENT', 'sqlite');

  const server = (defaultPort: number, defaultUser: string) => ({
    connectionString: env('DATABASE_URL'),
    host: env('DATABASE_HOST', '127.0.0.1'),
    port: env.int('DATABASE_PORT', defaultPort),
    database: env('DATABASE_NAME', 'roundup'),
    user: env('DATABASE_USERNAME', defaultUser),
    password: env('DATABASE_PASSWORD', ''),
  });

  const connections: Record<string, unknown> = {
    sqlite: {
      connection: {
        filename: path.resolve(__dirname, '..', '..', env('DATABASE_FILENAME', '.tmp/data.db')),
      },
      useNullAsDefault: true,
    },
    postgres: {
      connection: { ...server(5432, 'postgres'), schema: env('DATABASE_SCHEMA', 'public') },
      pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
    },
    mysql: {
      connection: server(3306, 'root'),
      pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
    },
  };

  if (!(client in connections)) {
    throw new Error(`DATABASE_CLIENT must be sqlite, postgres or mysql (got "${client}")`);
  }

  return {
    connection: {
      client,
      ...(connections[client] as object),
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
    },
  };
};
