import { roundupPermalink } from '../../plugins/roundup/server/src/core/feed';

const july = { date: '2026-07-31', slug: 'what-ive-been-reading-in-july' };

describe('roundupPermalink', () => {
  it.each([
    [
      '/:year/:month/:day/:slug/',
      'https://example.com',
      'https://example.com/2026/07/31/what-ive-been-reading-in-july/',
    ],
    [
      '/:year/:month/:day/:slug/',
      'https://example.com/',
      'https://example.com/2026/07/31/what-ive-been-reading-in-july/',
    ],
    [
      '/:year/:month/:day/:slug/',
      'https://example.com/blog',
      'https://example.com/blog/2026/07/31/what-ive-been-reading-in-july/',
    ],
    [
      '/:year/:month/:day/:slug/',
      'https://example.com/blog/',
      'https://example.com/blog/2026/07/31/what-ive-been-reading-in-july/',
    ],
    [
      '/roundups/:slug.html',
      'https://example.com',
      'https://example.com/roundups/what-ive-been-reading-in-july.html',
    ],
    [
      '/:year/:slug',
      'http://localhost:4000',
      'http://localhost:4000/2026/what-ive-been-reading-in-july',
    ],
    [
      '/:year-:month/:slug/',
      'https://example.com',
      'https://example.com/2026-07/what-ive-been-reading-in-july/',
    ],
    ['/archive/:slugs/', 'https://example.com', 'https://example.com/archive/:slugs/'],
    ['/', 'https://example.com', 'https://example.com/'],
  ])('%s under %s → %s', (pattern, siteUrl, expected) => {
    expect(roundupPermalink(pattern, siteUrl, july)).toBe(expected);
  });

  it('encodes a slug that is not URL-safe', () => {
    expect(
      roundupPermalink('/:slug/', 'https://example.com', { date: '2026-07-31', slug: 'a b/c?d#é' })
    ).toBe('https://example.com/a%20b%2Fc%3Fd%23%C3%A9/');
  });

  it('takes the calendar date, not a time zone shifted one', () => {
    expect(
      roundupPermalink('/:year/:month/:day/', 'https://example.com', {
        date: '2026-01-01',
        slug: 'x',
      })
    ).toBe('https://example.com/2026/01/01/');
  });

  it('throws naming the roundup when its date is not YYYY-MM-DD', () => {
    expect(() =>
      roundupPermalink('/:year/:slug/', 'https://example.com', { date: '31/07/2026', slug: 'july' })
    ).toThrow('roundup "july" has no YYYY-MM-DD date');
  });
});
