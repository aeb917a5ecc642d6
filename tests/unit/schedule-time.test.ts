/**
 * The server's own zone must never matter: these run in one whose offset is odd and has summer time.
 * @jest-environment ./tests/helpers/time-zone-environment.ts
 * @jest-environment-options {"timeZone": "Pacific/Chatham"}
 */
import {
  knownTimeZone,
  describeRun,
  instantOf,
  isLateRun,
  parseScheduleTime,
  planSchedule,
  resolveScheduleTime,
  shouldRetry,
  wallTimeAt,
  type WallTime,
} from '../../plugins/roundup/server/src/core/schedule';

const wall = (text: string): WallTime => {
  const parsed = parseScheduleTime(text);
  if (parsed.kind !== 'wall') throw new Error(`not a wall time: ${text}`);
  return parsed.wall;
};
const iso = (ms: number) => new Date(ms).toISOString();
const NOW = Date.parse('2026-12-03T06:00:00Z');

it('runs in a server time zone of its own (Chatham, +13:45 in December)', () => {
  expect(new Date(Date.UTC(2026, 11, 1)).getTimezoneOffset()).toBe(-(13 * 60 + 45));
});

describe('a wall time in a zone becomes an instant', () => {
  it.each([
    // zone, wall time, instant, how it fits
    ['Europe/Berlin', '2026-12-05T09:00', '2026-12-05T08:00:00.000Z', 'exact'],
    ['Europe/Berlin', '2027-07-02T09:00', '2027-07-02T07:00:00.000Z', 'exact'],
    ['America/New_York', '2027-01-15T09:00', '2027-01-15T14:00:00.000Z', 'exact'],
    ['Asia/Kathmandu', '2027-01-01T00:00', '2026-12-31T18:15:00.000Z', 'exact'],
    ['Pacific/Chatham', '2027-01-01T12:00', '2026-12-31T22:15:00.000Z', 'exact'],
    ['UTC', '2027-02-28T23:59:30', '2027-02-28T23:59:30.000Z', 'exact'],
    // The hour skipped in spring runs at the first instant after the gap.
    ['Europe/Berlin', '2027-03-28T02:30', '2027-03-28T01:00:00.000Z', 'after-gap'],
    ['Europe/Berlin', '2027-03-28T02:00', '2027-03-28T01:00:00.000Z', 'after-gap'],
    ['America/New_York', '2027-03-14T02:30', '2027-03-14T07:00:00.000Z', 'after-gap'],
    ['America/St_Johns', '2027-03-14T02:30', '2027-03-14T05:30:00.000Z', 'after-gap'],
    // Lord Howe moves its clocks by half an hour; Chatham at 02:45.
    ['Australia/Lord_Howe', '2027-10-03T02:15', '2027-10-02T15:30:00.000Z', 'after-gap'],
    ['Pacific/Chatham', '2027-09-26T03:00', '2027-09-25T14:00:00.000Z', 'after-gap'],
    // The hour repeated in autumn is its first time round, still on summer time.
    ['Europe/Berlin', '2027-10-31T02:30', '2027-10-31T00:30:00.000Z', 'earlier-of-two'],
    ['America/New_York', '2027-11-07T01:30', '2027-11-07T05:30:00.000Z', 'earlier-of-two'],
    ['Australia/Sydney', '2027-04-04T02:30', '2027-04-03T15:30:00.000Z', 'earlier-of-two'],
    ['Australia/Lord_Howe', '2027-04-04T01:45', '2027-04-03T14:45:00.000Z', 'earlier-of-two'],
    // Either side of a change, the time reads as it is written.
    ['Europe/Berlin', '2027-03-28T01:59', '2027-03-28T00:59:00.000Z', 'exact'],
    ['Europe/Berlin', '2027-03-28T03:00', '2027-03-28T01:00:00.000Z', 'exact'],
    ['Europe/Berlin', '2027-10-31T03:00', '2027-10-31T02:00:00.000Z', 'exact'],
  ])('%s %s is %s (%s)', (zone, text, instant, fit) => {
    const result = instantOf(wall(text), zone);
    expect({ instant: iso(result.instant), fit: result.fit }).toEqual({ instant, fit });
  });

  it('reads back as the same wall time wherever the time exists', () => {
    const berlin = instantOf(wall('2026-12-05T09:00'), 'Europe/Berlin').instant;
    expect(wallTimeAt(berlin, 'Europe/Berlin')).toEqual(wall('2026-12-05T09:00'));
    const gap = instantOf(wall('2027-03-28T02:30'), 'Europe/Berlin').instant;
    expect(wallTimeAt(gap, 'Europe/Berlin')).toEqual(wall('2027-03-28T03:00'));
  });
});

