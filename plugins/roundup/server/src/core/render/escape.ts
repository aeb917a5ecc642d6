/** What could open a link, emphasis, code, raw HTML, a table cell or a kramdown attribute list. */
const MARKDOWN_PUNCTUATION = /[\\`*[\]<>|{}]/g;
/** `_` opens or closes emphasis unless it sits between two letters or digits. */
const EMPHASIS_UNDERSCORE = /(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;
/** Characters that would end a Markdown link destination or start a code span in it. */
const URL_BREAKING = /[\s\p{Cc}()<>\\`]/gu;

/**
 * Inline text (an entry's title or author, a section name) made safe inside one
 * Markdown line: line breaks become spaces, and every character that could start
 * markup is backslash-escaped, so it reads as the same text in CommonMark and kramdown.
 */
export const markdownText = (text: string): string =>
  escapeClosingHashes(
    text
      // A run of whitespace with a line break in it becomes one space.
      .replace(/\s+/g, (run) => (/[\r\n]/.test(run) ? ' ' : run))
      .trim()
      .replace(MARKDOWN_PUNCTUATION, '\\$&')
      .replace(EMPHASIS_UNDERSCORE, '\\_')
      .replace(/&(?=#?[\da-z]+;)/gi, '&amp;')
      .replace(/\$\$/g, '\\$\\$')
      // kramdown has no escape for `~`, so strikethrough is broken up with entities.
      .replace(/~{2,}/g, (tildes) => '&#126;'.repeat(tildes.length))
  );

/** Hashes at the end of a heading would close it: each one escaped (counted, not matched). */
const escapeClosingHashes = (text: string): string => {
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end -= 1;
  return text.slice(0, end) + '\\#'.repeat(text.length - end);
};

// encodeURIComponent leaves parentheses as they are.
const percentEncode = (c: string): string =>
  c === '(' ? '%28' : c === ')' ? '%29' : encodeURIComponent(c);

/** A URL as a Markdown link destination: what would end it early is percent-encoded. */
export const markdownUrl = (url: string): string => url.trim().replace(URL_BREAKING, percentEncode);

/** Characters a bare link destination cannot hold as they are. */
const NEEDS_BRACKETS = /[\s()<>\\`]/;
/** Line breaks and other control characters: no destination can hold them. */
const CONTROL = /[\p{Cc}\u2028\u2029]/gu;

/**
 * A URL as the destination of the entry's link, reading back as the same string:
 * in angle brackets (`<https://e.example/a_(b)>`, which CommonMark and kramdown
 * both read) when it holds spaces, parentheses, backticks, `<`, `>` or `\\`, with
 * `\\`, `<` and `>` backslash-escaped; an `&` that would read as an entity is
 * written `&amp;`. Only control characters, which no destination can hold, are
 * percent-encoded.
 */
export const markdownDestination = (url: string): string => {
  const text = url
    .trim()
    .replace(CONTROL, (c) => encodeURIComponent(c))
    .replace(/&(?=#?[\da-z]+;)/gi, '&amp;');
  return NEEDS_BRACKETS.test(text) ? `<${text.replace(/[\\<>]/g, '\\$&')}>` : text;
};

/** Every line of `text` indented by `width` spaces; blank lines stay empty. */
export const indent = (text: string, width = 2): string => {
  const pad = ' '.repeat(width);
  return text
    .split(/\r\n?|\n/)
    .map((line) => (line.trim() === '' ? '' : pad + line))
    .join('\n');
};

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** `text` trimmed, or null when there is nothing in it. */
export const nonBlank = (text: string | null | undefined): string | null =>
  text && text.trim() !== '' ? text.trim() : null;

/** Text for HTML element content or a quoted attribute value. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
