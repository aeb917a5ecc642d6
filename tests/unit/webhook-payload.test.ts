import {
  buildRebuildPayload,
  debounceDeadline,
  ROUNDUP_EVENTS,
} from '../../plugins/roundup/server/src/core/webhooks';

describe('ROUNDUP_EVENTS', () => {
  it('lists the four roundup events', () => {
    expect(ROUNDUP_EVENTS).toEqual([
      'roundup.publish',
      'roundup.unpublish',
      'roundup.update',
      'roundup.delete',
    ]);
  });
});

describe('buildRebuildPayload', () => {
  it.each(ROUNDUP_EVENTS)('is the Standard Webhooks body of a %s', (type) => {
    const payload = buildRebuildPayload({
      type,
      timestamp: new Date('2026-07-31T10:00:00Z'),
      roundup: { documentId: 'abc123', slug: 'july', title: 'July & more' },
      events: 3,
    });
    expect(JSON.parse(JSON.stringify(payload))).toEqual({
      type,
      timestamp: '2026-07-31T10:00:00.000Z',
      data: { roundup: { documentId: 'abc123', slug: 'july', title: 'July & more' }, events: 3 },
    });
  });

  it('keeps null fields of a rebuild asked for by hand, and nothing else of the roundup', () => {
    const roundup = { documentId: null, slug: null, title: null, secretNote: 'x' };
    const payload = buildRebuildPayload({
      type: 'roundup.update',
      timestamp: new Date(0),
      roundup,
      events: 1,
    });
    expect(payload.data.roundup).toEqual({ documentId: null, slug: null, title: null });
  });
});

describe('debounceDeadline', () => {
  const hook = { debounceMs: 5_000, maxWaitMs: 60_000 };

  it.each([
    ['one event: the trailing edge', { firstEventAt: 0, lastEventAt: 0 }, 5_000],
    ['a later event moves it', { firstEventAt: 0, lastEventAt: 4_000 }, 9_000],
    ['until maxWait after the first', { firstEventAt: 0, lastEventAt: 55_000 }, 60_000],
    ['never past maxWait', { firstEventAt: 0, lastEventAt: 58_000 }, 60_000],
    ['an event after maxWait is due at once', { firstEventAt: 0, lastEventAt: 90_000 }, 60_000],
    [
      'absolute times',
      { firstEventAt: 1_785_492_000_000, lastEventAt: 1_785_492_001_000 },
      1_785_492_006_000,
    ],
  ])('%s', (_, events, due) => {
    expect(debounceDeadline({ ...events, ...hook })).toBe(due);
  });

  it.each([
    [{ firstEventAt: 0, lastEventAt: 0, debounceMs: 0, maxWaitMs: 0 }, 0],
    [{ firstEventAt: 0, lastEventAt: 3_000, debounceMs: 0, maxWaitMs: 60_000 }, 3_000],
    [{ firstEventAt: 0, lastEventAt: 3_000, debounceMs: 5_000, maxWaitMs: 5_000 }, 5_000],
  ])('%j → %d', (input, due) => {
    expect(debounceDeadline(input)).toBe(due);
  });

  it('makes one delivery of a burst: the deadline only moves while events keep coming', () => {
    const firstEventAt = 1_000;
    const deadlines = [1_000, 2_000, 2_500, 6_000].map((lastEventAt) =>
      debounceDeadline({ firstEventAt, lastEventAt, ...hook })
    );
    expect(deadlines).toEqual([6_000, 7_000, 7_500, 11_000]);
  });
});