describe('time zones', () => {
  it.each([
    ['Europe/Berlin', 'Europe/Berlin'],
    ['europe/berlin', 'Europe/Berlin'],
    ['UTC', 'UTC'],
    ['utc', 'UTC'],
    ['Etc/UTC', 'Etc/UTC'],
    ['Asia/Kathmandu', 'Asia/Kathmandu'],
    ['Europe/Kyiv', 'Europe/Kyiv'],
    ['Etc/GMT+5', 'Etc/GMT+5'],
    ['Mars/Olympus', null],
    ['+01:00', null],
    ['-0500', null],
    ['', null],
    ['Europe/Berlin'.repeat(6), null],
  ])('%j is %j', (zone, canonical) => {
    expect(knownTimeZone(zone)).toBe(canonical);
  });
});

describe('the times a schedule accepts', () => {
  it.each([
    ['2026-12-05T09:00', { kind: 'wall', wall: wall('2026-12-05T09:00') }],
    ['2026-12-05T09:00:30', { kind: 'wall', wall: { ...wall('2026-12-05T09:00'), second: 30 } }],
    ['2026-12-05T08:00:00Z', { kind: 'instant', instant: Date.parse('2026-12-05T08:00:00Z') }],
    [
      '2026-12-05T09:00:00.250+01:00',
      { kind: 'instant', instant: Date.parse('2026-12-05T08:00:00.250Z') },
    ],
    ['2026-12-05T03:30-04:30', { kind: 'instant', instant: Date.parse('2026-12-05T08:00:00Z') }],
  ])('%s', (text, parsed) => {
    expect(parseScheduleTime(text)).toEqual(parsed);
  });

  it.each([
    ['next friday', 'must be a wall time'],
    ['2026-12-05', 'must be a wall time'],
    ['2026-12-05 09:00', 'must be a wall time'],
    ['2026-12-05T9:00', 'must be a wall time'],
    ['2026-13-05T09:00', 'is not a time of the calendar'],
    ['2027-02-29T09:00', 'is not a time of the calendar'],
    ['2026-12-05T24:00', 'is not a time of the calendar'],
    ['2026-12-05T09:60', 'is not a time of the calendar'],
    ['2026-12-05T09:00+25:00', 'has an offset that is not one'],
  ])('refuses %j', (text, message) => {
    const parsed = parseScheduleTime(text);
    expect(parsed.kind).toBe('problem');
    expect(parsed.kind === 'problem' && parsed.message).toContain(message);
  });
});

describe('resolving a requested time', () => {
  it('keeps the wall time as given and its zone, its case corrected', () => {
    expect(resolveScheduleTime('publishAt', '2026-12-05T09:00', 'europe/berlin', NOW)).toEqual({
      instant: Date.parse('2026-12-05T08:00:00Z'),
      wallTime: '2026-12-05T09:00',
      timeZone: 'Europe/Berlin',
      fit: 'exact',
    });
  });

  it('keeps the wall time exactly as written, seconds and all', () => {
    expect(resolveScheduleTime('publishAt', '2026-12-05T09:00:00', 'UTC', NOW)).toMatchObject({
      wallTime: '2026-12-05T09:00:00',
    });
  });

  it('shows an instant in the zone given, UTC without one', () => {
    expect(
      resolveScheduleTime('publishAt', '2026-12-05T08:00:00Z', 'Europe/Berlin', NOW)
    ).toMatchObject({
      wallTime: '2026-12-05T09:00',
      timeZone: 'Europe/Berlin',
    });
    expect(resolveScheduleTime('publishAt', '2026-12-05T08:00:00Z', undefined, NOW)).toMatchObject({
      wallTime: '2026-12-05T08:00',
      timeZone: 'UTC',
    });
  });

  it.each([
    ['2026-12-03T06:59', 'Europe/Berlin', 'publishAt', 'must be in the future'],
    ['2026-12-03T06:00:00Z', 'Europe/Berlin', 'publishAt', 'must be in the future'],
    ['2032-01-01T09:00', 'Europe/Berlin', 'publishAt', 'must be at most 1830 days ahead'],
    ['2026-12-05T09:00', 'Europe/Bärlin', 'timeZone', 'must be an IANA time zone'],
    ['2026-12-05T09:00', undefined, 'timeZone', 'is required to read publishAt as a wall time'],
    ['soon', 'Europe/Berlin', 'publishAt', 'must be a wall time'],
  ])('%j in %j: %s %s', (text, zone, path, message) => {
    const problems = resolveScheduleTime('publishAt', text, zone, NOW);
    expect(problems).toEqual([{ path, message: expect.stringContaining(message) }]);
  });
});

