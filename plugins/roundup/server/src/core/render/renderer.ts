import { Liquid, type Template } from 'liquidjs';
import type { Roundup } from '../model';
import { markdownToHtml, sanitizeHtml } from './html';
import { frontMatter, indent, markdownText, markdownUrl } from './markdown-text';
import { DEFAULT_HTML_TEMPLATE, DEFAULT_MARKDOWN_TEMPLATE } from './templates';

export interface TemplateSource {
  source: string;
  /** Where it came from (a file path): named in every error about it. */
  name: string;
}

/** The heading of a section whose category was deleted. */
export const UNCATEGORISED_SECTION = 'Other';

export interface RoundupRenderer {
  markdown(roundup: Roundup): string;
  html(roundup: Roundup): string;
}

const blankToNull = (value: string | null | undefined) => (value && value.trim() !== '' ? value : null);

/** What templates see: the model with section names and no empty strings (Liquid treats "" as true). */
const templateView = (roundup: Roundup) => ({
  ...roundup,
  excerpt: blankToNull(roundup.excerpt),
  intro: blankToNull(roundup.intro),
  outro: blankToNull(roundup.outro),
  sections: roundup.sections.map((section) => ({
    name: section.category?.name ?? UNCATEGORISED_SECTION,
    slug: section.category?.slug ?? null,
    entries: section.entries.map((entry) => ({
      ...entry,
      author: blankToNull(entry.author),
      description: blankToNull(entry.description),
    })),
  })),
});

const engine = (options: { outputEscape?: 'escape' }) => {
  const liquid = new Liquid({ strictFilters: true, ownPropertyOnly: true, cache: false, ...options });
  liquid.registerFilter('md_text', (value: unknown) => markdownText(String(value ?? '')));
  liquid.registerFilter('md_url', (value: unknown) => markdownUrl(String(value ?? '')));
  liquid.registerFilter('indent', (value: unknown, width: unknown = 2) => indent(String(value ?? ''), Number(width)));
  liquid.registerFilter('front_matter', (value: Roundup) => frontMatter(value));
  liquid.registerFilter('markdown', (value: unknown) => markdownToHtml(value == null ? null : String(value)));
  return liquid;
};

const parse = (liquid: Liquid, { source, name }: TemplateSource): Template[] => {
  try {
    return liquid.parse(source, name);
  } catch (error) {
    throw new Error(`roundup: the template ${name} does not parse: ${(error as Error).message}`);
  }
};

/**
 * Parses both templates once; rendering then runs synchronously on the parsed
 * templates. A template that does not parse throws here, naming it.
 */
export const createRenderer = ({
  markdownTemplate,
  htmlTemplate,
}: { markdownTemplate?: TemplateSource; htmlTemplate?: TemplateSource } = {}): RoundupRenderer => {
  const markdownEngine = engine({});
  const htmlEngine = engine({ outputEscape: 'escape' });
  const markdown = parse(markdownEngine, markdownTemplate ?? { source: DEFAULT_MARKDOWN_TEMPLATE, name: 'default Markdown template' });
  const html = parse(htmlEngine, htmlTemplate ?? { source: DEFAULT_HTML_TEMPLATE, name: 'default HTML template' });

  return {
    markdown(roundup) {
      const text = markdownEngine.renderSync(markdown, { roundup: templateView(roundup) }) as string;
      return `${text.replace(/\s+$/, '')}\n`;
    },
    html(roundup) {
      const fragment = htmlEngine.renderSync(html, { roundup: templateView(roundup) }) as string;
      return `${sanitizeHtml(fragment).trim()}\n`;
    },
  };
};

let defaultRenderer: RoundupRenderer | null = null;
const defaults = () => (defaultRenderer ??= createRenderer());

/** Markdown with front matter in the format of hand-written Jekyll roundup posts. */
export const renderMarkdown = (roundup: Roundup): string => defaults().markdown(roundup);

/** A sanitized, embeddable HTML fragment. */
export const renderHtml = (roundup: Roundup): string => defaults().html(roundup);
