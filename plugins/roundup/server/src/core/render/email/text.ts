import MarkdownIt from 'markdown-it';
import { boundLinkLabels } from '../../markdown-bounds';
import type { RoundupEntry } from '../../model';
import { indent, nonBlank } from '../escape';
import type { HtmlContext } from '../html';
import { resolveLiquidLinks, type SiteLinks } from '../liquid';
import { absoluteHref } from './links';

// The same reading of Markdown as the HTML output: raw HTML is text, no images.
const markdownIt = boundLinkLabels(
  new MarkdownIt({ html: false, linkify: false, typographer: false }).disable('image')
);

type Token = ReturnType<MarkdownIt['parse']>[number];

const NO_SITE: SiteLinks = { siteUrl: 'invalid:', permalink: '/' };

/**
 * The links of one plain-text rendering, numbered in the order they first
 * appear; a URL met again keeps its number, so the list at the end has each once.
 */
export class TextLinks {
  private readonly numbers = new Map<string, number>();

  /** `numbered` false: links keep their text and get no number (a preheader). */
  constructor(
    private readonly siteUrl: string | null,
    private readonly numbered = true
  ) {}

  /** The number of `href` (resolved against the site), or null for a link that goes nowhere safe. */
  number(href: string): number | null {
    const url = absoluteHref(href, this.siteUrl);
    if (!url || !this.numbered) return null;
    let number = this.numbers.get(url);
    if (number === undefined) this.numbers.set(url, (number = this.numbers.size + 1));
    return number;
  }

  /** The references block: a `Links` heading, then `[1] https://…` lines in number order. */
  block(): string {
    if (this.numbers.size === 0) return '';
    const lines = [...this.numbers].map(([url, number]) => `[${number}] ${url}`);
    return `${textHeading('Links', '-')}\n${lines.join('\n')}`;
  }
}

// C0 and C1 controls (tabs and line breaks aside) and bidirectional overrides: nothing a reader
// should receive that could reorder or hide what the text says.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROLS = /[\u0000-\u0008\v\f\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Text as one safe line: controls removed, every run of whitespace one space. */
export const plainLine = (text: string | null | undefined): string =>
  (text ?? '').replace(CONTROLS, '').replace(/\s+/g, ' ').trim();

const inline = (tokens: Token[], links: TextLinks): string => {
  const out: string[] = [];
  const open: (number | null)[] = [];
  for (const token of tokens) {
    if (token.type === 'text') out.push(token.content);
    else if (token.type === 'code_inline') out.push(`\`${token.content}\``);
    else if (token.type === 'softbreak') out.push(' ');
    else if (token.type === 'hardbreak') out.push('\n');
    else if (token.type === 'link_open') open.push(links.number(token.attrGet('href') ?? ''));
    else if (token.type === 'link_close') {
      const number = open.pop();
      if (number != null) out.push(` [${number}]`);
    }
  }
  return out.join('').replace(CONTROLS, '');
};

interface ListLevel {
  ordered: boolean;
  next: number;
}

/** Markdown-it's block tokens as plain text: paragraphs, lists, quotes and code, links numbered. */
const blocks = (tokens: Token[], links: TextLinks): string => {
  const paragraphs: string[] = [];
  const lists: ListLevel[] = [];
  let quote = 0;
  let marker: string | null = null;

  const write = (text: string) => {
    const base = '  '.repeat(Math.max(0, lists.length - 1));
    // Lines after an item's first hang under its text.
    const hang = lists.length ? '  ' : '';
    const lines = text.split('\n').map((line, index) => {
      const prefix = index === 0 && marker !== null ? `${base}${marker} ` : `${base}${hang}`;
      return `${'> '.repeat(quote)}${prefix}${line}`.trimEnd();
    });
    marker = null;
    paragraphs.push(lines.join('\n'));
  };

  for (const token of tokens) {
    switch (token.type) {
      case 'bullet_list_open':
        lists.push({ ordered: false, next: 1 });
        break;
      case 'ordered_list_open':
        lists.push({ ordered: true, next: Number(token.attrGet('start') ?? 1) });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        const level = lists[lists.length - 1];
        marker = level?.ordered ? `${level.next++}.` : '-';
        break;
      }
      case 'blockquote_open':
        quote += 1;
        break;
      case 'blockquote_close':
        quote -= 1;
        break;
      case 'inline':
        write(inline(token.children ?? [], links));
        break;
      case 'fence':
      case 'code_block':
        write(
          token.content
            .replace(CONTROLS, '')
            .trimEnd()
            .split('\n')
            .map((line) => `    ${line}`)
            .join('\n')
        );
        break;
      case 'hr':
        write('---');
        break;
      default:
        break;
    }
  }
  return paragraphs.join('\n\n');
};

/** A Markdown field (commentary, intro, outro) as plain text, its links numbered in `links`. */
export const markdownToText = (
  source: string | null | undefined,
  links: TextLinks,
  context: HtmlContext
): string => {
  const text = nonBlank(source);
  if (!text) return '';
  const prepared = text.includes('{%')
    ? resolveLiquidLinks(text, context.liquidTags, context.site ?? NO_SITE)
    : text;
  return blocks(markdownIt.parse(prepared, { references: { ...context.references } }), links);
};

/** One entry: `- Title [1] by Author`, the commentary indented under it, then its `textAfter`. */
export const textEntry = (entry: RoundupEntry, links: TextLinks, context: HtmlContext): string => {
  const number = links.number(entry.url);
  const author = nonBlank(entry.author);
  const title = `- ${plainLine(entry.title)}${number === null ? '' : ` [${number}]`}`;
  const line = author ? `${title} by ${plainLine(author)}` : title;
  const commentary = markdownToText(entry.description, links, context);
  const item = commentary ? `${line}\n${indent(commentary, 2)}` : line;
  // Items without a link of their own follow at the list's level, as in the email.
  const after = markdownToText(entry.textAfter, links, context);
  return after ? `${item}\n${after}` : item;
};

/** How a section's heading is underlined at each depth: `-` at the top, `~` under it, `.` deeper. */
const SECTION_MARKS = ['-', '~', '.'];

/**
 * A section's heading: underlined by its depth, so that a section under another
 * reads as one, then the URL its heading links to (if any) on the next line.
 */
export const textSection = (
  name: string,
  depth: number,
  url: string | null,
  siteUrl: string | null
): string => {
  const heading = textHeading(name, SECTION_MARKS[Math.min(Math.max(depth, 1), 3) - 1]);
  const href = url ? absoluteHref(url, siteUrl) : null;
  return href ? `${heading}\n${plainLine(href)}` : heading;
};

/** A heading underlined with `mark` (`=` for the title, `-` for a section), as Setext writes it. */
export const textHeading = (text: string, mark: string): string => {
  const line = plainLine(text);
  return `${line}\n${(mark[0] ?? '-').repeat(Math.max(3, [...line].length))}`;
};
