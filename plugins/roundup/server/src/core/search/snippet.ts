import { escapeHtml } from '../render/escape';
import { matchesTerm, wordsOf } from './terms';

/** The most characters of text a snippet shows (an ellipsis aside). */
export const SNIPPET_LENGTH = 160;
/** How much text a snippet keeps before the first matched word. */
const LEAD = 40;

export interface Snippet {
  /** The text around the first match, as plain text. */
  snippet: string;
  /** The same text, HTML-escaped, with each matched word in `<mark>`. */
  snippetHtml: string;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** Where a window of at most SNIPPET_LENGTH characters of `text` around `at` starts and ends. */
const windowAround = (text: string, at: number) => {
  if (text.length <= SNIPPET_LENGTH) return { start: 0, end: text.length };
  let start = Math.max(0, Math.min(at - LEAD, text.length - SNIPPET_LENGTH));
  if (start > 0) start += wordsOf(text.slice(start)).at(0)?.index ?? 0;
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + SNIPPET_LENGTH / 2) end = space;
    else if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  }
  return { start, end };
};

/**
 * The snippet of one hit: the first of commentary, the link-less items after the
 * link (`textAfter`), title and author in which a word of `terms` appears (the
 * commentary when none does), cut around the first
 * matched word. Everything but the `<mark>` tags is escaped, so the HTML is
 * safe to embed whatever a link's text holds.
 */
export const makeSnippet = (
  fields: {
    title: string;
    author: string | null;
    description: string | null;
    textAfter?: string | null;
  },
  terms: string[]
): Snippet => {
  const sources = [fields.description, fields.textAfter, fields.title, fields.author]
    .filter((text): text is string => Boolean(text))
    .map((text) => text.replace(/\s+/g, ' ').trim());
  const found = sources
    .map((text) => ({ text, match: wordsOf(text).find(({ word }) => matchesTerm(word, terms)) }))
    .find(({ match }) => match);
  const text = found?.text ?? sources[0] ?? '';
  const { start, end } = windowAround(text, found?.match?.index ?? 0);
  const shown = text.slice(start, end);
  const before = start > 0 ? '…' : '';
  const after = end < text.length ? '…' : '';

  let html = '';
  let last = 0;
  for (const { word, index } of wordsOf(shown)) {
    if (!matchesTerm(word, terms)) continue;
    html += `${escapeHtml(shown.slice(last, index))}<mark>${escapeHtml(word)}</mark>`;
    last = index + word.length;
  }
  html += escapeHtml(shown.slice(last));
  return { snippet: `${before}${shown}${after}`, snippetHtml: `${before}${html}${after}` };
};
