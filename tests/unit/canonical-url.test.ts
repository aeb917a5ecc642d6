import { createHash } from 'node:crypto';
import {
  canonicalHash,
  canonicalLengthProblem,
  canonicalUrl,
  TRACKING_PARAMETERS,
} from '../../plugins/roundup/server/src/core/canonical-url';

describe('canonicalUrl', () => {
  it.each([
    // Scheme, host, port
    ['HTTPS://Example.COM/Path', 'https://example.com/Path'],
    ['https://example.com:443/a', 'https://example.com/a'],
    ['http://example.com:80/a', 'http://example.com/a'],
    ['https://example.com:8443/a', 'https://example.com:8443/a'],
    ['http://example.com:443/a', 'http://example.com:443/a'],
    ['http://example.com/a', 'http://example.com/a'],
    ['https://bücher.example/', 'https://xn--bcher-kva.example'],
    ['https://[::1]:8080/x', 'https://[::1]:8080/x'],
    // Trailing slash, path case
    ['https://a.com/', 'https://a.com'],
    ['https://a.com', 'https://a.com'],
    ['https://a.com/blog/', 'https://a.com/blog'],
    ['https://a.com/blog//', 'https://a.com/blog'],
    ['https://a.com/Blog/Post/', 'https://a.com/Blog/Post'],
    ['https://a.com/?q=1', 'https://a.com?q=1'],
    ['https://a.com/blog/?q=1', 'https://a.com/blog?q=1'],
    // Fragment
    ['https://a.com/post#comments', 'https://a.com/post'],
    ['https://a.com/post/?a=1#top', 'https://a.com/post?a=1'],
    // Tracking parameters dropped, the others kept in order
    ['https://a.com/p?utm_source=x&utm_medium=y&utm_campaign=z', 'https://a.com/p'],
    ['https://a.com/p?b=2&utm_source=x&a=1', 'https://a.com/p?b=2&a=1'],
    ['https://a.com/p?UTM_Source=x&id=7', 'https://a.com/p?id=7'],
    ['https://a.com/p?%75tm_source=x&id=7', 'https://a.com/p?id=7'],
    ['https://a.com/p?fbclid=abc', 'https://a.com/p'],
    ['https://a.com/p?id=1&gclid=abc&ref=hn&ref_src=twsrc', 'https://a.com/p?id=1'],
    ['https://a.com/p?mc_cid=1&mc_eid=2&igshid=3&yclid=4&_hsenc=5&_hsmi=6', 'https://a.com/p'],
    ['https://a.com/p?z=26&a=1&m=13', 'https://a.com/p?z=26&a=1&m=13'],
    ['https://a.com/p?a=1&a=2', 'https://a.com/p?a=1&a=2'],
    ['https://a.com/p?&&a=1&', 'https://a.com/p?a=1'],
    ['https://a.com/p?', 'https://a.com/p'],
    ['https://a.com/p?flag', 'https://a.com/p?flag'],
    ['https://a.com/p?reference=1&prefix=2', 'https://a.com/p?reference=1&prefix=2'],
    ['https://a.com/watch?v=dQw4w9WgXcQ&utm_source=x', 'https://a.com/watch?v=dQw4w9WgXcQ'],
    // Encoding kept, escapes in one case
    ['https://a.com/p?q=a+b&r=a%20b', 'https://a.com/p?q=a+b&r=a%20b'],
    ['https://a.com/caf%c3%a9/', 'https://a.com/caf%C3%A9'],
    ['https://a.com/café', 'https://a.com/caf%C3%A9'],
    // Whitespace around the value
    ['  https://a.com/x  ', 'https://a.com/x'],
    // Credentials kept, they address another resource
    ['https://user:pw@a.com/x', 'https://user:pw@a.com/x'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });

  it.each([
    '',
    'not a url',
    '/relative/path',
    'example.com/path',
    'javascript:alert(1)',
    'mailto:someone@example.com',
    'ftp://example.com/file',
    'data:text/html,hi',
    'https://',
    'http://exa mple.com',
  ])('is null for %j', (input) => {
    expect(canonicalUrl(input)).toBeNull();
  });

  it('is null for values that are not strings', () => {
    expect(canonicalUrl(null as unknown as string)).toBeNull();
    expect(canonicalUrl(42 as unknown as string)).toBeNull();
  });

  it('gives one form to the variants of one link', () => {
    const variants = [
      'https://Example.com/Post/?utm_source=newsletter',
      'https://example.com:443/Post#intro',
      'HTTPS://EXAMPLE.COM/Post?fbclid=IwAR0',
      'https://example.com/Post',
    ];
    expect(new Set(variants.map(canonicalUrl))).toEqual(new Set(['https://example.com/Post']));
  });

  it('lists the tracking parameters in lower case, once each', () => {
    expect(TRACKING_PARAMETERS.every((name) => name === name.toLowerCase())).toBe(true);
    expect(new Set(TRACKING_PARAMETERS).size).toBe(TRACKING_PARAMETERS.length);
  });
});

describe('canonicalHash and canonicalLengthProblem', () => {
  it('hashes the canonical URL as sha256 hex: one hash for the variants of one link', () => {
    const hash = createHash('sha256').update('https://example.com/Post').digest('hex');
    expect(canonicalHash(canonicalUrl('https://Example.com/Post/?utm_source=x')!)).toBe(hash);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(canonicalHash('https://example.com/post')).not.toBe(hash);
  });

  it('holds a canonical URL to 2,048 characters', () => {
    const url = (length: number) => `https://example.com/${'a'.repeat(length - 20)}`;
    expect(canonicalLengthProblem(url(2048))).toBeNull();
    expect(canonicalLengthProblem(url(2049))).toBe(
      'must be at most 2048 characters once written out in full (it has 2049)'
    );
    // Escaping lengthens a URL: 400 characters as written, 2,300 in full.
    expect(canonicalUrl(`https://example.com/${'é'.repeat(380)}`)).toHaveLength(2300);
  });
});
