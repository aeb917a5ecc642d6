import { inertLiquid, INLINE } from './liquid-inert';

/** What could open a link, emphasis, code, raw HTML or a table cell (braces: see inertLiquid). */
const MARKDOWN_PUNCTUATION = /[\\`*[\]<>|]/g;
/** `_` opens or closes emphasis unless it sits between two letters or digits. */
const EMPHASIS_UNDERSCORE = /(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;
/** What would end a Markdown link destination, start a code span or a kramdown table row, or open Liquid. */
const URL_BREAKING = /[\s\p{Cc}()<>\\`{}|]/gu;

/**
 * Inline text (an entry's title or author, a section name) made safe inside one
 * Markdown line: line breaks become spaces, every character that could start
 * markup is backslash-escaped, and braces are character references (Liquid runs
 * first and knows no Markdown escape), so it reads as the same text in CommonMark
 * and kramdown, after Jekyll's Liquid.
 */
export const markdownText = (text: string): string =>
  escapeClosingHashes(
    inertLiquid(
      text
        // A run of whitespace with a line break in it becomes one space.
        .replace(/\s+/g, (run) => (/[\r\n]/.test(run) ? ' ' : run))
        .trim()
        .replace(MARKDOWN_PUNCTUATION, '\\$&')
        .replace(EMPHASIS_UNDERSCORE, '\\_'),
      INLINE
    )
      .text.replace(/\$\$/g, '\\$\\$')
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

/** A URL as a Markdown autolink or destination: what would end it early or open Liquid is percent-encoded. */
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
 * percent-encoded. Braces and `|` are character references, which Liquid and
 * kramdown's tables pass over and the browser reads as the characters.
 */
export const markdownDestination = (url: string): string => {
  const text = inertLiquid(
    url.trim().replace(CONTROL, (c) => encodeURIComponent(c)),
    INLINE
  )
    // kramdown reads a line with a `|` as a table row, whatever Markdown it is in.
    .text.replace(/\|/g, '&#124;');
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
