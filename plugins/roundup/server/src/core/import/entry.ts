import type { RoundupEntry } from '../model';
import { startsBlock, type ItemBlock } from './blocks';
import {
  hasLink,
  READABLE_LENGTH,
  readInlineLink,
  readInlineText,
  type InlineLink,
} from './inline';
import type { EntryProblem } from './entry-problem';
import { isBlank, type SourceLine } from './text';

/** A note about one entry, before the parser knows where it ends up. */
export interface EntryNote {
  line: number;
  message: string;
}

export type ItemReading =
  | {
      kind: 'entry';
      entry: Omit<RoundupEntry, 'description'>;
      /** The commentary's lines as written, without the item's indentation. */
      commentary: SourceLine[];
      notes: EntryNote[];
    }
  /** A list item with no link at all; `signOff` when it is only a name (`- Noah`). */
  | { kind: 'linkless'; signOff: boolean }
  /** A list item with a link that does not start with it. */
  | { kind: 'late-link' }
  /** A list item longer than READABLE_LENGTH and no entry: kept as written, not parsed. */
  | { kind: 'unread'; length: number }
  /** An entry the API would refuse as a link (see entryProblem): kept as written, as text. */
  | { kind: 'refused'; title: string; problem: EntryProblem };

const BREAK_TAG = /<br\s*\/?>/i;
/** `- Noah`, `- Jane Doe`: a curator signing the commentary above. */
const SIGN_OFF = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}$/u;

interface Header {
  /** The text between the link and the commentary: `by Author`, `- `, or nothing. */
  tail: string;
  /** Offset in the paragraph where the commentary starts. */
  rest: number;
}

/**
 * Where the author part after the link ends: at a `<br>` on the link's line,
 * or on the next line when the link's line ends with "by" or the next line
 * starts with it (`[Title](url)⏎  by Author<br>`), else at the end of the line.
 */
const splitHeader = (paragraph: string, link: InlineLink): Header => {
  const lineEnd = (from: number) => {
    const at = paragraph.indexOf('\n', from);
    return at < 0 ? paragraph.length : at;
  };
  const firstEnd = lineEnd(link.end);
  const first = paragraph.slice(link.end, firstEnd);
  const breakTag = BREAK_TAG.exec(first);
  if (breakTag) {
    return {
      tail: first.slice(0, breakTag.index),
      rest: link.end + breakTag.index + breakTag[0].length,
    };
  }
  if (firstEnd < paragraph.length) {
    const next = paragraph.slice(firstEnd + 1, lineEnd(firstEnd + 1));
    const authorOnNextLine =
      /(?:^|\s)by\s*$/i.test(first) || (isBlank(first) && /^\s*by\s/i.test(next));
    if (authorOnNextLine) {
      const nextBreak = BREAK_TAG.exec(next);
      const tailEnd = nextBreak ? nextBreak.index : next.length;
      const rest = firstEnd + 1 + (nextBreak ? nextBreak.index + nextBreak[0].length : next.length);
      return { tail: `${first} ${next.slice(0, tailEnd)}`, rest };
    }
  }
  return { tail: first, rest: firstEnd };
};

interface Byline {
  author: string | null;
  /** Commentary written on the link's line (`by Author - commentary`, `- commentary`). */
  lead: string | null;
}

const DASHES = '-–—';
const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/** Where `by Author - commentary` splits: the whitespace, dash and whitespace, found without backtracking. */
const dashSeparator = (text: string): { start: number; end: number } | null => {
  for (let at = 1; at < text.length; at += 1) {
    if (!DASHES.includes(text[at]) || !isSpace(text[at - 1])) continue;
    if (at + 1 < text.length && !isSpace(text[at + 1])) continue;
    let start = at - 1;
    while (start > 0 && isSpace(text[start - 1])) start -= 1;
    let end = at + 1;
    while (end < text.length && isSpace(text[end])) end += 1;
    return { start, end };
  }
  return null;
};

const readByline = (tail: string, title: string, line: number, notes: EntryNote[]): Byline => {
  const text = tail.trim();
  if (text === '') return { author: null, lead: null };
  if (/^by$/i.test(text)) {
    notes.push({
      line,
      message: `the link of "${title}" is followed by "by" but no author; "${text}" starts the commentary`,
    });
    return { author: null, lead: text };
  }
  const byName = /^by\s/i.test(text) ? text.slice(2).trimStart() : '';
  if (byName !== '') {
    const separator = dashSeparator(byName);
    const written = separator ? byName.slice(0, separator.start) : byName;
    const lead = separator ? byName.slice(separator.end).trim() : '';
    const author = readInlineText(written);
    const linked =
      author.markup.has('link') || author.markup.has('image') || author.markup.has('html');
    if (!linked && author.text !== '') {
      if (author.markup.size > 0) {
        notes.push({
          line,
          message: `the formatting of the author of "${title}" is not kept: "${written.trim()}"`,
        });
      }
      return { author: author.text, lead: lead || null };
    }
  }
  if ((DASHES.includes(text[0]) || text[0] === ':') && (text.length === 1 || isSpace(text[1]))) {
    return { author: null, lead: text.slice(1).trim() || null };
  }
  notes.push({
    line,
    message: `the text after the link of "${title}" is not "by Author", so it starts the commentary: "${text}"`,
  });
  return { author: null, lead: text };
};

