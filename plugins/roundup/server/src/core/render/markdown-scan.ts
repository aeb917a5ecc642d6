import MarkdownIt from 'markdown-it';
import { allowedTag, cleanComment, isAsciiLetter, readTag } from './html-tag';
import { SAFE_SCHEMES, unsafeLinkTarget } from './link-target';

/**
 * Finding, in editors' Markdown, what the Markdown output takes out: raw HTML the
 * allowlist drops, link targets to other schemes and kramdown attribute lists, as
 * edits to the text and removals to warn about.
 */

const { helpers } = new MarkdownIt();

/** Something taken out of an editor's Markdown, at `offset` in the original text. */
export interface MarkdownRemoval {
  offset: number;
  kind: 'html' | 'link' | 'attribute-list';
  /** What was written, shortened. */
  written: string;
}

export interface Edit {
  start: number;
  end: number;
  replacement: string;
}

/** What a line is to CommonMark: code (left alone), inline text (code spans count) or other. */
export type LineMode = 'text' | 'code' | 'inline';

/** CommonMark's ASCII punctuation: what a backslash escapes. */
const ASCII_PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
const isAsciiPunctuation = (c: string | undefined) =>
  c !== undefined && c.length === 1 && ASCII_PUNCTUATION.includes(c);

const AUTOLINK = /^<([a-z][\d+.a-z-]{1,31}):[^\s<>]*>/i;
const EMAIL_AUTOLINK =
  /^<[\w.!#$%&'*+/=?^`{|}~-]+@[\da-z](?:[\da-z-]{0,61}[\da-z])?(?:\.[\da-z](?:[\da-z-]{0,61}[\da-z])?)*>/i;
/** Longest autolink looked at; a longer one is escaped (it is text then, which is safe). */
const AUTOLINK_MAX = 2048;

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

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
export const scanRun = (
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
  const destination = helpers.parseLinkDestination(text, at, text.length);
  if (!destination.ok || destination.pos === at) return from;
  const written = text.slice(at, destination.pos);
  if (unsafeLinkTarget(written) || unsafeLinkTarget(destination.str)) {
    edits.push({ start: base + at, end: base + destination.pos, replacement: '#' });
    removed.push({ offset: base + at, kind: 'link', written: shorten(written) });
  }
  return destination.pos;
};

/** `[label]: destination` at the start of a line (after quote markers): kramdown and CommonMark links. */
export const checkDefinitions = (
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
    const destination = helpers.parseLinkDestination(text, target, text.length);
    if (!destination.ok || destination.pos === target) return;
    const written = text.slice(target, destination.pos);
    if (unsafeLinkTarget(written) || unsafeLinkTarget(destination.str)) {
      edits.push({ start: base + target, end: base + destination.pos, replacement: '#' });
      removed.push({ offset: base + target, kind: 'link', written: shorten(written) });
    }
  });
};
