import MarkdownIt from 'markdown-it';

/** Link targets in editors' Markdown, read the way a browser reads them. */

const { utils } = new MarkdownIt();

export const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

const NUMERIC_REFERENCE = /&#(?:x([\da-f]{1,8})|(\d{1,10}));?/gi;

/** `url` without the C0 controls and spaces (U+0000 to U+0020) a browser strips from its start. */
const trimLeadingControls = (url: string): string => {
  let start = 0;
  while (start < url.length && url.charCodeAt(start) <= 0x20) start += 1;
  return url.slice(start);
};

/**
 * Whether a link target reaches a scheme other than http, https or mailto once
 * a browser has read it: entities decoded (numeric ones with or without `;`),
 * backslash escapes resolved, tabs and newlines dropped, leading controls and
 * spaces trimmed. A target without a scheme (relative, `#…`, `//host`) is safe.
 */
export const unsafeLinkTarget = (written: string): boolean => {
  const numeric = written.replace(NUMERIC_REFERENCE, (whole, hex?: string, dec?: string) => {
    const code = hex ? parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
  return [written, numeric, utils.unescapeAll(numeric)].some((variant) => {
    const url = trimLeadingControls(variant.replace(/[\t\n\r]/g, ''));
    const scheme = /^([a-z][\d+.a-z-]*):/i.exec(url);
    return scheme !== null && !SAFE_SCHEMES.has(scheme[1].toLowerCase());
  });
};
