import MarkdownIt from 'markdown-it';
import { ALLOWED_ELEMENTS } from './sanitize';

/**
 * Editors' Markdown (commentary, intro, outro, excerpt) made safe for a site that
 * renders it with raw HTML on, as Jekyll's kramdown does: raw HTML outside code is
 * kept only when the HTML output's allowlist would keep it (elements, attributes,
 * http/https/mailto or relative links), byte for byte; everything else that a
 * Markdown renderer or a browser could read as markup has its `<` written as
 * `&lt;`, so it shows as the text the editor typed. Link destinations with another
 * scheme (`javascript:`, `data:`, however encoded) become `#`, and kramdown's
 * attribute lists and extensions (`{:`) are escaped. Code spans and code blocks are
 * left alone, unless the text holds block-level HTML, whose extent kramdown and
 * CommonMark read differently: then every line is treated as HTML.
 */

export type RawHtmlMode = 'sanitize' | 'keep';

/** Something taken out of an editor's Markdown, at `offset` in the original text. */
export interface MarkdownRemoval {
  offset: number;
  kind: 'html' | 'link' | 'attribute-list';
  /** What was written, shortened. */
  written: string;
}

export interface SafeMarkdown {
  text: string;
  removed: MarkdownRemoval[];
}

// The parser only tells code from text here; nothing is rendered with it.
const blocks = new MarkdownIt({ html: true, linkify: false, typographer: false });
// Block structure only: inline parsing (links, emphasis) is super-linear on runs like `![![…`.
blocks.core.ruler.disable('inline');

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);
const INLINE_ELEMENTS = new Set(['a', 'em', 'strong', 'code', 'br', 'del', 's']);
const BLOCK_ELEMENTS = new Set([...ALLOWED_ELEMENTS].filter((name) => !INLINE_ELEMENTS.has(name)));

const isAsciiLetter = (c: string | undefined) =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isTagNameChar = (c: string | undefined) => isAsciiLetter(c) || isDigit(c) || c === '-';
const isAttributeStart = (c: string | undefined) => isAsciiLetter(c) || c === '_' || c === ':';
const isAttributeChar = (c: string | undefined) =>
  isAttributeStart(c) || isDigit(c) || c === '.' || c === '-';
const isSpace = (c: string | undefined) =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
/** CommonMark's ASCII punctuation: what a backslash escapes. */
const ASCII_PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
const isAsciiPunctuation = (c: string | undefined) =>
  c !== undefined && c.length === 1 && ASCII_PUNCTUATION.includes(c);

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
  return [written, numeric, blocks.utils.unescapeAll(numeric)].some((variant) => {
    const url = trimLeadingControls(variant.replace(/[\t\n\r]/g, ''));
    const scheme = /^([a-z][\d+.a-z-]*):/i.exec(url);
    return scheme !== null && !SAFE_SCHEMES.has(scheme[1].toLowerCase());
  });
};

