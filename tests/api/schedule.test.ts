/**
 * Scheduled publishing on one instance. The app runs in Chatham time (+13:45), a zone no
 * schedule here is given in: the server's own zone must never matter.
 * @jest-environment ./tests/helpers/time-zone-environment.ts
 * @jest-environment-options {"timeZone": "Pacific/Chatham"}
 */
import { docs, loginAdmin, type AdminClient } from '../helpers/admin';
import { startApp, type TestApp } from '../helpers/app';
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

const HOUR = 60 * 60 * 1000;

let app: TestApp;
let admin: AdminClient;
let category: string;

beforeAll(async () => {
  app = await startApp({ database: 'schedule', env: ENV });
  admin = await loginAdmin(app);
  category = (await makeCategory(app.strapi, { name: 'Links' })).documentId;
});
afterAll(async () => {
  await app?.stop();
});

const scheduleOf = async (documentId: string) =>
  (await admin.get(schedulePath(documentId)).expect(200)).body;
const publicRoundup = (slug: string) => app.http().get(`/api/roundup/roundups/${slug}`);
const isPublic = async (slug: string) => (await publicRoundup(slug)).status === 200;
const draft = (title: string, slug: string) =>
  makeRoundup(app.strapi, {
    title,
    slug,
    sections: { [category]: [`${title} link`] },
    publish: false,
  });

describe('a scheduled publish', () => {
  it('publishes the draft as it stands at its time, once, with one build hook delivery, the feed and the rendered output', async () => {
    await withHook(admin, ['roundup.publish'], async (received) => {
      const r = await draft('Scheduled December', 'scheduled-december');
      // Far enough ahead for the checks and the edit below to come first, on a busy machine too.
      const at = secondsAhead(8000);
      const set = await admin
        .put(schedulePath(r.documentId))
        .send({ publishAt: kathmanduWallTime(at), timeZone: KATHMANDU })
        .expect(200);
      expect(set.body).toEqual({
        documentId: r.documentId,
        publish: {
          action: 'publish',
          at: new Date(at).toISOString(),
          wallTime: kathmanduWallTime(at),
          timeZone: KATHMANDU,
          state: 'scheduled',
          ranAt: null,
          lateBySeconds: null,
          error: null,
        },
        unpublish: null,
        last: null,
      });
      const waiting = (await admin.get('/roundup/schedules').expect(200)).body.results;
      expect(waiting).toEqual([expect.objectContaining({ documentId: r.documentId })]);

      // Written after scheduling: the schedule publishes the draft as it is then.
      await docs(app.strapi, 'roundup').update({
        documentId: r.documentId,
        status: 'draft',
        data: { excerpt: 'Written after it was scheduled.' },
      });

      await waitFor(() => isPublic('scheduled-december'), 'the scheduled publish', 30_000);
      const live = (await publicRoundup('scheduled-december').expect(200)).body.data;
      expect(Date.parse(live.publishedAt)).toBeGreaterThanOrEqual(at);
      expect(live.excerpt).toBe('Written after it was scheduled.');

      const rendered = await app
        .http()
        .get('/api/roundup/roundups/scheduled-december/rendered?format=markdown')
        .expect(200);
      expect(rendered.text).toContain('Written after it was scheduled.');
      expect(rendered.text).toContain('Scheduled December link');
      const feed = await app.http().get('/api/roundup/feed?format=json').expect(200);
      expect(JSON.parse(feed.text).items.map((item: { title: string }) => item.title)).toContain(
        'Scheduled December'
      );

      await waitFor(() => received().length >= 1, 'the build hook delivery', 15_000);
      await sleep(2000);
      expect(received()).toEqual([
        expect.objectContaining({
          type: 'roundup.publish',
          data: {
            roundup: expect.objectContaining({
              documentId: r.documentId,
              slug: 'scheduled-december',
            }),
            events: 1,
          },
        }),
      ]);

      const after = await scheduleOf(r.documentId);
      expect(after.publish).toBeNull();
      expect(after.last).toMatchObject({ action: 'publish', state: 'done', error: null });
      expect(Date.parse(after.last.ranAt)).toBeGreaterThanOrEqual(at);
      // On time by the scheduler's own measure: not late by a minute or more.
      expect(after.last.lateBySeconds).toBeLessThan(60);
      expect((await admin.get('/roundup/schedules').expect(200)).body.results).toEqual([]);
    });
  });

  it('takes over a change whose instance stopped while running it, once its lease has run out', async () => {
    const r = await draft('Orphaned', 'orphaned');
    await admin
      .put(schedulePath(r.documentId))
      .send({ publishAt: new Date(Date.now() + HOUR).toISOString() })
      .expect(200);
    // As an instance leaves it when it stops mid-run: claimed, due, its lease running for 6 s more.
    const leaseEnds = Date.now() + 6000;
    await app.strapi.db.query('plugin::roundup.schedule').updateMany({
      where: { roundupDocumentId: r.documentId, state: 'scheduled' },
      data: {
        state: 'running',
        runAt: Date.now() - 1000,
        claimedBy: 'an-instance-that-stopped',
        claimedUntil: leaseEnds,
      },
    });
    await sleep(2000);
    expect(await isPublic('orphaned')).toBe(false);
    await waitFor(() => isPublic('orphaned'), 'the publish taken over', 30_000);
    const live = (await publicRoundup('orphaned').expect(200)).body.data;
    expect(Date.parse(live.publishedAt)).toBeGreaterThanOrEqual(leaseEnds);
    expect((await scheduleOf(r.documentId)).last).toMatchObject({ state: 'done' });
  });
});

