import { unsafeLinkTarget } from './link-target';
import { ALLOWED_ELEMENTS } from './sanitize';

/** Raw HTML tags in editors' Markdown, read as CommonMark reads them, and what the allowlist keeps. */

const INLINE_ELEMENTS = new Set(['a', 'em', 'strong', 'code', 'br', 'del', 's']);
const BLOCK_ELEMENTS = new Set([...ALLOWED_ELEMENTS].filter((name) => !INLINE_ELEMENTS.has(name)));

export const isAsciiLetter = (c: string | undefined) =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isTagNameChar = (c: string | undefined) => isAsciiLetter(c) || isDigit(c) || c === '-';
const isAttributeStart = (c: string | undefined) => isAsciiLetter(c) || c === '_' || c === ':';
const isAttributeChar = (c: string | undefined) =>
  isAttributeStart(c) || isDigit(c) || c === '.' || c === '-';
const isSpace = (c: string | undefined) =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';

export interface Tag {
  end: number;
  name: string;
  closing: boolean;
  attributes: [string, string | null][];
}

/**
 * The CommonMark raw-HTML open or closing tag at `start` (on a `<`), or null.
 * Quoted values jump to their closing quote through `nextQuote`, so reading
 * every `<` of a text costs time linear in its length.
 */
export const readTag = (
  text: string,
  start: number,
  nextQuote: (quote: '"' | "'", from: number) => number
): Tag | null => {
  let at = start + 1;
  const closing = text[at] === '/';
  if (closing) at += 1;
  if (!isAsciiLetter(text[at])) return null;
  const nameStart = at;
  while (isTagNameChar(text[at])) at += 1;
  const name = text.slice(nameStart, at).toLowerCase();
  const attributes: [string, string | null][] = [];
  for (;;) {
    const beforeSpace = at;
    while (isSpace(text[at])) at += 1;
    if (text[at] === '>') return { end: at + 1, name, closing, attributes };
    if (!closing && text[at] === '/' && text[at + 1] === '>') {
      return { end: at + 2, name, closing, attributes };
    }
    if (closing || at === beforeSpace || !isAttributeStart(text[at])) return null;
    const attributeStart = at;
    while (isAttributeChar(text[at])) at += 1;
    const attribute = text.slice(attributeStart, at).toLowerCase();
    let afterName = at;
    while (isSpace(text[afterName])) afterName += 1;
    if (text[afterName] !== '=') {
      attributes.push([attribute, null]);
      continue;
    }
    at = afterName + 1;
    while (isSpace(text[at])) at += 1;
    const quote = text[at];
    if (quote === '"' || quote === "'") {
      const close = nextQuote(quote, at + 1);
      if (close < 0) return null;
      attributes.push([attribute, text.slice(at + 1, close)]);
      at = close + 1;
    } else {
      const valueStart = at;
      while (at < text.length && !isSpace(text[at]) && !'"\'=<>`'.includes(text[at])) at += 1;
      if (at === valueStart) return null;
      attributes.push([attribute, text.slice(valueStart, at)]);
    }
  }
};

/** Whether the allowlist keeps `tag` as written: a known element with only the attributes it may have. */
export const allowedTag = ({ name, closing, attributes }: Tag): boolean => {
  if (!ALLOWED_ELEMENTS.has(name)) return false;
  if (closing) return true;
  const names = new Set<string>();
  return attributes.every(([attribute, value]) => {
    if (names.has(attribute)) return false;
    names.add(attribute);
    if (name === 'a' && attribute === 'href') return value !== null && !unsafeLinkTarget(value);
    if (name === 'a' && attribute === 'title') return true;
    return name === 'ol' && attribute === 'start' && /^\d{1,9}$/.test(value ?? '');
  });
};

/** An HTML comment that every reader ends where CommonMark does (no `--`, `<`, `>` inside). */
export const cleanComment = (body: string): boolean =>
  !body.startsWith('>') && !body.startsWith('->') && !/--|[<>]/.test(body);

/** Whether the text holds an allowed block-level element, whose extent kramdown reads differently. */
export const hasBlockHtml = (text: string): boolean => {
  let at = text.indexOf('<');
  while (at >= 0) {
    let nameStart = at + 1;
    if (text[nameStart] === '/') nameStart += 1;
    let nameEnd = nameStart;
    while (isTagNameChar(text[nameEnd])) nameEnd += 1;
    if (BLOCK_ELEMENTS.has(text.slice(nameStart, nameEnd).toLowerCase())) return true;
    at = text.indexOf('<', at + 1);
  }
  return false;
};
