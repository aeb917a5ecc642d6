/**
 * Why `value` is not an absolute http(s) URL that a reader can follow, or null
 * when it is one. Whitespace, relative URLs and other schemes (`javascript:`,
 * `data:`, `mailto:`, `ftp:`) are refused.
 */
export const httpUrlProblem = (value: unknown): string | null => {
  if (typeof value !== 'string' || value.length === 0) return 'must be an absolute http(s) URL';
  if (/\s/.test(value)) return 'must not contain spaces or line breaks';
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return 'must be an absolute http(s) URL, such as https://example.com/article';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return `must use http or https, not ${parsed.protocol.replace(/:$/, '')}`;
  }
  if (!parsed.hostname) return 'must name a host';
  return null;
};
