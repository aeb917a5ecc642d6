import {
  classifyOutcome,
  IDLE_HOST,
  interleaveByHost,
  mayStart,
  needsGetAfterHead,
  NEW_LINK,
  nextCheckAt,
  recordCheck,
  retryAfterWait,
  started,
  sent,
  quietAt,
  finished,
  waybackUrl,
  type CheckOutcome,
  type CheckVerdict,
  type LinkHistory,
} from '../../plugins/roundup/server/src/core/link-health';

const URL_A = 'https://blog.example/2019/05/post';
const outcome = (fields: Partial<CheckOutcome>): CheckOutcome => ({
  url: URL_A,
  finalUrl: URL_A,
  redirects: [],
  ...fields,
});

describe('classifyOutcome', () => {
  it.each<[string, Partial<CheckOutcome>, CheckVerdict]>([
    ['200', { status: 200 }, { kind: 'ok' }],
    ['204', { status: 204 }, { kind: 'ok' }],
    ['404', { status: 404 }, { kind: 'dead', answer: 'not-found' }],
    ['410', { status: 410 }, { kind: 'dead', answer: 'not-found' }],
    ['DNS failure', { error: 'dns' }, { kind: 'dead', answer: 'dns' }],
    [
      'connection refused',
      { error: 'connection-refused' },
      { kind: 'dead', answer: 'connection-refused' },
    ],
    ['timeout', { error: 'timeout' }, { kind: 'unknown', reason: 'timeout' }],
    ['network error', { error: 'network' }, { kind: 'unknown', reason: 'network' }],
    ['refused by the outbound guard', { error: 'refused' }, { kind: 'unknown', reason: 'refused' }],
    ['429', { status: 429 }, { kind: 'unknown', reason: 'rate-limited' }],
    ['500', { status: 500 }, { kind: 'unknown', reason: 'server-error' }],
    ['503', { status: 503 }, { kind: 'unknown', reason: 'server-error' }],
    ['403', { status: 403 }, { kind: 'unknown', reason: 'http-403' }],
    ['LinkedIn 999', { status: 999 }, { kind: 'unknown', reason: 'bot-wall' }],
    [
      'Cloudflare challenge header',
      { status: 403, headers: { 'cf-mitigated': 'challenge' } },
      { kind: 'unknown', reason: 'bot-wall' },
    ],
    [
      'Cloudflare challenge page',
      {
        status: 503,
        headers: { server: 'cloudflare' },
        bodyStart: '<title>Just a moment...</title>',
      },
      { kind: 'unknown', reason: 'bot-wall' },
    ],
    [
      'a 404 with a Cloudflare challenge header is a wall, not a missing page',
      { status: 404, headers: { 'cf-mitigated': 'challenge' } },
      { kind: 'unknown', reason: 'bot-wall' },
    ],
    [
      'permanent redirect to another page',
      {
        status: 200,
        finalUrl: 'https://new.example/post',
        redirects: [{ url: URL_A, status: 301 }],
      },
      { kind: 'moved', newUrl: 'https://new.example/post' },
    ],
    [
      '301 chain: the end of the permanent hops',
      {
        status: 200,
        finalUrl: 'https://c.example/post',
        redirects: [
          { url: URL_A, status: 301 },
          { url: 'https://b.example/post', status: 308 },
        ],
      },
      { kind: 'moved', newUrl: 'https://c.example/post' },
    ],
    [
      'permanent hop then a temporary one: moved to where the permanent hops lead',
      {
        status: 200,
        finalUrl: 'https://b.example/login?next=post',
        redirects: [
          { url: URL_A, status: 301 },
          { url: 'https://b.example/post', status: 302 },
        ],
      },
      { kind: 'moved', newUrl: 'https://b.example/post' },
    ],
    [
      'temporary redirect to another page is fine',
      {
        status: 200,
        finalUrl: 'https://blog.example/login',
        redirects: [{ url: URL_A, status: 302 }],
      },
      { kind: 'ok' },
    ],
    [
      'http to https of the same page is not a move',
      {
        url: 'http://blog.example/2019/05/post',
        status: 200,
        finalUrl: 'https://blog.example/2019/05/post/',
        redirects: [{ url: 'http://blog.example/2019/05/post', status: 301 }],
      },
      { kind: 'ok' },
    ],
    [
      'redirect to the home page',
      { status: 200, finalUrl: 'https://blog.example/', redirects: [{ url: URL_A, status: 301 }] },
      { kind: 'probably-gone' },
    ],
    [
      'temporary redirect to the home page',
      { status: 200, finalUrl: 'https://blog.example/', redirects: [{ url: URL_A, status: 302 }] },
      { kind: 'probably-gone' },
    ],
    [
      "a home page link redirected to another host's home page is moved, not gone",
      {
        url: 'https://blog.example/',
        status: 200,
        finalUrl: 'https://www.blog.example/',
        redirects: [{ url: 'https://blog.example/', status: 301 }],
      },
      { kind: 'moved', newUrl: 'https://www.blog.example/' },
    ],
    [
      'redirect that ends in a 404',
      {
        status: 404,
        finalUrl: 'https://new.example/post',
        redirects: [{ url: URL_A, status: 301 }],
      },
      { kind: 'dead', answer: 'not-found' },
    ],
  ])('%s', (_name, fields, verdict) => {
    expect(classifyOutcome(outcome(fields))).toEqual(verdict);
  });
});

