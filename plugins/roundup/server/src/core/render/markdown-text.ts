import YAML from 'yaml';
import type { Roundup } from '../model';

/** Characters that could start markup, a link or emphasis inside an entry line. */
const INLINE_SPECIAL = /[\\`*_[\]<>]/g;

/**
 * Inline text (a title, an author, a section name) made safe inside a
 * Markdown line: no line breaks, and every character that could open a link,
 * emphasis, code or raw HTML is backslash-escaped. `&` is escaped only where
 * it would start a character reference.
 */
export const markdownText = (text: string): string =>
  text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(INLINE_SPECIAL, (c) => `\\${c}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');

/** A URL as a Markdown link destination: characters that would end it are escaped. */
export const markdownUrl = (url: string): string =>
  url
    .replace(/[\u0000-\u0020\u007f]/g, (c) => encodeURIComponent(c))
    .replace(/[\\()<>]/g, (c) => `\\${c}`);

/** Every line indented by `width` spaces; blank lines stay empty. */
export const indent = (text: string, width = 2): string => {
  const pad = ' '.repeat(width);
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => (line.trim() === '' ? '' : pad + line))
    .join('\n');
};

/** The YAML between the front matter's `---` lines: layout, title, date, then the extra keys. */
export const frontMatter = (roundup: Pick<Roundup, 'layout' | 'title' | 'date' | 'frontMatter'>): string => {
  const fields: Record<string, unknown> = {};
  if (roundup.layout) fields.layout = roundup.layout;
  fields.title = roundup.title;
  if (roundup.date) fields.date = roundup.date;
  for (const [key, value] of Object.entries(roundup.frontMatter ?? {})) {
    if (!(key in fields)) fields[key] = value;
  }
  return YAML.stringify(fields, { lineWidth: 0 });
};
