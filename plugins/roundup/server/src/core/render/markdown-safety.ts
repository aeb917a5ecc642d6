import MarkdownIt from 'markdown-it';
import { hasBlockHtml } from './html-tag';
import {
  checkDefinitions,
  scanRun,
  type Edit,
  type LineMode,
  type MarkdownRemoval,
} from './markdown-scan';

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

export type { MarkdownRemoval } from './markdown-scan';

export type RawHtmlMode = 'sanitize' | 'keep';

export interface SafeMarkdown {
  text: string;
  removed: MarkdownRemoval[];
}

// The parser only tells code from text here; nothing is rendered with it.
const blocks = new MarkdownIt({ html: true, linkify: false, typographer: false });
// Block structure only: inline parsing (links, emphasis) is super-linear on runs like `![![…`.
blocks.core.ruler.disable('inline');

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
