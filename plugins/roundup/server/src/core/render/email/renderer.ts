import { roundupPermalink } from '../../feed/permalink';
import { PREHEADER_LENGTH } from '../../limits';
import type { Roundup, RoundupEntry } from '../../model';
import { markdownReferences, type HtmlContext } from '../html';
import { DEFAULT_LIQUID_TAGS, type SiteLinks } from '../liquid';
import { compile, engine, markdownFields, type TemplateSource } from '../renderer';
import { emailDocument } from './document';
import { DEFAULT_EMAIL_TEMPLATE, DEFAULT_TEXT_TEMPLATE } from './templates';
import { markdownToText, plainLine, textEntry, textHeading, TextLinks, textSection } from './text';

export interface NewsletterRenderer {
  /** A complete HTML document for mail clients: styles inline, every URL absolute. */
  email(roundup: Roundup): string;
  /** Plain text: underlined headings, entries, every link once by number at the end. */
  text(roundup: Roundup): string;
  /** The preheader: the excerpt as one line of text. */
  preview(roundup: Roundup): string;
}

export interface NewsletterRendererOptions {
  emailTemplate?: TemplateSource;
  textTemplate?: TemplateSource;
  /** The site relative links and Liquid link tags resolve against (config `feed`). */
  site: SiteLinks;
  /** The newsletter's name in its footer (config `feed.title`). */
  siteTitle: string;
  /** The document's language (config `newsletter.lang`). */
  lang?: string;
  /** Liquid link tags resolved to the site (config `markdown.liquidTags`). */
  liquidTags?: readonly string[];
}

const asText = (value: unknown): string => (value == null ? '' : String(value));

/** What `text_section` reads of a section as templates see it. */
interface TextSectionView {
  name?: unknown;
  depth?: unknown;
  url?: string | null;
}

/** The excerpt as one line of text, cut at a word before PREHEADER_LENGTH. */
const preheader = (roundup: Roundup, context: HtmlContext): string => {
  const text = plainLine(markdownToText(roundup.excerpt, new TextLinks(null, false), context));
  if (text.length <= PREHEADER_LENGTH) return text;
  const cut = text.slice(0, PREHEADER_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > PREHEADER_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
};

const webUrl = (site: SiteLinks, roundup: Roundup): string => {
  try {
    return roundupPermalink(site.permalink, site.siteUrl, roundup);
  } catch {
    return site.siteUrl;
  }
};

/**
 * Parses the email and text templates once (a template that does not parse
 * throws here, naming it); rendering then runs synchronously, like the
 * Markdown and HTML renderer.
 */
export const createNewsletterRenderer = ({
  emailTemplate = { source: DEFAULT_EMAIL_TEMPLATE, name: 'default email template' },
  textTemplate = { source: DEFAULT_TEXT_TEMPLATE, name: 'default text template' },
  site,
  siteTitle,
  lang = 'en',
  liquidTags = DEFAULT_LIQUID_TAGS,
}: NewsletterRendererOptions): NewsletterRenderer => {
  const base = { liquidTags, site };
  // Rendering is synchronous: the roundup being rendered hands its definitions and links to the filters.
  let context: HtmlContext = { ...base, references: {} };
  let links = new TextLinks(site.siteUrl);

  const scope = (roundup: Roundup) => ({
    email: {
      lang,
      siteTitle,
      preheader: preheader(roundup, context),
      webUrl: webUrl(site, roundup),
    },
  });
  const email = compile(
    engine(() => context, 'escape'),
    emailTemplate,
    (text) => text,
    scope
  );

  const textEngine = engine(() => context);
  textEngine.registerFilter('text_heading', (value: unknown, mark: unknown = '-') =>
    textHeading(asText(value), asText(mark))
  );
  textEngine.registerFilter('text_markdown', (value: unknown) =>
    markdownToText(asText(value), links, context)
  );
  textEngine.registerFilter('text_entry', (entry: RoundupEntry) =>
    textEntry(entry, links, context)
  );
  textEngine.registerFilter('text_section', (section: TextSectionView) =>
    textSection(
      asText(section?.name),
      Number(section?.depth ?? 1),
      section?.url ?? null,
      site.siteUrl
    )
  );
  textEngine.registerFilter('text_links', () => links.block());
  const text = compile(textEngine, textTemplate, (value) => value, scope);

  const rendering = (roundup: Roundup, render: () => string): string => {
    context = { ...base, references: markdownReferences(markdownFields(roundup), base) };
    links = new TextLinks(site.siteUrl);
    try {
      return render();
    } finally {
      context = { ...base, references: {} };
    }
  };

  return {
    email: (roundup) => rendering(roundup, () => emailDocument(email(roundup), site.siteUrl)),
    text: (roundup) => rendering(roundup, () => `${text(roundup).trim()}\n`),
    preview: (roundup) => rendering(roundup, () => preheader(roundup, context)),
  };
};
