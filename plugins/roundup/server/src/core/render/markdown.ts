import YAML from 'yaml';
import { RESERVED_FRONT_MATTER_KEYS } from '../front-matter';
import type { Roundup, RoundupEntry } from '../model';
import { indent, markdownText, markdownUrl, nonBlank } from './escape';

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

/**
 * One entry as the hand-written posts have it: `* [Title](url) by Author<br/>`,
 * then the commentary indented under the list item.
 */
export const markdownEntry = ({ title, url, author, description }: RoundupEntry): string => {
  const by = nonBlank(author);
  const commentary = nonBlank(description);
  const link = `* [${markdownText(title)}](${markdownUrl(url)})`;
  const line = by ? `${link} by ${markdownText(by)}` : link;
  return commentary ? `${line}<br/>\n${indent(commentary)}` : line;
};
