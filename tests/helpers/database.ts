import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

export type DatabaseClient = 'sqlite' | 'postgres' | 'mysql';

export const databaseClient = (): DatabaseClient => {
  const client = process.env.DATABASE_CLIENT ?? 'sqlite';
  if (client !== 'sqlite' && client !== 'postgres' && client !== 'mysql') {
    throw new Error(`DATABASE_CLIENT must be sqlite, postgres or mysql, not "${client}"`);
  }
  return client;
};

const server = (client: 'postgres' | 'mysql') => ({
  host: process.env.DATABASE_HOST ?? '127.0.0.1',
  port: Number(process.env.DATABASE_PORT ?? (client === 'postgres' ? 5432 : 3306)),
  user: process.env.DATABASE_USERNAME ?? (client === 'postgres' ? 'postgres' : 'root'),
  password: process.env.DATABASE_PASSWORD ?? '',
});

/**
 * Gives a test file a database of its own with nothing in it, and returns the
 * environment that points the app at it.
 */
export const freshDatabase = async (name: string): Promise<Record<string, string>> => {
  const client = databaseClient();
  const safe = name.replace(/\W/g, '_').toLowerCase();

  if (client === 'sqlite') {
    const file = path.join(ROOT, '.tmp', 'tests', `${safe}.db`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      fs.rmSync(file + suffix, { force: true });
    return { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file };
  }

  // Checkouts that test side by side on one server keep apart with ROUNDUP_TEST_DB_PREFIX.
  const prefix = process.env.ROUNDUP_TEST_DB_PREFIX ?? 'roundup_test_';
  const database = `${prefix}${safe}`.slice(0, 60);
  const connection = server(client);
  if (client === 'postgres') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the driver loads only on its own database
    const { Client } = require('pg');
    const admin = new Client({ ...connection, database: 'postgres' });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${database}"`);
    } finally {
      await admin.end();
    }
  } else {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the driver loads only on its own database
    const mysql = require('mysql2/promise');
    const admin = await mysql.createConnection(connection);
    try {
      await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await admin.query(
        `CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`
      );
    } finally {
      await admin.end();
    }
  }
  return {
    DATABASE_CLIENT: client,
    DATABASE_HOST: connection.host,
    DATABASE_PORT: String(connection.port),
    DATABASE_USERNAME: connection.user,
    DATABASE_PASSWORD: connection.password,
    DATABASE_NAME: database,
  };
};