describe('cancel and reschedule', () => {
  it('runs only the latest time of a rescheduled change, and nothing once cancelled', async () => {
    const later = await draft('Moved later', 'moved-later');
    const cancelled = await draft('Cancelled', 'cancelled');
    const sooner = await draft('Moved sooner', 'moved-sooner');
    // Far enough ahead that the moves and the cancel below are made before it comes, on a busy machine too.
    const firstTime = secondsAhead(10_000);
    const soon = kathmanduWallTime(firstTime);
    const inAnHour = kathmanduWallTime(secondsAhead(HOUR));

    for (const r of [later, cancelled]) {
      await admin
        .put(schedulePath(r.documentId))
        .send({ publishAt: soon, timeZone: KATHMANDU })
        .expect(200);
    }
    await admin
      .put(schedulePath(sooner.documentId))
      .send({ publishAt: inAnHour, timeZone: KATHMANDU })
      .expect(200);

    const moved = await admin
      .put(schedulePath(later.documentId))
      .send({ publishAt: inAnHour, timeZone: KATHMANDU })
      .expect(200);
    expect(moved.body.publish).toMatchObject({ wallTime: inAnHour, state: 'scheduled' });
    const gone = await admin.del(schedulePath(cancelled.documentId)).expect(200);
    expect(gone.body).toMatchObject({ publish: null, unpublish: null, last: null });
    await admin
      .put(schedulePath(sooner.documentId))
      .send({ publishAt: kathmanduWallTime(secondsAhead(2000)), timeZone: KATHMANDU })
      .expect(200);

    await waitFor(() => isPublic('moved-sooner'), 'the rescheduled publish', 30_000);
    // Two more looks of the scheduler after the first time: still nothing for the other two.
    await sleep(Math.max(0, firstTime - Date.now()) + 2500);
    expect(await isPublic('moved-later')).toBe(false);
    expect(await isPublic('cancelled')).toBe(false);
    expect((await scheduleOf(later.documentId)).publish).toMatchObject({ wallTime: inAnHour });
    const waiting = (await admin.get('/roundup/schedules').expect(200)).body.results;
    expect(waiting.map((s: { documentId: string }) => s.documentId)).toContain(later.documentId);
    expect(waiting.map((s: { documentId: string }) => s.documentId)).not.toContain(
      cancelled.documentId
    );
    await admin.del(schedulePath(later.documentId)).expect(200);
  });

  it('cancels one change and keeps the other', async () => {
    const r = await draft('Both ways', 'both-ways');
    await admin
      .put(schedulePath(r.documentId))
      .send({
        publishAt: '2027-01-04T09:00',
        unpublishAt: '2027-02-01T09:00',
        timeZone: 'Europe/Berlin',
      })
      .expect(200);
    const left = await admin.del(`${schedulePath(r.documentId)}?action=unpublish`).expect(200);
    expect(left.body).toMatchObject({
      publish: { at: '2027-01-04T08:00:00.000Z' },
      unpublish: null,
    });
    const cleared = await admin
      .put(schedulePath(r.documentId))
      .send({ publishAt: null })
      .expect(200);
    expect(cleared.body).toMatchObject({ publish: null, unpublish: null });
  });
});

