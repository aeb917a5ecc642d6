import { httpUrlProblem } from '../../plugins/roundup/server/src/core/url';

describe('httpUrlProblem', () => {
  it.each([
    'https://example.com',
    'http://example.com/a/b?c=d#e',
    'https://pvk.ca/Blog/2020/07/07/flatter-wait-free-hazard-pointers/',
    'https://[::1]:8080/x',
  ])('accepts %s', (url) => {
    expect(httpUrlProblem(url)).toBeNull();
  });

  it.each([
    ['', 'must be an absolute http(s) URL'],
    ['example.com', 'must be an absolute http(s) URL, such as https://example.com/article'],
    ['/relative/path', 'must be an absolute http(s) URL, such as https://example.com/article'],
    ['javascript:alert(1)', 'must use http or https, not javascript'],
    ['data:text/html,hi', 'must use http or https, not data'],
    ['ftp://example.com/file', 'must use http or https, not ftp'],
    ['mailto:someone@example.com', 'must use http or https, not mailto'],
    ['https://exa mple.com', 'must not contain spaces or line breaks'],
    ['https://example.com/\nx', 'must not contain spaces or line breaks'],
  ])('rejects %j', (url, message) => {
    expect(httpUrlProblem(url)).toBe(message);
  });

  it('rejects values that are not strings', () => {
    expect(httpUrlProblem(42)).toBe('must be an absolute http(s) URL');
    expect(httpUrlProblem(null)).toBe('must be an absolute http(s) URL');
  });
});
