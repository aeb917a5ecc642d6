import MarkdownIt from 'markdown-it';
import YAML from 'yaml';
import { RESERVED_FRONT_MATTER_KEYS } from '../front-matter';
import type { Roundup, RoundupEntry } from '../model';
import { headingMarks, sectionsInOrder } from '../section-tree';
import { indent, markdownDestination, markdownText, nonBlank } from './escape';
import { resolveLiquidLinks, type SiteLinks } from './liquid';
import { safeMarkdown, type RawHtmlMode } from './markdown-safety';

/**
 * A roundup as a Hugo content file: front matter Hugo reads (title, date,
 * slug, draft: false, the editor's extra keys) and a body that Goldmark, with
 * Hugo's defaults (raw HTML omitted), renders to the text the Jekyll output
 * shows. Hugo runs no Liquid: allowed link tags become links on the site and
 * every other Liquid stays the text it is. Hugo does run shortcodes, before
 * Markdown and in code too, so every `{{<` and `{{%` an editor typed is made
 * inert (see inertShortcodes).
 */
export interface HugoOptions {
  rawHtml: RawHtmlMode;
  liquidTags: readonly string[];
  site: SiteLinks | null;
  /** The heading of a section whose category was deleted. */
  otherSection: string;
}

/** Keys Hugo's own front matter lines set: an editor's key of the same name would clash or hide the page. */
const HUGO_KEYS = new Set<string>([...RESERVED_FRONT_MATTER_KEYS, 'slug', 'draft']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NO_SITE: SiteLinks = { siteUrl: 'invalid:', permalink: '/' };

// Hugo reads YAML 1.1 like Jekyll: `title: Yes` would be a boolean there.
const toYaml = (value: object, sortMapEntries = false): string =>
  YAML.stringify(value, { lineWidth: 0, compat: 'yaml-1.1', sortMapEntries });

// Block structure only, to tell whether a commentary starts with a paragraph.
const blocks = new MarkdownIt({ html: true, linkify: false, typographer: false });
blocks.core.ruler.disable('inline');

/**
 * `text` with Hugo's shortcode openers made inert. `{{< … >}}` (and `{{% … %}}`)
 * becomes Hugo's own escape, the same with a comment's slash-star after the
 * opener and star-slash before the closer, which Hugo writes back as typed, in
 * code as anywhere; an opener with no closer after it gets a backslash
 * (`{\{<`), which Markdown hides outside code. Linear: each closer is searched
 * for once until none is left.
 */
export const inertShortcodes = (text: string): string => {
  let at = text.indexOf('{{');
  if (at < 0) return text;
  const noCloser = { '<': false, '%': false };
  const out: string[] = [];
  let from = 0;
  while (at >= 0) {
    const kind = text[at + 2];
    if (kind !== '<' && kind !== '%') {
      at = text.indexOf('{{', at + 1);
      continue;
    }
    const closer = kind === '<' ? '>}}' : '%}}';
    const close = noCloser[kind] ? -1 : text.indexOf(closer, at + 3);
    out.push(text.slice(from, at));
    if (close < 0) {
      noCloser[kind] = true;
      out.push(`{\\{${kind}`);
      from = at + 3;
    } else {
      out.push(`{{${kind}/*${text.slice(at + 3, close)}*/${closer}`);
      from = close + 3;
    }
    at = text.indexOf('{{', from);
  }
  out.push(text.slice(from));
  return out.join('');
};

/** An editor's Markdown field as the Hugo output writes it. */
const hugoField = (text: string, options: HugoOptions): string => {
  const safe = options.rawHtml === 'sanitize' ? safeMarkdown(text).text : text;
  const linked = safe.includes('{%')
    ? resolveLiquidLinks(safe, options.liquidTags, options.site ?? NO_SITE)
    : safe;
  return inertShortcodes(linked);
};

const startsWithParagraph = (text: string) => blocks.parse(text, {})[0]?.type === 'paragraph_open';

/**
 * `* [Title](url) by Author`, then the commentary under it: after a hard line
 * break (`\`), as `<br/>` puts it in the Jekyll output, or as a paragraph of its
 * own when it starts with a block (a list, a quote, a heading); then its `textAfter`.
 */
const hugoEntry = (entry: RoundupEntry, options: HugoOptions): string => {
  const by = nonBlank(entry.author);
  const commentary = nonBlank(entry.description);
  const link = `* [${markdownText(entry.title)}](${inertShortcodes(markdownDestination(entry.url))})`;
  const line = by ? `${link} by ${markdownText(by)}` : link;
  const text = commentary ? hugoField(commentary, options) : null;
  const item =
    text === null
      ? line
      : startsWithParagraph(text)
        ? `${line}\\\n${indent(text)}`
        : `${line}\n\n${indent(text)}`;
  const after = nonBlank(entry.textAfter);
  // Items without a link of their own follow at the list's level.
  return after ? `${item}\n${hugoField(after, options)}` : item;
};

const hugoFrontMatter = ({ title, date, slug, frontMatter }: Roundup): string => {
  const extra = Object.entries(frontMatter ?? {}).filter(
    ([key, value]) => value !== undefined && !HUGO_KEYS.has(key)
  );
  // Written plain, Hugo reads the date as a date; YAML 1.1 compatibility would quote it.
  const dateLine = DATE.test(date) ? `date: ${date}\n` : toYaml({ date });
  return (
    toYaml({ title }) +
    dateLine +
    toYaml({ slug, draft: false }) +
    (extra.length > 0 ? toYaml(Object.fromEntries(extra), true) : '')
  );
};

/** The roundup as `content/<section>/<slug>.md` for Hugo. */
export const renderHugo = (roundup: Roundup, options: HugoOptions): string => {
  const parts: string[] = [];
  const excerpt = nonBlank(roundup.excerpt);
  // Hugo's summary divider: the excerpt is the summary, as the Jekyll output's markers make it.
  if (excerpt) parts.push(hugoField(excerpt, options), '<!--more-->');
  const intro = nonBlank(roundup.intro);
  if (intro) parts.push(hugoField(intro, options));
  for (const { section, depth } of sectionsInOrder(roundup.sections)) {
    const name = markdownText(section.category?.name ?? options.otherSection);
    const url = nonBlank(section.url);
    parts.push(
      `${headingMarks(depth)} ${url ? `[${name}](${inertShortcodes(markdownDestination(url))})` : name}`
    );
    const note = nonBlank(section.note);
    if (note) parts.push(hugoField(note, options));
    if (section.entries.length === 0) continue;
    parts.push(section.entries.map((entry) => hugoEntry(entry, options)).join('\n'));
  }
  const outro = nonBlank(roundup.outro);
  if (outro) parts.push(hugoField(outro, options));
  return `---\n${hugoFrontMatter(roundup)}---\n\n${parts.join('\n\n')}\n`;
};
