import { dropIndent, indentOf, isBlank, type SourceLine } from './text';

/** A heading (`#` to `######`) at the top level of the post. */
export interface HeadingBlock {
  kind: 'heading';
  line: number;
  /** 1 to 6: `##` opens a section, `###` one under it… */
  level: number;
  /** The heading text as written, without the `#` marks. */
  text: string;
  raw: SourceLine;
}

/** A bullet list item at the top level, with everything that belongs to it. */
export interface ItemBlock {
  kind: 'item';
  line: number;
  /** The item's lines without its marker and content indentation; the first one starts after the marker. */
  content: SourceLine[];
  raw: SourceLine[];
}

/** Any other top-level text: paragraphs, HTML, code, ordered lists. */
export interface TextBlock {
  kind: 'text';
  line: number;
  raw: SourceLine[];
}

export type Block = HeadingBlock | ItemBlock | TextBlock;

const BULLET = /^( {0,3})[*+-](?:[ \t]+|$)/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** Tags that start a CommonMark HTML block, which may interrupt a paragraph. */
const HTML_BLOCK_TAGS = [
  'address article aside base basefont blockquote body caption center col colgroup dd details',
  'dialog dir div dl dt fieldset figcaption figure footer form frame frameset h[1-6] head header',
  'hr html iframe legend li link main menu menuitem nav noframes ol optgroup option p param pre',
  'script search section style summary table tbody td textarea tfoot th thead title tr track ul',
]
  .join(' ')
  .replace(/ /g, '|');
const HTML_BLOCK = new RegExp(
  `^ {0,3}<(?:!--|\\?|![A-Za-z]|!\\[CDATA\\[|/?(?:${HTML_BLOCK_TAGS})(?:[\\s/>]|$))`,
  'i'
);

const isBlankChar = (c: string | undefined) => c === ' ' || c === '\t';

/** `text` without spaces and tabs at either end. */
const trimBlanks = (text: string): string => {
  let start = 0;
  let end = text.length;
  while (start < end && isBlankChar(text[start])) start += 1;
  while (end > start && isBlankChar(text[end - 1])) end -= 1;
  return text.slice(start, end);
};

/** A CommonMark ATX heading (`## Name ##`): its level and text, read character by character. */
export const headingOf = (text: string): { level: number; text: string } | null => {
  let at = 0;
  while (at < 3 && text[at] === ' ') at += 1;
  let level = 0;
  while (text[at + level] === '#') level += 1;
  if (level < 1 || level > 6) return null;
  const rest = text.slice(at + level);
  if (rest !== '' && !isBlankChar(rest[0])) return null;
  let content = trimBlanks(rest);
  // A closing sequence of hashes goes, when a space or tab stands before it (or it is all there is).
  let end = content.length;
  while (end > 0 && content[end - 1] === '#') end -= 1;
  if (end === 0) content = '';
  else if (end < content.length && isBlankChar(content[end - 1]))
    content = trimBlanks(content.slice(0, end));
  return { level, text: content };
};

/** A line that starts a new block even right after a paragraph line (so it is no lazy continuation). */
export const startsBlock = (text: string): boolean =>
  headingOf(text) !== null ||
  THEMATIC_BREAK.test(text) ||
  FENCE.test(text) ||
  /^ {0,3}>/.test(text) ||
  /^ {0,3}[*+-][ \t]+\S/.test(text) ||
  /^ {0,3}1[.)][ \t]+\S/.test(text) ||
  HTML_BLOCK.test(text);

const bulletOf = (text: string): { contentIndent: number; rest: string } | null => {
  if (THEMATIC_BREAK.test(text)) return null;
  const match = BULLET.exec(text);
  if (!match) return null;
  const markerEnd = match[1].length + 1;
  const rest = text.slice(match[0].length);
  const spaces = indentOf(text.slice(markerEnd));
  // An empty item or one whose text is indented code counts one space after the marker.
  const gap = rest === '' || spaces > 4 ? 1 : spaces;
  return {
    contentIndent: markerEnd + gap,
    rest: rest === '' ? '' : dropIndent(text.slice(markerEnd), gap),
  };
};

