import type { TestApp } from './app';

/** Tables that only the app's background work reads on its own schedule: the link checker's watchdog, the webhook outbox, the publishing schedule. */
const BACKGROUND = /\b(?:roundup_link_checks|roundup_deliveries|roundup_schedules)\b/;

interface QueryEvent {
  sql: string;
  __knexQueryUid?: string;
}

/**
 * Resolves once `app` has had no statement in flight, and started none, for
 * `quietMs` (at most `longestMs` in all). A write's work that Strapi runs after
 * its commit without waiting for it (the event its webhooks get reads the
 * written document again) would otherwise be counted as the next request's.
 */
const settled = (app: TestApp, quietMs = 150, longestMs = 10_000): Promise<void> =>
  new Promise((resolve) => {
    const knex = app.strapi.db.connection;
    const inFlight = new Set<string>();
    let quiet: NodeJS.Timeout | undefined;
    const done = () => {
      clearTimeout(quiet);
      clearTimeout(longest);
      knex.removeListener('query', started);
      knex.removeListener('query-response', ended);
      knex.removeListener('query-error', ended);
      resolve();
    };
    const waitQuiet = () => {
      clearTimeout(quiet);
      if (inFlight.size === 0) quiet = setTimeout(done, quietMs);
    };
    const started = ({ sql, __knexQueryUid: uid }: QueryEvent) => {
      if (BACKGROUND.test(sql)) return;
      if (uid) inFlight.add(uid);
      waitQuiet();
    };
    const ended = (_answer: unknown, { __knexQueryUid: uid }: QueryEvent) => {
      if (uid && inFlight.delete(uid)) waitQuiet();
    };
    const longest = setTimeout(done, longestMs);
    knex.on('query', started);
    knex.on('query-response', ended);
    knex.on('query-error', ended);
    waitQuiet();
  });

/**
 * The SQL statements `app` sends while `fn` runs, leaving out the background
 * work named above; counting starts once the app is quiet.
 */
const statementsDuring = async (app: TestApp, fn: () => Promise<unknown>): Promise<string[]> => {
  await settled(app);
  const statements: string[] = [];
  const listener = ({ sql }: QueryEvent) => {
    if (BACKGROUND.test(sql)) return;
    statements.push(sql);
    if (process.env.SHOW_SQL) process.stderr.write(`${sql.slice(0, 150)}\n`);
  };
  app.strapi.db.connection.on('query', listener);
  try {
    await fn();
  } finally {
    app.strapi.db.connection.removeListener('query', listener);
  }
  return statements;
};

/**
 * The number of SQL statements `app` sends while `fn` runs, leaving out its
 * background work, which runs on timers whatever the request. SHOW_SQL=true
 * prints the statements counted.
 */
export const countQueries = async (app: TestApp, fn: () => Promise<unknown>): Promise<number> =>
  (await statementsDuring(app, fn)).length;

/**
 * The fewest SQL statements of three runs of `fn`, for a request whose cost
 * does not change when it is repeated (a page answered from the cache, the
 * admin's permission check). Strapi's own timers and the database pool may
 * send a statement at the same moment as any request, on a busy machine more
 * often; a statement the request itself sends is sent on every run. When the
 * fewest is not `expected`, the statements of that run are printed.
 */
export const fewestQueries = async (
  app: TestApp,
  fn: () => Promise<unknown>,
  expected?: number
): Promise<number> => {
  let fewest: string[] | undefined;
  for (let run = 0; run < 3; run += 1) {
    const statements = await statementsDuring(app, fn);
    if (!fewest || statements.length < fewest.length) fewest = statements;
  }
  const found = fewest as string[];
  if (expected !== undefined && found.length !== expected)
    process.stderr.write(
      `${found.length} statements where ${expected} were expected:\n${found.map((sql) => `  ${sql.slice(0, 200)}`).join('\n')}\n`
    );
  return found.length;
};