interface Tag {
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
const readTag = (
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
const allowedTag = ({ name, closing, attributes }: Tag): boolean => {
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
const cleanComment = (body: string): boolean =>
  !body.startsWith('>') && !body.startsWith('->') && !/--|[<>]/.test(body);

const AUTOLINK = /^<([a-z][\d+.a-z-]{1,31}):[^\s<>]*>/i;
const EMAIL_AUTOLINK =
  /^<[\w.!#$%&'*+/=?^`{|}~-]+@[\da-z](?:[\da-z-]{0,61}[\da-z])?(?:\.[\da-z](?:[\da-z-]{0,61}[\da-z])?)*>/i;
/** Longest autolink looked at; a longer one is escaped (it is text then, which is safe). */
const AUTOLINK_MAX = 2048;

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

type LineMode = 'text' | 'code' | 'inline';

/**
 * What each line is to CommonMark: code (left alone), inline text (code spans
 * count; `groups` tells one block's lines from the next one's) or other.
 */
const lineModes = (source: string, modes: LineMode[], groups: number[]) => {
  blocks.parse(source, {}).forEach((token, index) => {
    if (!token.map) return;
    const [from, to] = token.map;
    const mode: LineMode | null =
      token.type === 'fence' || token.type === 'code_block'
        ? 'code'
        : token.type === 'inline'
          ? 'inline'
          : null;
    if (!mode) return;
    for (let line = from; line < to && line < modes.length; line += 1) {
      modes[line] = mode;
      groups[line] = index;
    }
  });
};

interface Edit {
  start: number;
  end: number;
  replacement: string;
}

/** Offsets of every run of backticks, grouped by length, for matching code spans in linear time. */
const backtickRuns = (text: string): Map<number, number[]> => {
  const runs = new Map<number, number[]>();
  let at = 0;
  while (at < text.length) {
    if (text[at] !== '`') {
      at += 1;
      continue;
    }
    const start = at;
    while (text[at] === '`') at += 1;
    const list = runs.get(at - start) ?? [];
    list.push(start);
    runs.set(at - start, list);
  }
  return runs;
};

/**
 * Raw HTML, unsafe link targets and kramdown attribute lists in one run of
 * lines, as edits. `codeSpans`: the run is inline text, where backslash
 * escapes and code spans count; elsewhere (HTML blocks, tables, link
 * definitions) every character is read as HTML could read it.
 */
const scanRun = (
  text: string,
  base: number,
  codeSpans: boolean,
  edits: Edit[],
  removed: MarkdownRemoval[]
) => {
  const quotes: Record<string, number[]> = { '"': [], "'": [] };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"' || c === "'") quotes[c].push(i);
  }
  const quoteCursor: Record<string, number> = { '"': 0, "'": 0 };
  const nextQuote = (quote: '"' | "'", from: number) => {
    const list = quotes[quote];
    // Searches start at increasing offsets but may step back a little; a binary search keeps each one short.
    let low = 0;
    let high = list.length;
    if (quoteCursor[quote] < list.length && list[quoteCursor[quote]] < from)
      low = quoteCursor[quote];
    while (low < high) {
      const mid = (low + high) >> 1;
      if (list[mid] < from) low = mid + 1;
      else high = mid;
    }
    quoteCursor[quote] = low;
    return low < list.length ? list[low] : -1;
  };
  const runs = codeSpans ? backtickRuns(text) : new Map<number, number[]>();
  const runCursor = new Map<number, number>();
  let commentEnd = -2;

  const escapeAt = (at: number, kind: MarkdownRemoval['kind'], written: string) => {
    edits.push({ start: base + at, end: base + at + 1, replacement: '&lt;' });
    removed.push({ offset: base + at, kind, written: shorten(written) });
  };

  let at = 0;
  while (at < text.length) {
    const c = text[at];
    if (codeSpans && c === '\\' && isAsciiPunctuation(text[at + 1])) {
      at += 2;
      continue;
    }
    if (codeSpans && c === '`') {
      let length = 0;
      while (text[at + length] === '`') length += 1;
      const list = runs.get(length) ?? [];
      let cursor = runCursor.get(length) ?? 0;
      while (cursor < list.length && list[cursor] <= at) cursor += 1;
      runCursor.set(length, cursor);
      at = cursor < list.length ? list[cursor] + length : at + length;
      continue;
    }
    if (c === '{' && text[at + 1] === ':') {
      edits.push({ start: base + at, end: base + at, replacement: '\\' });
      removed.push({
        offset: base + at,
        kind: 'attribute-list',
        written: shorten(text.slice(at, at + 40).split('\n')[0]),
      });
      at += 2;
      continue;
    }
    if (c === ']' && text[at + 1] === '(') {
      at = checkDestination(text, at + 2, base, edits, removed);
      continue;
    }
    if (c !== '<') {
      at += 1;
      continue;
    }
    const next = text[at + 1];
    if (text.startsWith('<!--', at)) {
      if (commentEnd !== -1 && commentEnd < at + 4) commentEnd = text.indexOf('-->', at + 4);
      if (commentEnd >= 0 && cleanComment(text.slice(at + 4, commentEnd))) {
        at = commentEnd + 3;
        continue;
      }
      escapeAt(at, 'html', text.slice(at, at + 40));
      at += 1;
      continue;
    }
    if (isAsciiLetter(next)) {
      const window = text.slice(at, at + AUTOLINK_MAX);
      const autolink = AUTOLINK.exec(window);
      if (autolink) {
        if (SAFE_SCHEMES.has(autolink[1].toLowerCase())) at += autolink[0].length;
        else {
          escapeAt(at, 'link', autolink[0]);
          at += 1;
        }
        continue;
      }
      const email = EMAIL_AUTOLINK.exec(window);
      if (email) {
        at += email[0].length;
        continue;
      }
    }
    if (isAsciiLetter(next) || next === '/') {
      const tag = readTag(text, at, nextQuote);
      if (tag && allowedTag(tag)) {
        at = tag.end;
        continue;
      }
      escapeAt(at, 'html', text.slice(at, tag ? tag.end : at + 40).split('\n')[0]);
      at += 1;
      continue;
    }
    if (next === '!' || next === '?') escapeAt(at, 'html', text.slice(at, at + 40).split('\n')[0]);
    at += 1;
  }
};

/** Checks the link destination starting at `from` (just after `](`); returns where scanning goes on. */
const checkDestination = (
  text: string,
  from: number,
  base: number,
  edits: Edit[],
  removed: MarkdownRemoval[]
): number => {
  let at = from;
  while (text[at] === ' ' || text[at] === '\t' || text[at] === '\n') at += 1;
  const destination = blocks.helpers.parseLinkDestination(text, at, text.length);
  if (!destination.ok || destination.pos === at) return from;
  const written = text.slice(at, destination.pos);
  if (unsafeLinkTarget(written) || unsafeLinkTarget(destination.str)) {
    edits.push({ start: base + at, end: base + destination.pos, replacement: '#' });
    removed.push({ offset: base + at, kind: 'link', written: shorten(written) });
  }
  return destination.pos;
};

/** `[label]: destination` at the start of a line (after quote markers): kramdown and CommonMark links. */
const checkDefinitions = (
  lines: string[],
  offsets: number[],
  modes: LineMode[],
  edits: Edit[],
  removed: MarkdownRemoval[]
) => {
  lines.forEach((line, index) => {
    if (modes[index] === 'code') return;
    let at = 0;
    while (at < line.length && (line[at] === ' ' || line[at] === '\t' || line[at] === '>')) at += 1;
    if (line[at] !== '[') return;
    const close = line.indexOf(']:', at + 1);
    if (close < 0) return;
    let target = close + 2;
    let text = line;
    let base = offsets[index];
    while (text[target] === ' ' || text[target] === '\t') target += 1;
    if (target >= text.length && index + 1 < lines.length) {
      text = lines[index + 1];
      base = offsets[index + 1];
      target = 0;
      while (text[target] === ' ' || text[target] === '\t') target += 1;
    }
    const destination = blocks.helpers.parseLinkDestination(text, target, text.length);
    if (!destination.ok || destination.pos === target) return;
    const written = text.slice(target, destination.pos);
    if (unsafeLinkTarget(written) || unsafeLinkTarget(destination.str)) {
      edits.push({ start: base + target, end: base + destination.pos, replacement: '#' });
      removed.push({ offset: base + target, kind: 'link', written: shorten(written) });
    }
  });
};

/** Whether the text holds an allowed block-level element, whose extent kramdown reads differently. */
const hasBlockHtml = (text: string): boolean => {
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

/** Editors' Markdown with everything the HTML allowlist would drop made inert; see the top of this file. */
export const safeMarkdown = (source: string): SafeMarkdown => {
  const lines = source.split('\n');
  const offsets: number[] = [];
  let offset = 0;
  for (const line of lines) {
    offsets.push(offset);
    offset += line.length + 1;
  }
  const modes: LineMode[] = new Array(lines.length).fill('text');
  const groups: number[] = new Array(lines.length).fill(-1);
  if (!hasBlockHtml(source)) lineModes(source, modes, groups);

  const edits: Edit[] = [];
  const removed: MarkdownRemoval[] = [];
  let line = 0;
  while (line < lines.length) {
    const mode = modes[line];
    let end = line + 1;
    // Lines of one inline block are scanned together: a code span may span them, not the next block.
    while (end < lines.length && modes[end] === mode && groups[end] === groups[line]) end += 1;
    if (mode !== 'code') {
      const text = lines.slice(line, end).join('\n');
      scanRun(text, offsets[line], mode === 'inline', edits, removed);
    }
    line = end;
  }
  checkDefinitions(lines, offsets, modes, edits, removed);
  if (edits.length === 0) return { text: source, removed: [] };
  edits.sort((a, b) => a.start - b.start);
  const out: string[] = [];
  let from = 0;
  for (const edit of edits) {
    if (edit.start < from) continue;
    out.push(source.slice(from, edit.start), edit.replacement);
    from = edit.end;
  }
  out.push(source.slice(from));
  removed.sort((a, b) => a.offset - b.offset);
  return { text: out.join(''), removed };
};
