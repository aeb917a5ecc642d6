import type { WarningLog } from './errors';
import { hasInlineImage, linkDestinations } from './inline';
import type { MarkdownOutputOptions } from '../render/markdown';
import { fieldSafetyWarnings } from '../render/warnings';
import type { SourceLine } from './text';

/** Markdown text kept in a field, with where it came from. */
export interface Piece {
  lines: SourceLine[];
  /** A warning already told where it went, so its contents need no more. */
  reported: boolean;
}

/**
 * The lines of a field's pieces: pieces that follow each other in the post
 * stay on consecutive lines, others get a blank line between them so that
 * they remain separate blocks.
 */
export const joinPieces = (pieces: readonly Piece[]): string[] => {
  const joined: string[] = [];
  let lastLine: number | null = null;
  for (const { lines } of pieces) {
    if (lines.length === 0) continue;
    if (lastLine !== null && lines[0].number !== lastLine + 1) joined.push('');
    joined.push(...lines.map((line) => line.text));
    lastLine = lines[lines.length - 1].number;
  }
  return joined;
};

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Warns about what a field keeps but a reader may not expect to see there:
 * HTML comments, images, and links that are relative or not http(s).
 */
export const noteHiddenContent = (
  pieces: readonly Piece[],
  place: string,
  warnings: WarningLog
): void => {
  for (const piece of pieces) {
    if (piece.reported) continue;
    for (const { number, text } of piece.lines) {
      if (text.includes('<!--')) {
        warnings.add(number, `an HTML comment in ${place} is kept as written`);
      }
      if (hasInlineImage(text)) {
        warnings.add(number, `an image in ${place} is kept as written`);
      }
      for (const written of linkDestinations(text)) {
        const url =
          written.startsWith('<') && written.endsWith('>') ? written.slice(1, -1) : written;
        if (url === '' || url.startsWith('#')) continue;
        const scheme = SCHEME.exec(url)?.[1].toLowerCase();
        if (/^\{[{%]/.test(url)) {
          warnings.add(
            number,
            `the link "${url}" in ${place} is a Jekyll tag; it is kept as written`
          );
        } else if (scheme === undefined) {
          warnings.add(number, `the link "${url}" in ${place} is relative; it is kept as written`);
        } else if (!['http', 'https', 'mailto'].includes(scheme)) {
          warnings.add(
            number,
            `the link "${url}" in ${place} is not http(s); it is kept as written`
          );
        }
      }
    }
  }
};

/**
 * Warns about what the Markdown output will not keep as written in a field:
 * raw HTML outside the allowlist, link targets that are not http(s), kramdown
 * attribute lists, Liquid that is not an allowed link tag (see render/markdown-safety).
 */
export const noteUnsafeMarkdown = (
  pieces: readonly Piece[],
  place: string,
  warnings: WarningLog,
  options: MarkdownOutputOptions
): void => {
  for (const { lines } of pieces) {
    if (lines.length === 0) continue;
    const text = lines.map((line) => line.text).join('\n');
    const starts: number[] = [];
    let offset = 0;
    for (const line of lines) {
      starts.push(offset);
      offset += line.text.length + 1;
    }
    for (const warning of fieldSafetyWarnings(text, place, options)) {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid] <= warning.offset) low = mid;
        else high = mid - 1;
      }
      warnings.add(lines[low].number, warning.message);
    }
  }
};
