import { Liquid, type Template } from 'liquidjs';
import type { Roundup, RoundupEntry } from '../model';
import { indent, markdownDestination, markdownText, markdownUrl, nonBlank } from './escape';
import { renderHugo } from './hugo';
import { htmlEntry, markdownReferences, markdownToHtml, type HtmlContext } from './html';
import { DEFAULT_LIQUID_TAGS, type SiteLinks } from './liquid';
import {
  markdownEntry,
  markdownField,
  yamlFrontMatter,
  type MarkdownOutputOptions,
} from './markdown';
import { headingLevel, headingMarks, sectionsInOrder } from '../section-tree';
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
  /** A Hugo content file: Hugo's front matter, a body for Goldmark, no Liquid. */
  hugo(roundup: Roundup): string;
}

/** The heading of a section whose category was deleted. */
export const UNCATEGORISED_SECTION = 'Other';

const asText = (value: unknown): string => (value == null ? '' : String(value));

/**
 * What templates see: the model with section names, blank texts as null ("" is
 * true in Liquid), and every section in reading order, a subsection right after
 * its parent's entries with its `depth` (1 at the top), heading `level` (2, 3…)
 * and Markdown heading `marks` (`##`, `###`…). `field` prepares each Markdown field for the output (the
 * Markdown output makes editors' raw HTML and Liquid safe here, so that a
 * template of the user's gets them safe too).
 */
const templateView = (roundup: Roundup, field: (text: string | null) => string | null) => ({
  ...roundup,
  excerpt: field(nonBlank(roundup.excerpt)),
  intro: field(nonBlank(roundup.intro)),
  outro: field(nonBlank(roundup.outro)),
  sections: sectionsInOrder(roundup.sections).map(({ section, depth }) => ({
    name: section.category?.name ?? UNCATEGORISED_SECTION,
    slug: section.category?.slug ?? null,
    url: nonBlank(section.url),
    note: field(nonBlank(section.note)),
    depth,
    level: headingLevel(depth),
    marks: headingMarks(depth),
    entries: section.entries.map((entry) => ({
      ...entry,
      author: nonBlank(entry.author),
      description: field(nonBlank(entry.description)),
      textAfter: field(nonBlank(entry.textAfter)),
    })),
  })),
});

/** Every Markdown field of a roundup, for link definitions that one field writes and another uses. */
export const markdownFields = (roundup: Roundup): (string | null)[] => [
  roundup.excerpt,
  roundup.intro,
  ...sectionsInOrder(roundup.sections).flatMap(({ section }) => [
    section.note ?? null,
    ...section.entries.flatMap((entry) => [entry.description, entry.textAfter ?? null]),
  ]),
  roundup.outro,
];

export const engine = (htmlContext: () => HtmlContext, outputEscape?: 'escape'): Liquid => {
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
  liquid.registerFilter('md_destination', (value: unknown) => markdownDestination(asText(value)));
  liquid.registerFilter('indent', (value: unknown, width: unknown = 2) =>
    indent(asText(value), Number(width))
  );
  liquid.registerFilter('md_entry', (entry: RoundupEntry) => markdownEntry(entry));
  liquid.registerFilter('markdown', (value: unknown) =>
    markdownToHtml(asText(value), htmlContext())
  );
  liquid.registerFilter('html_entry', (entry: RoundupEntry) => htmlEntry(entry, htmlContext()));
  return liquid;
};

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A template parsed once; `scope` adds what else a format's templates see besides `roundup`. */
export const compile = (
  liquid: Liquid,
  { source, name }: TemplateSource,
  field: (text: string | null) => string | null,
  scope: (roundup: Roundup) => Record<string, unknown> = () => ({})
) => {
  let template: Template[];
  try {
    template = liquid.parse(source, name);
  } catch (error) {
    throw new Error(`roundup: the template ${name} does not parse: ${errorMessage(error)}`);
  }
  return (roundup: Roundup): string => {
    try {
      return String(
        liquid.renderSync(template, { ...scope(roundup), roundup: templateView(roundup, field) })
      );
    } catch (error) {
      throw new Error(`roundup: the template ${name} failed to render: ${errorMessage(error)}`);
    }
  };
};

export interface RendererOptions {
  markdownTemplate?: TemplateSource;
  htmlTemplate?: TemplateSource;
  /** How editors' raw HTML and Liquid reach the Markdown output (config `markdown`). */
  markdown?: Partial<MarkdownOutputOptions>;
  /** The site that Liquid link tags point into (config `feed.siteUrl` and `feed.permalink`). */
  site?: SiteLinks | null;
}

/**
 * Parses both templates once; a template that does not parse throws here, naming
 * it. Rendering then runs synchronously on the parsed templates.
 */
export const createRenderer = ({
  markdownTemplate = { source: DEFAULT_MARKDOWN_TEMPLATE, name: 'default Markdown template' },
  htmlTemplate = { source: DEFAULT_HTML_TEMPLATE, name: 'default HTML template' },
  markdown: markdownOptions = {},
  site = null,
}: RendererOptions = {}): RoundupRenderer => {
  const options: MarkdownOutputOptions = {
    rawHtml: markdownOptions.rawHtml ?? 'sanitize',
    liquidTags: markdownOptions.liquidTags ?? DEFAULT_LIQUID_TAGS,
  };
  const base = { liquidTags: options.liquidTags, site };
  // Rendering is synchronous, so the roundup being rendered can hand its link definitions to the filters.
  let context: HtmlContext = { ...base, references: {} };
  const markdown = compile(
    engine(() => context),
    markdownTemplate,
    (text) => (text === null ? null : markdownField(text, options).text)
  );
  const html = compile(
    engine(() => context, 'escape'),
    htmlTemplate,
    (text) => text
  );
  return {
    markdown: (roundup) => `${markdown(roundup).trimEnd()}\n`,
    html: (roundup) => {
      context = { ...base, references: markdownReferences(markdownFields(roundup), base) };
      try {
        return `${sanitizeHtml(html(roundup)).trim()}\n`;
      } finally {
        context = { ...base, references: {} };
      }
    },
    hugo: (roundup) =>
      renderHugo(roundup, { ...options, site, otherSection: UNCATEGORISED_SECTION }),
  };
};

let defaultRenderer: RoundupRenderer | undefined;
const defaults = (): RoundupRenderer => (defaultRenderer ??= createRenderer());

/** Markdown with front matter in the format of the hand-written Jekyll roundup posts. */
export const renderMarkdown = (roundup: Roundup): string => defaults().markdown(roundup);

/** A sanitized HTML fragment, safe to embed in any page. */
export const renderHtml = (roundup: Roundup): string => defaults().html(roundup);
