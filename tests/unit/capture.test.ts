import { appendNote } from '../../plugins/roundup/server/src/core/capture/notes';
import {
  takeFromBucket,
  type Bucket,
} from '../../plugins/roundup/server/src/core/capture/rate-limit';
import { bookmarklet } from '../../plugins/roundup/server/src/core/capture/bookmarklet';
import { captureFormPage } from '../../plugins/roundup/server/src/core/capture/form-page';

describe('appendNote', () => {
  it.each([
    [null, 'First', 'First'],
    ['First', 'Second', 'First\n\nSecond'],
    ['First\n\nSecond', 'Second', 'First\n\nSecond'],
    ['First', '  ', 'First'],
    ['', null, null],
    ['Quote\n\nFirst', 'Quote\n\nSecond', 'Quote\n\nFirst\n\nSecond'],
  ])('appendNote(%j, %j) is %j', (commentary, note, result) => {
    expect(appendNote(commentary, note)).toBe(result);
  });
});

describe('takeFromBucket', () => {
  const limit = { burst: 3, perMinute: 6 };

  it('allows a burst, then refuses with the seconds until the next capture', () => {
    let bucket: Bucket | undefined;
    const results = [];
    for (let i = 0; i < 4; i += 1) {
      const taken = takeFromBucket(bucket, 1000, limit);
      bucket = taken.bucket;
      results.push([taken.allowed, taken.retryAfterSeconds]);
    }
    expect(results).toEqual([
      [true, 0],
      [true, 0],
      [true, 0],
      [false, 10],
    ]);
    // One capture every 10 s comes back.
    expect(takeFromBucket(bucket, 11_000, limit).allowed).toBe(true);
    expect(takeFromBucket(bucket, 6000, limit)).toMatchObject({
      allowed: false,
      retryAfterSeconds: 5,
    });
  });
});

describe('bookmarklet', () => {
  it('opens the capture window with the page, the selection and the token in the fragment', () => {
    const href = bookmarklet('http://localhost:1337/api/roundup/capture', 'abc123');
    expect(href.startsWith('javascript:')).toBe(true);
    const code = decodeURIComponent(href.slice('javascript:'.length));
    expect(code).toContain('"http://localhost:1337/api/roundup/capture"');
    expect(code).toContain('token:"abc123"');
    expect(code).toContain("+'#'+");
    expect(() => new Function(code)).not.toThrow();
  });
});

describe('captureFormPage', () => {
  it('pins its one script and style by hash and allows requests only to its own server', () => {
    const { html, contentSecurityPolicy } = captureFormPage();
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(contentSecurityPolicy).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(contentSecurityPolicy).toContain("connect-src 'self'");
    expect(contentSecurityPolicy).toContain("default-src 'none'");
  });
});