describe('a scheduled unpublish', () => {
  it('unpublishes at its time, with the unpublish event delivered once', async () => {
    await withHook(admin, ['roundup.unpublish'], async (received) => {
      const r = await makeRoundup(app.strapi, {
        title: 'Goes away',
        slug: 'goes-away',
        sections: { [category]: ['Going'] },
      });
      expect(await isPublic('goes-away')).toBe(true);
      const at = secondsAhead(2000);
      const set = await admin
        .put(schedulePath(r.documentId))
        .send({ unpublishAt: new Date(at).toISOString() })
        .expect(200);
      expect(set.body.unpublish).toMatchObject({
        action: 'unpublish',
        at: new Date(at).toISOString(),
        timeZone: 'UTC',
      });
      await waitFor(async () => !(await isPublic('goes-away')), 'the scheduled unpublish', 30_000);
      await waitFor(() => received().length >= 1, 'the build hook delivery', 15_000);
      await sleep(1500);
      expect(received()).toEqual([
        expect.objectContaining({
          type: 'roundup.unpublish',
          data: expect.objectContaining({ events: 1 }),
        }),
      ]);
      const after = await scheduleOf(r.documentId);
      expect(after).toMatchObject({
        unpublish: null,
        last: { action: 'unpublish', state: 'done' },
      });
      // The draft stays: the roundup can be published again.
      const view = await admin.get(`/roundup/roundups/${r.documentId}/editor`).expect(200);
      expect(view.body.roundup.status).toBe('draft');
    });
  });
});

describe('daylight saving', () => {
  it('runs a time the clocks skip at the first instant after the gap, and keeps the time as given', async () => {
    const r = await draft('Spring forward', 'spring-forward');
    const gap = await admin
      .put(schedulePath(r.documentId))
      .send({ publishAt: '2027-03-28T02:30', timeZone: 'Europe/Berlin' })
      .expect(200);
    // 02:30 does not happen in Berlin that night: 03:00 summer time is 01:00 UTC.
    expect(gap.body.publish).toMatchObject({
      at: '2027-03-28T01:00:00.000Z',
      wallTime: '2027-03-28T02:30',
      timeZone: 'Europe/Berlin',
    });
    const fold = await admin
      .put(schedulePath(r.documentId))
      .send({ publishAt: '2027-10-31T02:30', timeZone: 'Europe/Berlin' })
      .expect(200);
    // 02:30 happens twice: the first, still on summer time (+02:00).
    expect(fold.body.publish).toMatchObject({ at: '2027-10-31T00:30:00.000Z' });
    await admin.del(schedulePath(r.documentId)).expect(200);
  });
});

