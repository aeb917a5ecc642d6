import {
  buildHookSchema,
  DEFAULT_RETRY,
  hookIssues,
  ROUNDUP_EVENTS,
} from '../../plugins/roundup/server/src/core/webhooks';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const valid = {
  name: 'netlify',
  url: 'https://api.netlify.com/build_hooks/abc',
  events: ['roundup.publish'],
};

const messages = (input: unknown) => {
  const result = buildHookSchema.safeParse(input);
  if (result.success) return [];
  return hookIssues(result.error).map((issue) => `${issue.path}: ${issue.message}`);
};

describe('buildHookSchema', () => {
  it('fills the defaults', () => {
    expect(buildHookSchema.parse(valid)).toEqual({
      ...valid,
      debounceMs: 5_000,
      maxWaitMs: 60_000,
      retry: DEFAULT_RETRY,
    });
  });

  it('fills the retry settings left out', () => {
    expect(buildHookSchema.parse({ ...valid, retry: { maxAttempts: 3 } }).retry).toEqual({
      ...DEFAULT_RETRY,
      maxAttempts: 3,
    });
  });

  it('keeps a complete hook as given, the name trimmed', () => {
    const hook = {
      name: '  GitHub dispatch ',
      url: 'http://localhost:8080/hooks/rebuild?site=blog',
      events: [...ROUNDUP_EVENTS],
      secret: SECRET,
      headers: { Authorization: 'Bearer abc', 'X-GitHub-Api-Version': '2022-11-28' },
      debounceMs: 0,
      maxWaitMs: 0,
      retry: { baseDelayMs: 100, maxDelayMs: 500, maxAttempts: 5 },
    };
    expect(buildHookSchema.parse(hook)).toEqual({ ...hook, name: 'GitHub dispatch' });
  });

  it('accepts the bounds', () => {
    expect(messages({ ...valid, debounceMs: 3_600_000, maxWaitMs: 86_400_000 })).toEqual([]);
    expect(
      messages({ ...valid, retry: { baseDelayMs: 1, maxDelayMs: 1, maxAttempts: 100 } })
    ).toEqual([]);
  });

  it.each([
    // url
    [{ url: 'ftp://example.com/hook' }, 'url: must be an absolute http(s) URL'],
    [{ url: 'javascript:alert(1)' }, 'url: must be an absolute http(s) URL'],
    [{ url: 'not a url' }, 'url: must be an absolute http(s) URL'],
    [{ url: '/relative' }, 'url: must be an absolute http(s) URL'],
    [{ url: 'https://exa mple.com' }, 'url: must be an absolute http(s) URL'],
    [{ url: 42 }, 'url: must be an absolute http(s) URL'],
    [{ url: undefined }, 'url: must be an absolute http(s) URL'],
    [{ url: 'https://user:pw@example.com/hook' }, 'url: must not hold a user name or password'],
    // events
    [
      { events: ['roundup.explode'] },
      'events.0: must be one of roundup.publish, roundup.unpublish',
    ],
    [{ events: ['roundup.publish', 'entry.create'] }, 'events.1: must be one of'],
    [{ events: [] }, 'events: must name at least one event'],
    [{ events: 'roundup.publish' }, 'events: must be a list of events'],
    [{ events: ['roundup.publish', 'roundup.publish'] }, 'events.1: repeats roundup.publish'],
    // secret
    [{ secret: 'hunter2' }, 'secret: must start with "whsec_"'],
    [{ secret: 'whsec_not base64!' }, 'secret: must be "whsec_" followed by base64'],
    [{ secret: 'whsec_c2hvcnQ=' }, 'secret: must hold a key of 24 to 64 bytes, not 5'],
    [{ secret: null }, 'secret: must be a "whsec_" secret'],
    // headers
    [
      { headers: { 'webhook-signature': 'x' } },
      'headers.webhook-signature: is set by the delivery',
    ],
    [{ headers: { 'Webhook-Id': 'x' } }, 'headers.Webhook-Id: is set by the delivery itself'],
    [
      { headers: { 'Content-Length': '1' } },
      'headers.Content-Length: is set by the delivery itself',
    ],
    [{ headers: { Host: 'evil.com' } }, 'headers.Host: is set by the delivery itself'],
    [{ headers: { Connection: 'close' } }, 'headers.Connection: is set by the delivery itself'],
    [
      { headers: { 'Transfer-Encoding': 'x' } },
      'headers.Transfer-Encoding: is set by the delivery',
    ],
    [{ headers: { 'bad header': 'x' } }, 'headers.bad header: is not a valid header name'],
    [{ headers: { 'X-A': 'a\r\nHost: b' } }, 'headers.X-A: must be one line of Latin-1 text'],
    [{ headers: { 'X-A': 'a € b' } }, 'headers.X-A: must be one line of Latin-1 text'],
    [{ headers: { 'X-A': 'a', 'x-a': 'b' } }, 'headers.x-a: is given twice in another case'],
    [{ headers: { 'X-A': 1 } }, 'headers.X-A: must be a string'],
    [{ headers: ['X-A: 1'] }, 'headers: must be an object of header names to values'],
    // debounce
    [{ debounceMs: -1 }, 'debounceMs: must be at least 0'],
    [{ debounceMs: 3_600_001, maxWaitMs: 86_400_000 }, 'debounceMs: must be at most 3600000'],
    [{ debounceMs: 1.5 }, 'debounceMs: must be a whole number of milliseconds'],
    [{ debounceMs: '5000' }, 'debounceMs: must be a number of milliseconds'],
    [{ maxWaitMs: 86_400_001 }, 'maxWaitMs: must be at most 86400000'],
    [{ debounceMs: 10_000, maxWaitMs: 1_000 }, 'maxWaitMs: must not be shorter than debounceMs'],
    [{ debounceMs: 70_000 }, 'maxWaitMs: must not be shorter than debounceMs'],
    // retry
    [{ retry: { maxAttempts: 0 } }, 'retry.maxAttempts: must be at least 1'],
    [{ retry: { maxAttempts: 101 } }, 'retry.maxAttempts: must be at most 100'],
    [{ retry: { baseDelayMs: 0 } }, 'retry.baseDelayMs: must be at least 1'],
    [
      { retry: { baseDelayMs: 10_000, maxDelayMs: 100 } },
      'retry.maxDelayMs: must not be shorter than',
    ],
    [{ retry: { attempts: 3 } }, 'retry.attempts: is not a build hook setting'],
    // name and unknown keys
    [{ name: '' }, 'name: must not be empty'],
    [{ name: '   ' }, 'name: must not be empty'],
    [{ name: 'x'.repeat(101) }, 'name: must be at most 100 characters'],
    [{ name: undefined }, 'name: must be a string'],
    [{ colour: 'red' }, 'colour: is not a build hook setting'],
  ])('names the field of %j', (change, message) => {
    expect(messages({ ...valid, ...change }).join('\n')).toContain(message);
  });

  it('names every bad field at once', () => {
    expect(messages({ url: 'ftp://x', events: [], colour: 'red', debounceMs: -1 })).toEqual([
      'name: must be a string',
      'url: must be an absolute http(s) URL',
      'events: must name at least one event',
      'debounceMs: must be at least 0',
      'colour: is not a build hook setting',
    ]);
  });

  it('names the whole hook when it is not an object', () => {
    expect(messages(null)).toEqual(['hook: Invalid input: expected object, received null']);
  });

  it('gives each hook its own default retry settings', () => {
    const first = buildHookSchema.parse(valid);
    first.retry.maxAttempts = 1;
    expect(buildHookSchema.parse(valid).retry.maxAttempts).toBe(DEFAULT_RETRY.maxAttempts);
  });
});
