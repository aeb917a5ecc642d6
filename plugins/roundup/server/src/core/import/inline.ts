import MarkdownIt from 'markdown-it';
import { boundLinkLabels } from '../markdown-bounds';
import { MARKDOWN_LENGTH } from '../limits';
import { singleSpaced } from './text';

/** CommonMark with raw HTML recognised, so that a `<br/>` is a tag and not text. */
const markdown = boundLinkLabels(
  new MarkdownIt({ html: true, linkify: false, typographer: false })
);

export type InlineMarkup = 'emphasis' | 'code' | 'link' | 'image' | 'html';

export interface InlineText {
  /** What a reader sees, single-spaced. */
  text: string;
  /** The kinds of markup the source had besides plain text. */
  markup: Set<InlineMarkup>;
  /** True when the only markup is one emphasis around the whole text (`**Title - Site**`). */
  wrappedInEmphasis: boolean;
}

const EMPHASIS = /^(?:strong|em|s)_(?:open|close)$/;

/**
 * The longest Markdown the importer parses as one piece (a link's text, an author, a heading,
 * a list item): no field holds more, and markdown-it's inline rules take super-linear time on
 * some longer runs (`[[[…`), so longer text is only measured and refused, never parsed.
 */
export const READABLE_LENGTH = MARKDOWN_LENGTH;

/**
 * The visible text of one line of inline Markdown: escapes resolved, entities decoded, markup gone.
 * Text longer than READABLE_LENGTH comes back as written: no title, author or name holds it.
 */
export const readInlineText = (source: string): InlineText => {
  if (source.length > READABLE_LENGTH) {
    return { text: source, markup: new Set(), wrappedInEmphasis: false };
  }
  const children = (markdown.parseInline(source, {})[0]?.children ?? []).filter(
    (token) => !(token.type === 'text' && token.content === '')
  );
  const parts: string[] = [];
  const markup = new Set<InlineMarkup>();
  for (const token of children) {
    switch (token.type) {
      case 'text':
        parts.push(token.content);
        break;
      case 'softbreak':
      case 'hardbreak':
        parts.push(' ');
        break;
      case 'code_inline':
        markup.add('code');
        parts.push(token.content);
        break;
      case 'image':
        markup.add('image');
        parts.push(token.content);
        break;
      case 'html_inline':
        markup.add('html');
        break;
      case 'link_open':
        markup.add('link');
        break;
      default:
        if (EMPHASIS.test(token.type)) markup.add('emphasis');
    }
  }
  const first = children[0];
  const last = children[children.length - 1];
  const wrappedInEmphasis =
    markup.size === 1 &&
    markup.has('emphasis') &&
    children.filter((token) => EMPHASIS.test(token.type)).length === 2 &&
    first !== undefined &&
    last !== undefined &&
    first.type.endsWith('_open') &&
    last.type === first.type.replace('_open', '_close');
  return { text: singleSpaced(parts.join('')), markup, wrappedInEmphasis };
};

/** True when the Markdown has a link anywhere in it. */
export const hasLink = (source: string): boolean =>
  markdown
    .parse(source, {})
    .some((token) => (token.children ?? []).some((child) => child.type === 'link_open'));

export interface InlineLink {
  /** The link text as written, between the brackets. */
  label: string;
  /** The destination with backslash escapes and entities resolved, otherwise as written. */
  url: string;
  /** The optional `"title"` after the destination. */
  title: string | null;
  /** The offset just past the closing parenthesis. */
  end: number;
}

const skipWhitespace = (source: string, from: number): number => {
  let at = from;
  while (at < source.length && /[ \t\n]/.test(source[at])) at += 1;
  return at;
};

/**
 * The offset of the `]` closing the link text opened at `start`, or -1. Link text longer than
 * READABLE_LENGTH is no title, so the scan stops there (each code span's search is bounded too).
 */
const labelEnd = (source: string, start: number): number => {
  const end = Math.min(source.length, start + READABLE_LENGTH + 2);
  let depth = 0;
  let at = start;
  while (at < end) {
    const char = source[at];
    if (char === '\\') {
      at += 2;
      continue;
    }
    if (char === '`') {
      const run = /^`+/.exec(source.slice(at, end))![0];
      const close = source.slice(at + run.length, end).search(new RegExp(`(?<!\`)${run}(?!\`)`));
      at += close < 0 ? run.length : run.length + close + run.length;
      continue;
    }
    if (char === '[') depth += 1;
    if (char === ']') {
      depth -= 1;
      if (depth === 0) return at;
    }
    at += 1;
  }
  return -1;
};