describe('refusals', () => {
  let kept: { documentId: string };
  const keptTime = '2027-01-04T09:00';

  beforeAll(async () => {
    kept = await draft('Kept schedule', 'kept-schedule');
    await admin
      .put(schedulePath(kept.documentId))
      .send({ publishAt: keptTime, timeZone: 'Europe/Berlin' })
      .expect(200);
  });
  afterEach(async () => {
    // Whatever was refused, the schedule already stored is untouched.
    expect((await scheduleOf(kept.documentId)).publish).toMatchObject({
      wallTime: keptTime,
      timeZone: 'Europe/Berlin',
      state: 'scheduled',
    });
  });

  it.each([
    [
      'a time in the past',
      { publishAt: '2020-01-06T09:00', timeZone: 'Europe/Berlin' },
      'publishAt',
      'must be in the future',
    ],
    [
      'an instant in the past',
      { publishAt: '2020-01-06T08:00:00Z' },
      'publishAt',
      'must be in the future',
    ],
    [
      'a zone that is none',
      { publishAt: '2027-01-05T09:00', timeZone: 'Europe/Bärlin' },
      'timeZone',
      'must be an IANA time zone',
    ],
    [
      'an offset for a zone',
      { publishAt: '2027-01-05T09:00', timeZone: '+01:00' },
      'timeZone',
      'must be an IANA time zone',
    ],
    ['a wall time without a zone', { publishAt: '2027-01-05T09:00' }, 'timeZone', 'is required'],
    [
      'a time that is not one',
      { publishAt: 'next friday', timeZone: 'Europe/Berlin' },
      'publishAt',
      'must be a wall time',
    ],
    [
      'a day the calendar lacks',
      { publishAt: '2027-02-29T09:00', timeZone: 'Europe/Berlin' },
      'publishAt',
      'is not a time of the calendar',
    ],
    [
      'a time too far ahead',
      { publishAt: '2040-01-01T09:00', timeZone: 'Europe/Berlin' },
      'publishAt',
      'days ahead',
    ],
    [
      'an unpublish before the publish',
      { publishAt: '2027-01-05T09:00', unpublishAt: '2027-01-05T08:00', timeZone: 'UTC' },
      'unpublishAt',
      'must be after publishAt',
    ],
    ['a time as a number', { publishAt: 1796457600000 }, 'publishAt', 'must be a time'],
    [
      'a zone as a number',
      { publishAt: '2027-01-05T09:00', timeZone: 1 },
      'timeZone',
      'must be an IANA time zone',
    ],
    [
      'neither time',
      { timeZone: 'Europe/Berlin' },
      'publishAt',
      'publishAt or unpublishAt is required',
    ],
    [
      'an unknown field',
      { publishAt: '2027-01-05T09:00', timeZone: 'UTC', when: 'soon' },
      'when',
      'Unknown field',
    ],
  ])('answers 400 naming the field for %s', async (_what, body, field, message) => {
    const res = await admin.put(schedulePath(kept.documentId)).send(body).expect(400);
    expect(res.body.error.message).toContain(message);
    expect(
      res.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'))
    ).toContain(field);
  });

  it('answers 400 for an unpublish of a roundup that is not published and will not be', async () => {
    const r = await draft('Never out', 'never-out');
    const res = await admin
      .put(schedulePath(r.documentId))
      .send({ unpublishAt: '2027-01-05T09:00', timeZone: 'UTC' })
      .expect(400);
    expect(res.body.error.message).toContain('unpublishAt: has nothing to unpublish');
    expect((await scheduleOf(r.documentId)).unpublish).toBeNull();
  });

  it('answers 400 naming why, at scheduling time, for a roundup a publish would refuse', async () => {
    // A draft may lack its date; a published roundup may not.
    const undated = await docs(app.strapi, 'roundup').create({ data: { title: 'Undated' } });
    const res = await admin
      .put(schedulePath(undated.documentId))
      .send({ publishAt: '2027-01-05T09:00', timeZone: 'Europe/Berlin' })
      .expect(400);
    expect(res.body.error.message).toMatch(
      /^publishAt: cannot be scheduled: the roundup cannot be published as it stands \(.*date/
    );
    expect((await scheduleOf(undated.documentId)).publish).toBeNull();
    // The publish button refuses it for the same reason.
    const now = await admin.post(`/roundup/roundups/${undated.documentId}/publish`).expect(400);
    expect(now.body.error.message).toContain('date');
  });

  it('answers 404 for an unknown roundup', async () => {
    const unknown = schedulePath('nosuchroundup0000000000');
    await admin.get(unknown).expect(404);
    await admin.put(unknown).send({ publishAt: '2027-01-05T09:00', timeZone: 'UTC' }).expect(404);
    await admin.del(unknown).expect(404);
  });

  it('answers 400 for a cancel of an action that is none', async () => {
    const res = await admin.del(`${schedulePath(kept.documentId)}?action=delete`).expect(400);
    expect(res.body.error.details.errors[0].path).toEqual(['action']);
  });

  it('lets a role without the publish action read the schedule but not change it (403)', async () => {
    const reader = await loginAdmin(app, { actions: ['plugin::roundup.read'] });
    await reader.get(schedulePath(kept.documentId)).expect(200);
    await reader.get('/roundup/schedules').expect(200);
    await reader
      .put(schedulePath(kept.documentId))
      .send({ publishAt: '2027-01-05T09:00', timeZone: 'UTC' })
      .expect(403);
    await reader.del(schedulePath(kept.documentId)).expect(403);
    const nobody = await loginAdmin(app, { actions: ['plugin::roundup.build-hooks'] });
    await nobody.get(schedulePath(kept.documentId)).expect(403);
  });
});
