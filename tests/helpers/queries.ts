import type { TestApp } from './app';

/** Tables that only the app's background work reads on its own schedule: the link checker's watchdog, the webhook outbox, the publishing schedule. */
const BACKGROUND = /\b(?:roundup_link_checks|roundup_deliveries|roundup_schedules)\b/;

/**
 * The number of SQL statements `app` sends while `fn` runs, leaving out its
 * background work, which runs on timers whatever the request. SHOW_SQL=true
 * prints the statements counted.
 */
export const countQueries = async (app: TestApp, fn: () => Promise<unknown>): Promise<number> => {
  let count = 0;
  const listener = ({ sql }: { sql: string }) => {
    if (BACKGROUND.test(sql)) return;
    count += 1;
    if (process.env.SHOW_SQL) process.stderr.write(`${sql.slice(0, 150)}\n`);
  };
  app.strapi.db.connection.on('query', listener);
  try {
    await fn();
  } finally {
    app.strapi.db.connection.removeListener('query', listener);
  }
  return count;
};
