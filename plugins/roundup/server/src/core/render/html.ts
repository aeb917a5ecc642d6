import MarkdownIt from 'markdown-it';
import { boundLinkLabels } from '../markdown-bounds';
import type { RoundupEntry } from '../model';
import { escapeHtml, nonBlank } from './escape';
import { DEFAULT_LIQUID_TAGS, resolveLiquidLinks, type SiteLinks } from './liquid';

// Raw HTML off: a tag typed in any field comes out as text. Images off: no tracking pixels.
const markdownIt = boundLinkLabels(
  new MarkdownIt({ html: false, linkify: false, typographer: false }).disable('image')
);

type References = Record<string, unknown>;

/** What rendering one field to HTML needs to know about the rest of the post and the site. */
export interface HtmlContext {
  /** Liquid link tags resolved to the site (`post_url`, `link`). */
  liquidTags: readonly string[];
  /** The site for those tags; without it they lose their href. */
  site: SiteLinks | null;
  /** Reference-style link definitions of the whole post (`[ref]: url`), by markdown-it's keys. */
  references: References;
}

const DEFAULT_CONTEXT: HtmlContext = {
  liquidTags: DEFAULT_LIQUID_TAGS,
  site: null,
  references: {},
};

const NO_SITE: SiteLinks = { siteUrl: 'invalid:', permalink: '/' };

const prepared = (text: string, context: HtmlContext) =>
  text.includes('{%')
    ? resolveLiquidLinks(text, context.liquidTags, context.site ?? NO_SITE)
    : text;

/**
 * The link definitions (`[ref]: https://…`) of the given Markdown fields: a post
 * writes them once, often at its end, and uses them in any entry's commentary.
 */
export const markdownReferences = (
  fields: readonly (string | null | undefined)[],
  context: Omit<HtmlContext, 'references'> = DEFAULT_CONTEXT
): References => {
  const env: { references: References } = { references: {} };
  for (const field of fields) {
    const text = nonBlank(field);
    if (!text || !text.includes(']:')) continue;
    // One line at a time, as kramdown reads them: a definition after a footnote (`[^1]: …`)
    // or after text still counts, where CommonMark would read the lines as one paragraph.
    for (const line of prepared(text, { ...context, references: {} }).split('\n')) {
      const start = line.trimStart();
      if (start.startsWith('[') && !start.startsWith('[^') && line.includes(']:')) {
        markdownIt.parse(start, env);
      }
    }
  }
  return env.references;
};

/** Markdown (commentary, intro, outro, excerpt) as HTML, raw HTML disabled. */
export const markdownToHtml = (
  source: string | null | undefined,
  context: HtmlContext = DEFAULT_CONTEXT
): string => {
  const text = nonBlank(source);
  if (!text) return '';
  // A copy: markdown-it adds the field's own definitions to the object it is given.
  return markdownIt
    .render(prepared(text, context), { references: { ...context.references } })
    .trimEnd();
};

/**
 * Markdown that stands in a list after an entry (its `textAfter`) as list items of
 * that list: a bullet list's own items, and each other block as an item of its own.
 */
export const htmlListItems = (
  source: string | null | undefined,
  context: HtmlContext = DEFAULT_CONTEXT
): string => {
  const text = nonBlank(source);
  if (!text) return '';
  const env = { references: { ...context.references } };
  const tokens = markdownIt.parse(prepared(text, context), env);
  const render = (part: typeof tokens) =>
    markdownIt.renderer.render(part, markdownIt.options, env).trimEnd();
  const items: string[] = [];
  // Each top-level block runs from a level-0 token to the level-0 token that closes it.
  for (let start = 0; start < tokens.length;) {
    let end = start;
    if (tokens[start].nesting === 1) {
      do end += 1;
      while (tokens[end].level !== 0 || tokens[end].nesting !== -1);
    }
    const block = tokens.slice(start, end + 1);
    items.push(
      tokens[start].type === 'bullet_list_open'
        ? render(block.slice(1, -1))
        : `<li>${render(block)}</li>`
    );
    start = end + 1;
  }
  return items.join('\n');
};

/** One entry as a list item: the linked title, " by Author", then the commentary; then its `textAfter`. */
export const htmlEntry = (
  { title, url, author, description, textAfter }: RoundupEntry,
  context: HtmlContext = DEFAULT_CONTEXT
): string => {
  const by = nonBlank(author);
  const commentary = markdownToHtml(description, context);
  const link = `<a href="${escapeHtml(url)}">${escapeHtml(title)}</a>`;
  const line = by ? `${link} by ${escapeHtml(by)}` : link;
  const after = htmlListItems(textAfter, context);
  return `<li><p>${line}</p>${commentary ? `\n${commentary}` : ''}</li>${after ? `\n${after}` : ''}`;
};
