import YAML from 'yaml';
import { RESERVED_FRONT_MATTER_KEYS } from '../front-matter';
import type { Roundup, RoundupEntry } from '../model';
import { indent, markdownDestination, markdownText, nonBlank } from './escape';
import { inertLiquid } from './liquid-inert';
import { safeMarkdown, type MarkdownRemoval, type RawHtmlMode } from './markdown-safety';

export interface MarkdownOutputOptions {
  /** `sanitize`: editors' raw HTML goes through the HTML output's allowlist; `keep`: as written. */
  rawHtml: RawHtmlMode;
  /** Liquid tags that pass through to the site (`post_url`, `link`); all other Liquid is inert. */
  liquidTags: readonly string[];
}

export interface MarkdownField {
  text: string;
  /** Raw HTML and link targets taken out (none with `rawHtml: 'keep'`). */
  removed: MarkdownRemoval[];
  /** Liquid made inert, as written. */
  inertLiquid: string[];
}

/** An editor's Markdown field (commentary, intro, outro, excerpt) as the Markdown output writes it. */
export const markdownField = (text: string, options: MarkdownOutputOptions): MarkdownField => {
  const safe = options.rawHtml === 'sanitize' ? safeMarkdown(text) : { text, removed: [] };
  const liquid = inertLiquid(safe.text, { in: 'markdown', allowedTags: options.liquidTags });
  return { text: liquid.text, removed: safe.removed, inertLiquid: liquid.inert };
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

// Jekyll reads front matter as YAML 1.1: `title: Yes` would be a boolean there.
const toYaml = (value: object, sortMapEntries = false): string =>
  YAML.stringify(value, { lineWidth: 0, compat: 'yaml-1.1', sortMapEntries });

/**
 * The lines between the front matter's `---`: layout, title and date, then the
 * extra keys sorted (databases do not all keep the order of JSON keys).
 */
export const yamlFrontMatter = ({
  layout,
  title,
  date,
  frontMatter,
}: Pick<Roundup, 'layout' | 'title' | 'date' | 'frontMatter'>): string => {
  const head = toYaml(layout ? { layout, title } : { title });
  // YAML 1.1 compatibility would quote a date; written plain, Jekyll and Hugo read it as one.
  const dateLine = !date ? '' : DATE.test(date) ? `date: ${date}\n` : toYaml({ date });
  const extra = Object.entries(frontMatter ?? {}).filter(
    ([key, value]) =>
      value !== undefined && !(RESERVED_FRONT_MATTER_KEYS as readonly string[]).includes(key)
  );
  return head + dateLine + (extra.length > 0 ? toYaml(Object.fromEntries(extra), true) : '');
};

/** Commentary that starts with a footnote reference or an asterisk: the post glued it to the link. */
const GLUED_TO_LINK = /^(?:\[\^[^\]\s]+\]|\\\*)/;

/** The entry's own list item: the link, its author and the commentary indented under it. */
const markdownItem = ({ title, url, author, description }: RoundupEntry): string => {
  const by = nonBlank(author);
  const commentary = nonBlank(description);
  const link = `* [${markdownText(title)}](${markdownDestination(url)})`;
  if (!by && commentary && GLUED_TO_LINK.test(commentary)) {
    const [first, ...rest] = commentary.split('\n');
    return rest.length > 0 ? `${link}${first}\n${indent(rest.join('\n'))}` : `${link}${first}`;
  }
  const line = by ? `${link} by ${markdownText(by)}` : link;
  return commentary ? `${line}<br/>\n${indent(commentary)}` : line;
};

/**
 * One entry as the hand-written posts have it: `* [Title](url) by Author<br/>`,
 * then the commentary indented under the list item. Commentary glued to the
 * link (`[Title](url)[^1] …`, `[Tool](url)\* …`) stays on the link's line, so
 * that no space comes between them. Its `textAfter` comes next, unindented.
 */
export const markdownEntry = (entry: RoundupEntry): string => {
  const after = nonBlank(entry.textAfter);
  // Items without a link of their own follow at the list's level, as the post wrote them.
  return after ? `${markdownItem(entry)}\n${after}` : markdownItem(entry);
};