const readTitle = (link: InlineLink, line: number, notes: EntryNote[]): string => {
  const title = readInlineText(link.label);
  if (title.markup.size > 0 && !title.wrappedInEmphasis) {
    notes.push({
      line,
      message: `the formatting of the title "${title.text}" is not kept: "${link.label}"`,
    });
  }
  if (link.title !== null) {
    notes.push({ line, message: `the link title "${link.title}" of "${title.text}" is not kept` });
  }
  if (title.text === '') {
    notes.push({ line, message: `the link to ${link.url} has no text; its URL is the title` });
    return link.url;
  }
  return title.text;
};

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * A line of paragraph text written so that it cannot start a block: the
 * commentary's first line comes after the link (`* [T](u)<br/>⏎  # of …`) or
 * at the start of its own document (HTML output), where `# `, `> `, `- `,
 * `+ `, `* `, `1. ` or a fence would make a heading, quote, list or code.
 * The marker is backslash-escaped, which CommonMark and kramdown both read
 * as the character itself. Later lines can only interrupt a paragraph.
 */
export const asParagraphText = (line: string, first: boolean): string => {
  const c = line[0];
  const next = line[1];
  const blankOrEnd = next === undefined || next === ' ' || next === '\t';
  if (c === '#' || c === '>') return `\\${line}`;
  if ((c === '-' || c === '+' || c === '*') && blankOrEnd) return `\\${line}`;
  // A thematic break (`***`, `- - -`) or a setext underline (`===`).
  const onlyMarker =
    (c === '-' || c === '*' || c === '_' || c === '=') &&
    line.split('').every((char) => char === c || char === ' ' || char === '\t');
  if (onlyMarker) return `\\${line}`;
  if (c === '`' && line.startsWith('```')) return `\\${line}`;
  // kramdown has no escape for `~`.
  if (c === '~' && line.startsWith('~~~')) return `&#126;${line.slice(1)}`;
  if (isDigit(c)) {
    let end = 0;
    while (end < 10 && isDigit(line[end])) end += 1;
    const marker = line[end];
    const after = line[end + 1];
    const opensList = (first || line.slice(0, end) === '1') && (marker === '.' || marker === ')');
    if (opensList && (after === undefined || after === ' ' || after === '\t')) {
      return `${line.slice(0, end)}\\${line.slice(end)}`;
    }
  }
  return line;
};

/**
 * Reads a top-level list item: an entry when it starts with an inline link
 * (`[Title](url) by Author<br/>commentary`), else what kind of item it is.
 */
export const readItem = (item: ItemBlock): ItemReading => {
  const { content } = item;
  let paragraphEnd = 1;
  while (
    paragraphEnd < content.length &&
    !isBlank(content[paragraphEnd].text) &&
    !startsBlock(content[paragraphEnd].text)
  ) {
    paragraphEnd += 1;
  }
  const paragraphLines = content.slice(0, paragraphEnd);
  const paragraph = paragraphLines.map((line) => line.text).join('\n');
  const link = readInlineLink(paragraph, 0);
  if (!link) {
    const text = content.map((line) => line.text).join('\n');
    if (text.length > READABLE_LENGTH) return { kind: 'unread', length: text.length };
    if (hasLink(text)) return { kind: 'late-link' };
    return { kind: 'linkless', signOff: content.length === 1 && SIGN_OFF.test(paragraph.trim()) };
  }

  const lineAt = (offset: number) =>
    paragraphLines[paragraph.slice(0, offset).split('\n').length - 1].number;
  const notes: EntryNote[] = [];
  const header = splitHeader(paragraph, link);
  const title = readTitle(link, item.line, notes);
  const byline = readByline(header.tail, title, lineAt(link.end), notes);

  const restStartLine = paragraph.slice(0, header.rest).split('\n').length - 1;
  // The rest of the first paragraph continues it, so its indentation means nothing.
  const rest = paragraph
    .slice(header.rest)
    .split('\n')
    .map((text, index) => ({
      number: paragraphLines[restStartLine + index].number,
      text: text.trim(),
    }))
    .filter((line, index) => index > 0 || line.text !== '');
  // Text of the link's paragraph stays paragraph text wherever the commentary is written.
  const paragraphText = [
    ...(byline.lead ? [{ number: lineAt(header.rest), text: byline.lead }] : []),
    ...rest,
  ].map((line, index) => ({ ...line, text: asParagraphText(line.text, index === 0) }));
  const commentary: SourceLine[] = [...paragraphText, ...content.slice(paragraphEnd)];
  return {
    kind: 'entry',
    entry: { title, url: link.url, author: byline.author },
    commentary,
    notes,
  };
};
