import MarkdownIt from 'markdown-it';
import { singleSpaced } from './text';

/** CommonMark with raw HTML recognised, so that a `<br/>` is a tag and not text. */
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });

export type InlineMarkup = 'emphasis' | 'code' | 'link' | 'image' | 'html';

export interface InlineText {
  /** What a reader sees, single-spaced. */
  text: string;
  /** The kinds of markup the source had besides plain text. */
  markup: Set<InlineMarkup>;
  /** True when the only markup is one emphasis around the whole text (`**Title - Site**`). */
  wrappedInEmphasis: boolean;
}

const EMPHASIS = /^(strong|em|s)_(open|close)$/;

/** The visible text of one line of inline Markdown: escapes resolved, entities decoded, markup gone. */
export const readInlineText = (source: string): InlineText => {
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

/** The offset of the `]` closing the link text opened at `start`, or -1. */
const labelEnd = (source: string, start: number): number => {
  let depth = 0;
  let at = start;
  while (at < source.length) {
    const char = source[at];
    if (char === '\\') {
      at += 2;
      continue;
    }
    if (char === '`') {
      const run = /^`+/.exec(source.slice(at))![0];
      const close = source.slice(at + run.length).search(new RegExp(`(?<!\`)${run}(?!\`)`));
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
