import {
  planQueue,
  resetFor,
  resultAfterCheck,
  runProgress,
  stepAfter,
  type CheckOutcome,
  type HopStep,
  type KnownResult,
} from '../../plugins/roundup/server/src/core/link-health';

const NOW = Date.UTC(2024, 5, 1);
const DAY = 24 * 60 * 60 * 1000;
const POLICY = { deadAfter: { failures: 3, days: 3 }, recheckDays: 7 };

describe('stepAfter: where a check goes after an answer', () => {
  it.each<[string, number, string | undefined, HopStep]>([
    ['a 200', 200, undefined, { kind: 'final' }],
    ['a 404', 404, undefined, { kind: 'final' }],
    ['a 301 without Location', 301, undefined, { kind: 'final' }],
    ['a 301 to a path', 301, '/new', { kind: 'follow', to: 'https://a.example/new' }],
    [
      'a 302 to another host',
      302,
      'http://b.example/x?y=1',
      { kind: 'follow', to: 'http://b.example/x?y=1' },
    ],
    ['a 308 to a mailto: link', 308, 'mailto:someone@a.example', { kind: 'refused' }],
    ['a 301 to javascript:', 301, 'javascript:alert(1)', { kind: 'refused' }],
    ['a 302 to a Location that is no URL', 302, 'http://[::1', { kind: 'unreadable-location' }],
  ])('%s', (_, status, location, step) => {
    expect(stepAfter(status, location, 'https://a.example/old')).toEqual(step);
  });
});

describe('planQueue: what a run queues', () => {
  const known = (fields: Partial<KnownResult> & { id: number; entryDocumentId: string }) => ({
    url: `https://a.example/${fields.entryDocumentId}`,
    nextCheckAt: String(NOW - DAY),
    ignored: false,
    ...fields,
  });

  it('creates results for new links, queued for the run', () => {
    const plan = planQueue([{ documentId: 'e1', url: 'https://a.example/1' }], [], 7, NOW);
    expect(plan).toEqual({
      stale: [],
      fresh: [
        {
          entryDocumentId: 'e1',
          url: 'https://a.example/1',
          state: 'unchecked',
          failures: 0,
          ignored: false,
          nextCheckAt: NOW,
          queuedRun: 7,
        },
      ],
      changed: [],
      due: [],
    });
  });

  it('drops results of links that are gone and queues only the due ones', () => {
    const plan = planQueue(
      [
        { documentId: 'due', url: 'https://a.example/due' },
        { documentId: 'later', url: 'https://a.example/later' },
        { documentId: 'never', url: 'https://a.example/never' },
        { documentId: 'ignored', url: 'https://a.example/ignored' },
      ],
      [
        known({ id: 1, entryDocumentId: 'due' }),
        known({ id: 2, entryDocumentId: 'later', nextCheckAt: String(NOW + DAY) }),
        known({ id: 3, entryDocumentId: 'never', nextCheckAt: null }),
        known({ id: 4, entryDocumentId: 'ignored', ignored: true }),
        known({ id: 5, entryDocumentId: 'deleted' }),
      ],
      7,
      NOW
    );
    expect(plan.stale).toEqual([5]);
    expect(plan.fresh).toEqual([]);
    expect(plan.due).toEqual([1, 3]);
  });

  it('starts the history of a link whose URL was edited over', () => {
    const plan = planQueue(
      [{ documentId: 'e1', url: 'https://a.example/edited' }],
      [known({ id: 9, entryDocumentId: 'e1', url: 'https://a.example/old' })],
      7,
      NOW
    );
    expect(plan.changed).toEqual([
      { id: 9, data: { ...resetFor('https://a.example/edited', NOW), queuedRun: 7 } },
    ]);
    expect(plan.changed[0].data).toMatchObject({ state: 'unchecked', failures: 0, status: null });
  });
});

describe('resultAfterCheck: what a check writes', () => {
  const healthy = { state: 'ok' as const, deadAnswer: null, failures: 0, firstFailureAt: null };
  const outcome = (fields: Partial<CheckOutcome>): CheckOutcome => ({
    url: 'https://a.example/x',
    finalUrl: 'https://a.example/x',
    redirects: [],
    ...fields,
  });

  it('records a healthy answer and rests the link for recheckDays', () => {
    expect(resultAfterCheck(healthy, outcome({ status: 200 }), NOW, POLICY)).toEqual({
      state: 'ok',
      deadAnswer: null,
      failures: 0,
      firstFailureAt: null,
      status: 200,
      reason: null,
      finalUrl: 'https://a.example/x',
      newUrl: null,
      redirects: [],
      lastCheckedAt: NOW,
      nextCheckAt: NOW + 7 * DAY,
    });
  });

  it('names the new URL of a link that moved for good', () => {
    const moved = outcome({
      status: 200,
      finalUrl: 'https://b.example/x',
      redirects: [{ url: 'https://a.example/x', status: 301 }],
    });
    expect(resultAfterCheck(healthy, moved, NOW, POLICY)).toMatchObject({
      state: 'moved',
      newUrl: 'https://b.example/x',
    });
  });

  it('counts a dead answer from stored digits, and keeps the link unknown until the rule is met', () => {
    const failing = {
      state: 'unknown' as const,
      deadAnswer: 'not-found' as const,
      failures: 1,
      firstFailureAt: String(NOW - DAY),
    };
    expect(resultAfterCheck(failing, outcome({ status: 404 }), NOW, POLICY)).toMatchObject({
      state: 'unknown',
      failures: 2,
      firstFailureAt: NOW - DAY,
      nextCheckAt: NOW,
    });
  });

  it('gives the reason of an answer it cannot judge', () => {
    const result = resultAfterCheck(healthy, outcome({ error: 'timeout' }), NOW, POLICY);
    expect(result.state).toBe('unknown');
    expect(result.reason).toEqual(expect.any(String));
    expect(result.reason).not.toBe('');
  });
});

describe('runProgress: how far a run got', () => {
  const run = {
    id: 3,
    state: 'running' as const,
    trigger: 'manual' as const,
    startedAt: String(NOW),
    finishedAt: null,
    total: 10,
  };

  it('counts what is no longer queued as checked, by state', () => {
    expect(
      runProgress(run, 4, [
        { state: 'ok', n: '5' },
        { state: 'dead', n: 1 },
      ])
    ).toEqual({
      id: 3,
      state: 'running',
      trigger: 'manual',
      startedAt: new Date(NOW).toISOString(),
      finishedAt: null,
      total: 10,
      checked: 6,
      byState: { ok: 5, dead: 1 },
    });
  });

  it('says a finished run checked all it queued, whatever is left', () => {
    const finished = { ...run, state: 'finished' as const, finishedAt: NOW + 60_000 };
    expect(runProgress(finished, 2, [])).toMatchObject({
      checked: 10,
      finishedAt: new Date(NOW + 60_000).toISOString(),
    });
  });

  it('never counts below nothing', () => {
    expect(runProgress({ ...run, total: null }, 5, []).checked).toBe(0);
  });
});
