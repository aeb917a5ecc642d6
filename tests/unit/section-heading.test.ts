import {
  sectionHeading,
  sectionHeadingsProblem,
  sectionLinksProblem,
} from '../../plugins/roundup/server/src/core/section-heading';

describe('sectionHeading', () => {
  it.each([
    ['Great', 'Great!', 'Great!'],
    ['Great', 'great', 'great'],
    ['Neat Open-Source Projects', 'Neat Open Source Projects', 'Neat Open Source Projects'],
    ['Great', null, 'Great'],
    ['Great', '', 'Great'],
    // Renamed since: the roundup's old heading no longer names the section.
    ['Tools', 'Great!', 'Tools'],
  ])('section %j with the roundup’s own %j shows %j', (name, own, shown) => {
    expect(sectionHeading(name, own)).toBe(shown);
  });
});

describe('sectionHeadingsProblem', () => {
  it.each([
    [null, null],
    [{ abc: 'Great!' }, null],
    [['Great!'], 'must be an object of section documentIds and heading texts'],
    [{ abc: 3 }, '"abc" must be a heading text'],
    [{ abc: ' ' }, '"abc" must be a heading text'],
    [{ abc: 'a'.repeat(121) }, '"abc" must be at most 120 characters (it has 121)'],
  ])('%j: %j', (value, problem) => {
    expect(sectionHeadingsProblem(value)).toBe(problem);
  });
});

describe('sectionLinksProblem', () => {
  it.each([
    [null, null],
    [{}, null],
    [{ abc: 'https://example.com/proposals' }, null],
    [[], 'must be an object of section documentIds and URLs'],
    [{ abc: 'javascript:alert(1)' }, '"abc" must use http or https, not javascript'],
    [
      { abc: '/relative' },
      '"abc" must be an absolute http(s) URL, such as https://example.com/article',
    ],
    [
      { abc: `https://example.com/${'a'.repeat(2029)}` },
      '"abc" must be at most 2048 characters (it has 2049)',
    ],
  ])('%j: %j', (value, problem) => {
    expect(sectionLinksProblem(value)).toBe(problem);
  });
});