describe('needsGetAfterHead', () => {
  it.each<[number | undefined, string | undefined, boolean]>([
    [200, undefined, false],
    [405, undefined, true],
    [403, undefined, true],
    [404, undefined, true],
    [500, undefined, true],
    [501, undefined, true],
    [429, undefined, false],
    [301, undefined, false],
    [undefined, 'network', true],
    [undefined, 'timeout', false],
    [undefined, 'dns', false],
  ])('HEAD answered %s %s: GET %s', (status, error, get) => {
    expect(needsGetAfterHead(status, error as never)).toBe(get);
  });
});

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 10, 1, 3);
const DEFAULT_RULE = { failures: 3, days: 3 };
const notFound: CheckVerdict = { kind: 'dead', answer: 'not-found' };
const replay = (verdicts: [number, CheckVerdict][], rule = DEFAULT_RULE) =>
  verdicts.reduce<LinkHistory>(
    (history, [at, verdict]) => recordCheck(history, verdict, at, rule),
    NEW_LINK
  );

describe('recordCheck: the dead-after rule', () => {
  it.each<[string, [number, CheckVerdict][], LinkHistory['state'], number]>([
    ['one 404 is not dead', [[T0, notFound]], 'unknown', 1],
    [
      'three 404s in one night are not dead',
      [
        [T0, notFound],
        [T0 + 1000, notFound],
        [T0 + 2000, notFound],
      ],
      'unknown',
      3,
    ],
    [
      'three 404s over two days are not dead',
      [
        [T0, notFound],
        [T0 + DAY, notFound],
        [T0 + 2 * DAY, notFound],
      ],
      'unknown',
      3,
    ],
    [
      '404 three times over three days is dead',
      [
        [T0, notFound],
        [T0 + DAY, notFound],
        [T0 + 3 * DAY, notFound],
      ],
      'dead',
      3,
    ],
    [
      'a 200 in between starts over',
      [
        [T0, notFound],
        [T0 + DAY, { kind: 'ok' }],
        [T0 + 2 * DAY, notFound],
        [T0 + 5 * DAY, notFound],
      ],
      'unknown',
      2,
    ],
    [
      'a timeout in between neither counts nor breaks the run',
      [
        [T0, notFound],
        [T0 + DAY, { kind: 'unknown', reason: 'timeout' }],
        [T0 + 2 * DAY, notFound],
        [T0 + 3 * DAY, notFound],
      ],
      'dead',
      3,
    ],
    [
      'a different dead answer starts over',
      [
        [T0, notFound],
        [T0 + 2 * DAY, { kind: 'dead', answer: 'dns' }],
        [T0 + 4 * DAY, { kind: 'dead', answer: 'dns' }],
      ],
      'unknown',
      2,
    ],
    [
      'a dead link stays dead through a timeout',
      [
        [T0, notFound],
        [T0 + DAY, notFound],
        [T0 + 3 * DAY, notFound],
        [T0 + 4 * DAY, { kind: 'unknown', reason: 'timeout' }],
      ],
      'dead',
      3,
    ],
    [
      'a dead link that answers again is healthy',
      [
        [T0, notFound],
        [T0 + DAY, notFound],
        [T0 + 3 * DAY, notFound],
        [T0 + 10 * DAY, { kind: 'ok' }],
      ],
      'ok',
      0,
    ],
  ])('%s', (_name, verdicts, state, failures) => {
    const history = replay(verdicts);
    expect(history.state).toBe(state);
    expect(history.failures).toBe(failures);
  });

  it('keeps when the failures started', () => {
    expect(
      replay([
        [T0, notFound],
        [T0 + DAY, notFound],
      ]).firstFailureAt
    ).toBe(T0);
  });

  it('with 1 failure over 0 days, one 404 is dead', () => {
    expect(replay([[T0, notFound]], { failures: 1, days: 0 }).state).toBe('dead');
  });
});