/** The inline link `[text](url "title")` starting at `start`, or null when there is none there. */
export const readInlineLink = (source: string, start: number): InlineLink | null => {
  if (source[start] !== '[') return null;
  const close = labelEnd(source, start);
  if (close < 0 || source[close + 1] !== '(') return null;
  let at = skipWhitespace(source, close + 2);
  let url = '';
  let title: string | null = null;
  if (source[at] !== ')') {
    const destination = markdown.helpers.parseLinkDestination(source, at, source.length);
    if (!destination.ok) return null;
    url = destination.str;
    const afterDestination = destination.pos;
    at = skipWhitespace(source, afterDestination);
    if (at > afterDestination && at < source.length && source[at] !== ')') {
      const parsedTitle = markdown.helpers.parseLinkTitle(source, at, source.length);
      if (!parsedTitle.ok) return null;
      title = parsedTitle.str;
      at = skipWhitespace(source, parsedTitle.pos);
    }
  }
  if (source[at] !== ')') return null;
  return { label: source.slice(start + 1, close), url, title, end: at + 1 };
};

/**
 * The first offset at or after `from` whose character is one of `stops` (or the
 * text's length). Searches go forward; one that starts before the last answer
 * gets it again without rescanning, so a whole line costs linear time.
 */
const stopFinder = (text: string, stops: string) => {
  let lastFrom = -1;
  let lastAt = -1;
  return (from: number): number => {
    if (from >= lastFrom && from <= lastAt) return lastAt;
    let at = from;
    while (at < text.length && !stops.includes(text[at])) at += 1;
    lastFrom = from;
    lastAt = at;
    return at;
  };
};

/**
 * The destinations of the inline links and images on one line, as written: a
 * Liquid tag (`{% link … %}`), `<…>`, or up to the first space or `)`.
 */
export const linkDestinations = (line: string): string[] => {
  const found: string[] = [];
  const bareEnd = stopFinder(line, ') \t\n\r\f\v');
  const angleEnd = stopFinder(line, '>\n');
  // Where a Liquid tag can end: the offsets just past each `%}` and `}}`.
  const closers: number[] = [];
  for (let i = 1; i < line.length; i += 1) {
    if (line[i] === '}' && (line[i - 1] === '%' || line[i - 1] === '}')) closers.push(i + 1);
  }
  let closer = 0;
  let at = line.indexOf('](');
  while (at >= 0) {
    let start = at + 2;
    while (start < line.length && /\s/.test(line[start])) start += 1;
    let end: number;
    while (closer < closers.length && closers[closer] < start + 4) closer += 1;
    if (line[start] === '{' && (line[start + 1] === '{' || line[start + 1] === '%')) {
      end = closer < closers.length ? closers[closer] : bareEnd(start);
    } else if (line[start] === '<') {
      end = angleEnd(start + 1);
      end = line[end] === '>' ? end + 1 : bareEnd(start);
    } else {
      end = bareEnd(start);
    }
    found.push(line.slice(start, end));
    at = line.indexOf('](', Math.max(end, at + 2));
  }
  return found;
};

/** Whether a line has an inline image, `![alt](`, found without backtracking. */
export const hasInlineImage = (line: string): boolean => {
  const closeBracket = stopFinder(line, ']');
  let at = line.indexOf('![');
  while (at >= 0) {
    const close = closeBracket(at + 2);
    if (close >= line.length) return false;
    if (line[close + 1] === '(') return true;
    at = line.indexOf('![', at + 2);
  }
  return false;
};

/** Links read with their destinations exactly as written (no normalising, no filtering). */
const exact = boundLinkLabels(new MarkdownIt({ html: true, linkify: false, typographer: false }));
exact.normalizeLink = (url) => url;
exact.validateLink = () => true;

/** The inline links of one line of Markdown (a heading): their visible text and URL. */
export const inlineLinks = (source: string): { text: string; url: string }[] => {
  // A longer heading is refused for its name's length; its links are not looked for.
  if (source.length > READABLE_LENGTH) return [];
  const children = exact.parseInline(source, {})[0]?.children ?? [];
  const links: { text: string; url: string }[] = [];
  let open: { text: string[]; url: string } | null = null;
  for (const token of children) {
    if (token.type === 'link_open') open = { text: [], url: token.attrGet('href') ?? '' };
    else if (token.type === 'link_close' && open) {
      links.push({ text: singleSpaced(open.text.join('')), url: open.url });
      open = null;
    } else if (open && (token.type === 'text' || token.type === 'code_inline')) {
      open.text.push(token.content);
    } else if (open && (token.type === 'softbreak' || token.type === 'hardbreak')) {
      open.text.push(' ');
    }
  }
  return links;
};
