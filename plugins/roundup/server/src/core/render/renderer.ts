import { Liquid, type Template } from 'liquidjs';
import type { Roundup, RoundupEntry } from '../model';
import { indent, markdownText, markdownUrl, nonBlank } from './escape';
import { htmlEntry, markdownToHtml } from './html';
import { markdownEntry, yamlFrontMatter } from './markdown';
import { sanitizeHtml } from './sanitize';
import { DEFAULT_HTML_TEMPLATE, DEFAULT_MARKDOWN_TEMPLATE } from './templates';

export interface TemplateSource {
  source: string;
  /** Where it came from (a file path): named in every error about it. */
  name: string;
}

export interface RoundupRenderer {
  markdown(roundup: Roundup): string;
  html(roundup: Roundup): string;
}

/** The heading of a section whose category was deleted. */
export const UNCATEGORISED_SECTION = 'Other';

const asText = (value: unknown): string => (value == null ? '' : String(value));

/** What templates see: the model with section names, blank texts as null ("" is true in Liquid). */
const templateView = (roundup: Roundup) => ({
  ...roundup,
  excerpt: nonBlank(roundup.excerpt),
  intro: nonBlank(roundup.intro),
  outro: nonBlank(roundup.outro),
  sections: roundup.sections.map((section) => ({
    name: section.category?.name ?? UNCATEGORISED_SECTION,
    slug: section.category?.slug ?? null,
    entries: section.entries.map((entry) => ({
      ...entry,
      author: nonBlank(entry.author),
      description: nonBlank(entry.description),
    })),
  })),
});

const engine = (outputEscape?: 'escape'): Liquid => {
  // In-memory `templates`: no include or layout can reach the file system.
  const liquid = new Liquid({
    strictFilters: true,
    ownPropertyOnly: true,
    templates: {},
    outputEscape,
  });
  liquid.registerFilter('yaml_front_matter', (roundup: Roundup) => yamlFrontMatter(roundup));
  liquid.registerFilter('md_text', (value: unknown) => markdownText(asText(value)));
  liquid.registerFilter('md_url', (value: unknown) => markdownUrl(asText(value)));
  liquid.registerFilter('indent', (value: unknown, width: unknown = 2) =>
    indent(asText(value), Number(width))
  );
  liquid.registerFilter('md_entry', (entry: RoundupEntry) => markdownEntry(entry));
  liquid.registerFilter('markdown', (value: unknown) => markdownToHtml(asText(value)));
  liquid.registerFilter('html_entry', (entry: RoundupEntry) => htmlEntry(entry));
  return liquid;
};

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

const compile = (liquid: Liquid, { source, name }: TemplateSource) => {
  let template: Template[];
  try {
    template = liquid.parse(source, name);
  } catch (error) {
    throw new Error(`roundup: the template ${name} does not parse: ${errorMessage(error)}`);
  }
  return (roundup: Roundup): string => {
    try {
      return String(liquid.renderSync(template, { roundup: templateView(roundup) }));
    } catch (error) {
      throw new Error(`roundup: the template ${name} failed to render: ${errorMessage(error)}`);
    }
  };
};

/**
 * Parses both templates once; a template that does not parse throws here, naming
 * it. Rendering then runs synchronously on the parsed templates.
 */
export const createRenderer = ({
  markdownTemplate = { source: DEFAULT_MARKDOWN_TEMPLATE, name: 'default Markdown template' },
  htmlTemplate = { source: DEFAULT_HTML_TEMPLATE, name: 'default HTML template' },
}: { markdownTemplate?: TemplateSource; htmlTemplate?: TemplateSource } = {}): RoundupRenderer => {
  const markdown = compile(engine(), markdownTemplate);
  const html = compile(engine('escape'), htmlTemplate);
  return {
    markdown: (roundup) => `${markdown(roundup).trimEnd()}\n`,
    html: (roundup) => `${sanitizeHtml(html(roundup)).trim()}\n`,
  };
};

let defaultRenderer: RoundupRenderer | undefined;
const defaults = (): RoundupRenderer => (defaultRenderer ??= createRenderer());

/** Markdown with front matter in the format of the hand-written Jekyll roundup posts. */
export const renderMarkdown = (roundup: Roundup): string => defaults().markdown(roundup);

/** A sanitized HTML fragment, safe to embed in any page. */
export const renderHtml = (roundup: Roundup): string => defaults().html(roundup);