describe('planning a request', () => {
  const unpublished = { published: false, pendingPublishAt: null };
  const published = { published: true, pendingPublishAt: null };

  it('sets, keeps and cancels each change', () => {
    const plan = planSchedule(
      { publishAt: '2026-12-05T09:00', unpublishAt: null, timeZone: 'Europe/Berlin' },
      unpublished,
      NOW
    );
    expect(plan).toEqual({
      publish: expect.objectContaining({ instant: Date.parse('2026-12-05T08:00:00Z') }),
      unpublish: null,
    });
    expect(planSchedule({ unpublishAt: '2026-12-06T08:00:00Z' }, published, NOW)).toEqual({
      publish: undefined,
      unpublish: expect.objectContaining({ timeZone: 'UTC' }),
    });
  });

  it.each([
    [
      'an unpublish before the publish',
      { publishAt: '2026-12-05T09:00', unpublishAt: '2026-12-05T08:00', timeZone: 'UTC' },
      unpublished,
      'unpublishAt',
      'must be after publishAt',
    ],
    [
      'an unpublish of a roundup that is not published and will not be',
      { unpublishAt: '2026-12-05T09:00', timeZone: 'UTC' },
      unpublished,
      'unpublishAt',
      'has nothing to unpublish',
    ],
    [
      'an unpublish before the publish already scheduled',
      { unpublishAt: '2026-12-05T09:00', timeZone: 'UTC' },
      { published: false, pendingPublishAt: Date.parse('2026-12-06T09:00:00Z') },
      'unpublishAt',
      'has nothing to unpublish',
    ],
    [
      'an unpublish of a roundup whose scheduled publish is cancelled with it',
      { publishAt: null, unpublishAt: '2026-12-07T09:00', timeZone: 'UTC' },
      { published: false, pendingPublishAt: Date.parse('2026-12-06T09:00:00Z') },
      'unpublishAt',
      'has nothing to unpublish',
    ],
  ])('refuses %s', (_what, input, timeline, path, message) => {
    expect(planSchedule(input, timeline, NOW)).toEqual([
      { path, message: expect.stringContaining(message) },
    ]);
  });

  it('accepts an unpublish after the publish already scheduled', () => {
    const plan = planSchedule(
      { unpublishAt: '2026-12-07T09:00', timeZone: 'UTC' },
      { published: false, pendingPublishAt: Date.parse('2026-12-06T09:00:00Z') },
      NOW
    );
    expect(plan).toEqual({
      publish: undefined,
      unpublish: expect.objectContaining({ wallTime: '2026-12-07T09:00' }),
    });
  });

  it('names a bad zone once for both times', () => {
    expect(
      planSchedule(
        { publishAt: '2026-12-05T09:00', unpublishAt: '2026-12-06T09:00', timeZone: 'Nowhere' },
        unpublished,
        NOW
      )
    ).toEqual([{ path: 'timeZone', message: expect.stringContaining('"Nowhere"') }]);
  });
});

describe('runs', () => {
  const started = Date.parse('2026-12-05T08:10:00Z');
  const due = Date.parse('2026-12-05T08:00:00Z');

  it.each([
    ['fell due before the instance started', true, due, due + 600_000],
    ['ran within a minute of its time', false, started + 1000, started + 2500],
    ['ran more than a minute after its time', true, started + 1000, started + 62_000],
  ])('a run that %s is late: %s', (_what, late, runAt, ranAt) => {
    expect(isLateRun({ runAt, ranAt, startedAt: started })).toBe(late);
  });

  it('says how late, and when it was due as given and in UTC', () => {
    expect(
      describeRun({
        action: 'publish',
        title: 'December',
        wallTime: '2026-12-05T09:00',
        timeZone: 'Europe/Berlin',
        runAt: due,
        ranAt: due + 73_400,
        late: true,
      })
    ).toBe(
      'Scheduled publish of "December" ran late by 73 s: due 2026-12-05T09:00 Europe/Berlin (2026-12-05T08:00:00.000Z), ran 2026-12-05T08:01:13.400Z'
    );
  });

  it.each([
    [1, false, true],
    [4, false, true],
    [5, false, false],
    [1, true, false],
  ])('after %i attempts (refused: %s) tries again: %s', (attempts, refused, again) => {
    expect(shouldRetry(attempts, refused)).toBe(again);
  });
});
