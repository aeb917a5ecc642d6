/**
 * Scheduled publishing across instances that share a database: each change runs exactly
 * once, and one that fell due while no instance ran runs when the next one starts. The
 * instances run in different server zones (Chatham here, St. John's for the others).
 * @jest-environment ./tests/helpers/time-zone-environment.ts
 * @jest-environment-options {"timeZone": "Pacific/Chatham"}
 */
import { loginAdmin, type AdminClient } from '../helpers/admin';
import { startApp, type TestApp } from '../helpers/app';
import { startAppProcess } from '../helpers/app-process';
import { makeCategory, makeRoundup } from '../helpers/content';
import { waitFor } from '../helpers/receiver';
import {
  KATHMANDU,
  kathmanduWallTime,
  SCHEDULE_ENV as ENV,
  schedulePath,
  secondsAhead,
  sleep,
  withHook,
} from '../helpers/schedule';

// Both instances look every second, on the same whole seconds: they race for every change.
const OTHER_INSTANCE = { ...ENV, TZ: 'America/St_Johns' };

let app: TestApp;
let admin: AdminClient;
let category: string;

beforeAll(async () => {
  app = await startApp({ database: 'schedule_instances', env: ENV });
  admin = await loginAdmin(app);
  category = (await makeCategory(app.strapi, { name: 'Links' })).documentId;
});
afterAll(async () => {
  await app?.stop();
});

const isPublic = async (slug: string) =>
  (await app.http().get(`/api/roundup/roundups/${slug}`)).status === 200;

it('publishes each roundup once when two instances race for it, with one delivery each', async () => {
  await withHook(admin, ['roundup.publish'], async (received) => {
    const second = await startAppProcess(OTHER_INSTANCE);
    try {
      const roundups: Awaited<ReturnType<typeof makeRoundup>>[] = [];
      for (const n of [1, 2, 3, 4, 5]) {
        roundups.push(
          await makeRoundup(app.strapi, {
            title: `Raced ${n}`,
            slug: `raced-${n}`,
            sections: { [category]: [`Raced link ${n}`] },
            publish: false,
          })
        );
      }
      // All at the same instant, given in two zones.
      const at = secondsAhead(4000);
      for (const [i, r] of roundups.entries()) {
        const body =
          i % 2 === 0
            ? { publishAt: kathmanduWallTime(at), timeZone: KATHMANDU }
            : { publishAt: new Date(at).toISOString(), timeZone: 'America/Los_Angeles' };
        await admin.put(schedulePath(r.documentId)).send(body).expect(200);
      }

      await waitFor(
        async () => (await Promise.all(roundups.map((r) => isPublic(r.slug)))).every(Boolean),
        'every scheduled publish',
        30_000
      );
      await waitFor(() => received().length >= roundups.length, 'the deliveries', 15_000);
      await sleep(2500);
      const requests = received();
      expect(requests).toHaveLength(roundups.length);
      expect(requests.map((request) => request.data.roundup.slug).sort()).toEqual(
        roundups.map((r) => r.slug).sort()
      );
      // One publish per roundup: a second one within the debounce would have made this 2.
      expect(requests.map((request) => request.data.events)).toEqual(roundups.map(() => 1));
      for (const r of roundups) {
        const { body } = await admin.get(schedulePath(r.documentId)).expect(200);
        expect(body).toMatchObject({ publish: null, last: { state: 'done', error: null } });
      }
    } finally {
      await second.stop();
    }
  });
});

it('runs a publish that fell due while every instance was stopped at the next start, and logs how late', async () => {
  const r = await makeRoundup(app.strapi, {
    title: 'Due while down',
    slug: 'due-while-down',
    sections: { [category]: ['Waited'] },
    publish: false,
  });
  const at = secondsAhead(2000);
  await admin
    .put(schedulePath(r.documentId))
    .send({ publishAt: kathmanduWallTime(at), timeZone: KATHMANDU })
    .expect(200);
  await app.stop();
  await sleep(at + 3000 - Date.now());

  // Its cron looks once a year: only the look at startup can run the change.
  const next = await startAppProcess({ ...OTHER_INSTANCE, ROUNDUP_SCHEDULE_CRON: '0 0 0 1 1 *' });
  try {
    await waitFor(
      async () => (await next.http().get('/api/roundup/roundups/due-while-down')).status === 200,
      'the publish at startup',
      30_000
    );
    await waitFor(() => next.output().includes('ran late by'), 'the log line', 10_000);
    const line = next.output().match(/Scheduled publish of "Due while down" ran late by (\d+) s/);
    expect(line).not.toBeNull();
    expect(Number(line![1])).toBeGreaterThanOrEqual(3);
    expect(next.output()).toContain(`due ${kathmanduWallTime(at)} ${KATHMANDU}`);
  } finally {
    await next.stop();
  }

  app = await startApp({ database: 'schedule_instances', env: ENV, reuseDatabase: true });
  admin = await loginAdmin(app);
  expect(await isPublic('due-while-down')).toBe(true);
  const { body } = await admin.get(schedulePath(r.documentId)).expect(200);
  expect(body.last).toMatchObject({ action: 'publish', state: 'done' });
  expect(body.last.lateBySeconds).toBeGreaterThanOrEqual(3);
});