interface OpenItem {
  block: ItemBlock;
  contentIndent: number;
  /** Blank lines seen since the last line of the item; they join it only if it goes on. */
  pendingBlanks: SourceLine[];
  /** Whether the last line was paragraph text, which a lazy continuation line may extend. */
  inParagraph: boolean;
  fence: string | null;
}

interface OpenText {
  block: TextBlock;
  pendingBlanks: SourceLine[];
  fence: string | null;
  inComment: boolean;
}

/** The fence open after `text`, given the one open before it (null: none). */
export const fenceToggle = (fence: string | null, text: string): string | null => {
  const match = FENCE.exec(text);
  if (fence === null) return match ? match[1] : null;
  const closing = match && match[1][0] === fence[0] && match[1].length >= fence.length;
  return closing && /^[`~]+\s*$/.test(text.trim()) ? null : fence;
};

/**
 * Splits the body of a post into top-level headings, bullet list items and
 * other text, following CommonMark's rules for what belongs to a list item:
 * lines indented to the item's content, blank lines between them, and lazy
 * continuation lines (unindented text right after a paragraph line).
 */
export const scanBlocks = (lines: readonly SourceLine[]): Block[] => {
  const blocks: Block[] = [];
  let item: OpenItem | null = null;
  let text: OpenText | null = null;

  const continuesItem = (open: OpenItem, line: SourceLine): boolean => {
    const indent = indentOf(line.text);
    if (open.fence !== null) return indent >= open.contentIndent;
    if (indent >= open.contentIndent) return true;
    return open.pendingBlanks.length === 0 && open.inParagraph && !startsBlock(line.text);
  };

  const addToItem = (open: OpenItem, line: SourceLine) => {
    for (const blank of open.pendingBlanks) {
      open.block.content.push({ number: blank.number, text: '' });
      open.block.raw.push(blank);
    }
    open.pendingBlanks = [];
    const content = dropIndent(line.text, Math.min(indentOf(line.text), open.contentIndent));
    open.block.content.push({ number: line.number, text: content });
    open.block.raw.push(line);
    const wasFenced = open.fence !== null;
    open.fence = fenceToggle(open.fence, content);
    open.inParagraph =
      !wasFenced &&
      open.fence === null &&
      headingOf(content) === null &&
      !THEMATIC_BREAK.test(content);
  };

  for (const line of lines) {
    if (item) {
      if (isBlank(line.text)) {
        item.pendingBlanks.push(line);
        continue;
      }
      if (continuesItem(item, line)) {
        addToItem(item, line);
        continue;
      }
      item = null;
    }

    if (text && (text.fence !== null || text.inComment)) {
      text.block.raw.push(...text.pendingBlanks, line);
      text.pendingBlanks = [];
      if (text.inComment) text.inComment = !line.text.includes('-->');
      else text.fence = fenceToggle(text.fence, line.text);
      continue;
    }

    if (isBlank(line.text)) {
      text?.pendingBlanks.push(line);
      continue;
    }

    const heading = headingOf(line.text);
    if (heading && heading.text !== '') {
      text = null;
      blocks.push({
        kind: 'heading',
        line: line.number,
        level: heading.level,
        text: heading.text,
        raw: line,
      });
      continue;
    }

    const bullet = bulletOf(line.text);
    if (bullet) {
      text = null;
      const block: ItemBlock = {
        kind: 'item',
        line: line.number,
        content: [{ number: line.number, text: bullet.rest }],
        raw: [line],
      };
      blocks.push(block);
      const fence = fenceToggle(null, bullet.rest);
      item = {
        block,
        contentIndent: bullet.contentIndent,
        pendingBlanks: [],
        inParagraph: bullet.rest !== '' && fence === null && headingOf(bullet.rest) === null,
        fence,
      };
      continue;
    }

    if (!text) {
      const block: TextBlock = { kind: 'text', line: line.number, raw: [] };
      blocks.push(block);
      text = { block, pendingBlanks: [], fence: null, inComment: false };
    }
    text.block.raw.push(...text.pendingBlanks, line);
    text.pendingBlanks = [];
    text.fence = fenceToggle(null, line.text);
    text.inComment = /^ {0,3}<!--/.test(line.text) && !line.text.includes('-->');
  }
  return blocks;
};
