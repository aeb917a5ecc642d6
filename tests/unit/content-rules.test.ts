import config from '../../plugins/roundup/server/src/config';
import { isoDateProblem } from '../../plugins/roundup/server/src/core/date';
import { frontMatterProblem } from '../../plugins/roundup/server/src/core/front-matter';
import {
  slugCandidate,
  slugFromText,
  slugProblem,
} from '../../plugins/roundup/server/src/core/slug';
import { relationTarget } from '../../plugins/roundup/server/src/utils/relation-target';

describe('slugs', () => {
  it.each([
    ["What I've been reading in July", 'what-ive-been-reading-in-july'],
    ['Articles & Learning', 'articles-and-learning'],
    ['Neat Open-Source Projects', 'neat-open-source-projects'],
    ['  Café  crème ', 'cafe-creme'],
    ['!!!', 'fallback'],
  ])('%j becomes %j', (text, slug) => {
    expect(slugFromText(text, 'fallback')).toBe(slug);
  });

  it('numbers later candidates', () => {
    expect([1, 2, 3].map((n) => slugCandidate('july', n))).toEqual(['july', 'july-2', 'july-3']);
  });

  it.each([
    ['ok-slug_1.2~x', null],
    ['has space', 'may only contain letters, digits and the characters - _ . ~'],
    ['slash/no', 'may only contain letters, digits and the characters - _ . ~'],
  ])('slugProblem(%j)', (slug, problem) => {
    expect(slugProblem(slug)).toBe(problem);
  });
});

describe('isoDateProblem', () => {
  it.each([
    ['2026-07-31', null],
    ['2024-02-29', null],
    ['2026-02-29', 'is not a day of the calendar (2026-02-29)'],
    ['2026-13-01', 'is not a day of the calendar (2026-13-01)'],
    ['31/07/2026', 'must be a date written YYYY-MM-DD'],
    ['2026-07-31T10:00:00Z', 'must be a date written YYYY-MM-DD'],
    [20260731, 'must be a date written YYYY-MM-DD'],
  ])('%j', (value, problem) => {
    expect(isoDateProblem(value)).toBe(problem);
  });
});

describe('frontMatterProblem', () => {
  it.each([
    [null, null],
    [{ tags: ['a'], comments: true, 'x-y_z': 1 }, null],
    [[], 'must be an object of front matter keys and values'],
    ['tags: a', 'must be an object of front matter keys and values'],
    [
      { '1st': 1 },
      'key "1st" must start with a letter or _ and contain only letters, digits, - and _',
    ],
    [{ layout: 'x' }, 'key "layout" is set by the roundup\'s own layout field'],
    [{ date: 'x' }, 'key "date" is set by the roundup\'s own date field'],
  ])('%j', (value, problem) => {
    expect(frontMatterProblem(value)).toBe(problem);
  });
});

describe('plugin config validator', () => {
  it('accepts the defaults', () => {
    expect(() => config.validator(config.default)).not.toThrow();
  });

  it.each([
    [{ ...config.default, pageSize: 5 }, 'unknown key "pageSize"'],
    [
      { ...config.default, cache: { enabled: true, maxEntries: 5, ttl: 3 } },
      'unknown key "cache.ttl"',
    ],
    [{ ...config.default, feed: { ...config.default.feed, siteUrl: 'ftp://x' } }, '"feed.siteUrl"'],
    [{ ...config.default, defaultPageSize: 0 }, '"defaultPageSize"'],
    [{ ...config.default, maxPageSize: 'many' }, '"maxPageSize"'],
    [
      {
        ...config.default,
        markdown: { ...config.default.markdown, liquidTags: ['post_url', 'if'] },
      },
      '"markdown.liquidTags.1" must hold link tags such as "post_url", not Liquid\'s own tags',
    ],
    [
      { ...config.default, defaultPageSize: 50, maxPageSize: 20 },
      'defaultPageSize must not exceed maxPageSize',
    ],
  ])('rejects %j naming the key', (value, message) => {
    expect(() => config.validator(value)).toThrow(message);
  });
});

describe('the section a write puts another under (relationTarget)', () => {
  it.each<[string, unknown, ReturnType<typeof relationTarget>]>([
    ['a documentId', 'doc-a', { documentId: 'doc-a' }],
    ['a row id', 7, { id: 7 }],
    ['an object', { documentId: 'doc-a' }, { documentId: 'doc-a' }],
    ['null: to the top', null, null],
    [
      'the Content Manager connect',
      { connect: [{ id: 3, documentId: 'doc-b' }], disconnect: [] },
      { documentId: 'doc-b' },
    ],
    [
      'connect of documentIds, the last wins',
      { connect: ['doc-a', 'doc-b'] },
      { documentId: 'doc-b' },
    ],
    ['set', { set: ['doc-c'] }, { documentId: 'doc-c' }],
    ['an empty set: to the top', { set: [] }, null],
    ['disconnect only: to the top', { disconnect: [{ id: 3 }] }, null],
    ['nothing to connect or disconnect: unchanged', { connect: [], disconnect: [] }, undefined],
    ['a shorthand list', ['doc-d'], { documentId: 'doc-d' }],
  ])('%s', (_name, value, target) => {
    expect(relationTarget(value)).toEqual(target);
  });
});
