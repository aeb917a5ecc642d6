/**
 * What the editor's page shows of roundups and links: plain functions of
 * plain rows, so the page's rules (status, card text, duplicates) are tested
 * without Strapi.
 */

import MarkdownIt, { type Token } from 'markdown-it';
import type { DuplicateRef, RoundupStatus } from '../../../shared/contracts/editor';

interface Version {
  updatedAt?: string | Date | null;
}

const time = (value: string | Date | null | undefined) =>
  value ? new Date(value).getTime() || 0 : 0;

/**
 * Draft only: `draft`; published and not edited since: `published`; a draft
 * saved after the last publish: `modified` (the Content Manager's rule).
 */
export const roundupStatus = (draft: Version | null, published: Version | null): RoundupStatus => {
  if (!published) return 'draft';
  if (!draft) return 'published';
  return time(draft.updatedAt) > time(published.updatedAt) ? 'modified' : 'published';
};

/** The host a link points to, without `www.`; '' when the URL does not parse. */
export const urlHost = (url: string): string => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
};

const CARD_LINE_LENGTH = 160;
/**
 * How much of a commentary a card is made from: room for the visible line and
 * the link targets and marks around it, and no more, however long the commentary.
 */
const CARD_SOURCE_LENGTH = 2000;

const cardMarkdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** The visible text of inline tokens up to the first line break. */
const visibleLine = (children: Token[]): string => {
  let text = '';
  for (const child of children) {
    if (child.type === 'softbreak' || child.type === 'hardbreak') break;
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    // An image shows its description, as a link shows its text (its text tokens).
    else if (child.type === 'image') text += visibleLine(child.children ?? []);
    if (text.length > CARD_LINE_LENGTH * 2) break;
  }
  return text;
};

const shorten = (text: string): string => {
  const plain = text.replace(/\s+/g, ' ').trim();
  return plain.length > CARD_LINE_LENGTH
    ? `${plain.slice(0, CARD_LINE_LENGTH - 1).trimEnd()}…`
    : plain;
};

const readFirstLine = (source: string): string => {
  for (const token of cardMarkdown.parse(source, {})) {
    let line = '';
    if (token.type === 'inline') line = shorten(visibleLine(token.children ?? []));
    else if (token.type === 'fence' || token.type === 'code_block') {
      line = shorten(token.content.split('\n', 1)[0]);
    }
    if (line) return line;
  }
  return '';
};

/** First lines already read, by source: the editor's page asks for the same cards after every change. */
const FIRST_LINES = new Map<string, string>();
const FIRST_LINES_KEPT = 2000;

/**
 * The first line of a link's commentary as plain text, for its card: Markdown
 * links keep their text, emphasis and code marks go, long lines end in `…`.
 * Read with markdown-it from the commentary's first CARD_SOURCE_LENGTH
 * characters only, so a card costs the same whatever the commentary holds;
 * the last FIRST_LINES_KEPT answers are remembered.
 */
export const firstLine = (markdown: string | null | undefined): string => {
  if (!markdown) return '';
  const source = markdown.slice(0, CARD_SOURCE_LENGTH);
  let line = FIRST_LINES.get(source);
  if (line === undefined) {
    line = readFirstLine(source);
    if (FIRST_LINES.size >= FIRST_LINES_KEPT)
      FIRST_LINES.delete(FIRST_LINES.keys().next().value as string);
  } else {
    FIRST_LINES.delete(source);
  }
  FIRST_LINES.set(source, line);
  return line;
};

export interface LinkRow {
  documentId: string;
  canonicalUrl: string | null;
  roundup: { documentId: string; title: string } | null;
}

/**
 * For each link of `own` (keyed by documentId), the other roundups that
 * already have a link with the same canonical URL. Links in the inbox and in
 * the same roundup as the link are not duplicates of it.
 */
export const findDuplicates = (
  own: { documentId: string; canonicalUrl: string | null; roundup: string | null }[],
  candidates: LinkRow[]
): Map<string, DuplicateRef[]> => {
  const byUrl = new Map<string, LinkRow[]>();
  for (const row of candidates) {
    if (!row.canonicalUrl || !row.roundup) continue;
    const list = byUrl.get(row.canonicalUrl) ?? [];
    list.push(row);
    byUrl.set(row.canonicalUrl, list);
  }
  const result = new Map<string, DuplicateRef[]>();
  for (const link of own) {
    if (!link.canonicalUrl) continue;
    const seen = new Set<string>();
    const refs: DuplicateRef[] = [];
    for (const row of byUrl.get(link.canonicalUrl) ?? []) {
      const roundup = row.roundup!;
      if (row.documentId === link.documentId || roundup.documentId === link.roundup) continue;
      if (seen.has(roundup.documentId)) continue;
      seen.add(roundup.documentId);
      refs.push({
        roundup: { documentId: roundup.documentId, title: roundup.title },
        entry: row.documentId,
      });
    }
    if (refs.length > 0) result.set(link.documentId, refs);
  }
  return result;
};