describe('nextCheckAt', () => {
  const policy = { healthyMs: 7 * DAY, settledMs: 7 * DAY };
  it.each<[LinkHistory['state'], number]>([
    ['ok', T0 + 7 * DAY],
    ['moved', T0 + 7 * DAY],
    ['dead', T0 + 7 * DAY],
    ['probably-gone', T0 + 7 * DAY],
    ['unknown', T0],
    ['unchecked', T0],
  ])('%s → %s', (state, at) => {
    expect(nextCheckAt({ ...NEW_LINK, state }, T0, policy)).toBe(at);
  });
});

describe('host pacing', () => {
  const policy = { maxConcurrent: 2, intervalMs: 1000 };

  it('starts the first request at once, and the next one interval after it left', () => {
    expect(mayStart(IDLE_HOST, T0, policy)).toEqual({ go: true });
    const one = sent(started(IDLE_HOST), T0);
    expect(mayStart(one, T0 + 400, policy)).toEqual({ go: false, waitMs: 600 });
    expect(mayStart(one, T0 + 1000, policy)).toEqual({ go: true });
  });

  it('counts the interval from when a request left, not when it started', () => {
    const starting = started(IDLE_HOST);
    // Until it leaves, nobody knows when the next may: wait for it.
    expect(mayStart(starting, T0 + 2000, policy)).toEqual({ go: false, waitMs: null });
    const late = sent(starting, T0 + 250);
    expect(mayStart(late, T0 + 1000, policy)).toEqual({ go: false, waitMs: 250 });
    expect(mayStart(late, T0 + 1250, policy)).toEqual({ go: true });
  });

  it('counts a request that failed before it was known to leave as sent when it ended', () => {
    const failed = finished(started(IDLE_HOST), T0 + 300, { wasSent: false });
    expect(failed).toMatchObject({ inFlight: 0, unsent: 0, lastSentAt: T0 + 300 });
    expect(mayStart(failed, T0 + 1000, policy)).toEqual({ go: false, waitMs: 300 });
  });

  it('never has more than two requests in flight', () => {
    const two = sent(started(sent(started(IDLE_HOST), T0)), T0 + 1000);
    expect(mayStart(two, T0 + 5000, policy)).toEqual({ go: false, waitMs: null });
    expect(mayStart(finished(two, T0 + 5000, { wasSent: true }), T0 + 5000, policy)).toEqual({
      go: true,
    });
  });

  it('waits for a Retry-After', () => {
    const limited = finished(sent(started(IDLE_HOST), T0), T0 + 100, {
      wasSent: true,
      retryAfterMs: 5000,
    });
    expect(mayStart(limited, T0 + 1100, policy)).toEqual({ go: false, waitMs: 4000 });
    expect(mayStart(limited, T0 + 5100, policy)).toEqual({ go: true });
  });

  it('is quiet an interval after the last request left', () => {
    expect(quietAt(IDLE_HOST, T0, policy)).toBe(T0);
    expect(quietAt(sent(started(IDLE_HOST), T0), T0 + 400, policy)).toBe(T0 + 1000);
    expect(quietAt(sent(started(IDLE_HOST), T0), T0 + 1400, policy)).toBe(T0 + 1400);
  });

  it.each<[number | undefined, number | undefined, number, number | null]>([
    [429, 2000, 1, 2000],
    [503, 2000, 1, 2000],
    [429, 2000, 2, null],
    [429, undefined, 1, null],
    [429, 120_000, 1, null],
    [500, 2000, 1, null],
  ])(
    'status %s with Retry-After %s ms on attempt %s: wait %s',
    (status, retryAfter, attempt, wait) => {
      expect(retryAfterWait(status, retryAfter, attempt, 60_000)).toBe(wait);
    }
  );

  it('interleaves hosts', () => {
    const links = [
      'http://a/1',
      'http://a/2',
      'http://a/3',
      'http://b/1',
      'http://c/1',
      'http://c/2',
    ].map((url) => ({ url }));
    expect(interleaveByHost(links).map((l) => l.url)).toEqual([
      'http://a/1',
      'http://b/1',
      'http://c/1',
      'http://a/2',
      'http://c/2',
      'http://a/3',
    ]);
  });
});

describe('waybackUrl', () => {
  it.each<[string, string | Date, string]>([
    [
      'https://blog.example/post?id=1',
      '2020-07-31',
      'https://web.archive.org/web/20200731/https://blog.example/post?id=1',
    ],
    [
      'http://old.example/',
      new Date(Date.UTC(2019, 0, 5, 12)),
      'https://web.archive.org/web/20190105/http://old.example/',
    ],
  ])('%s near %s', (url, date, expected) => {
    expect(waybackUrl(url, date)).toBe(expected);
  });
});
