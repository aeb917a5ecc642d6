import YAML from 'yaml';
import { isoDateProblem } from '../date';
import { frontMatterProblem } from '../front-matter';
import { slugFromText } from '../slug';
import { RoundupParseError, type WarningLog } from './errors';
import type { SourceLine } from './text';

export interface FrontMatterBlock {
  /** The parsed mapping; empty when the post has no front matter. */
  data: Record<string, unknown>;
  /** 1-based line of the opening `---`, or null when there is none. */
  line: number | null;
  /** The line of each top-level key. */
  keyLines: Record<string, number>;
  /** Index into the post's lines of the first body line. */
  bodyStart: number;
}

const DELIMITER = /^---\s*$/;
const CLOSING = /^(?:---|\.\.\.)\s*$/;

const describeValue = (value: unknown): string =>
  Array.isArray(value) ? 'a list' : `a ${typeof value} (${JSON.stringify(value)})`;

/** Reads the YAML between the `---` lines that open a Jekyll post. */
/** The key a YAML line starts with (`title: …`), read without backtracking; undefined for others. */
const yamlKeyOf = (text: string): string | undefined => {
  const colon = text.indexOf(':');
  if (colon <= 0 || /[\s#]/.test(text[0])) return undefined;
  if (colon + 1 < text.length && !/\s/.test(text[colon + 1])) return undefined;
  return text.slice(0, colon).trimEnd();
};

export const readFrontMatter = (
  lines: readonly SourceLine[],
  fileName: string | null
): FrontMatterBlock => {
  if (lines.length === 0 || !DELIMITER.test(lines[0].text)) {
    return { data: {}, line: null, keyLines: {}, bodyStart: 0 };
  }
  const close = lines.findIndex((line, index) => index > 0 && CLOSING.test(line.text));
  if (close < 0) {
    throw new RoundupParseError(
      'the front matter opened by --- is never closed by a --- line',
      1,
      fileName
    );
  }
  const yamlLines = lines.slice(1, close);
  const yaml = yamlLines.map((line) => line.text).join('\n');
  const keyLines: Record<string, number> = {};
  for (const line of yamlLines) {
    const key = yamlKeyOf(line.text);
    if (key !== undefined && !(key in keyLines)) keyLines[key] = line.number;
  }
  const document = YAML.parseDocument(yaml);
  const [error] = document.errors;
  if (error) {
    const line = 1 + (error.linePos?.[0]?.line ?? 1);
    const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new RoundupParseError(`the front matter is not valid YAML: ${reason}`, line, fileName);
  }
  const data: unknown = document.toJS();
  if (data === null || data === undefined) {
    return { data: {}, line: 1, keyLines, bodyStart: close + 1 };
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new RoundupParseError(
      `the front matter must be a mapping of keys to values (such as "title: …"), not ${describeValue(data)}`,
      2,
      fileName
    );
  }
  return { data: data as Record<string, unknown>, line: 1, keyLines, bodyStart: close + 1 };
};

export interface RoundupFields {
  title: string;
  slug: string;
  date: string;
  layout: string | null;
  frontMatter: Record<string, unknown> | null;
}

/** `YYYY-MM-DD-slug.md`, the name Jekyll gives a post. */
const JEKYLL_POST_NAME = /^(\d{4}-\d{2}-\d{2})-(.+)\.(?:md|markdown|mkdn?|mdown)$/i;

/** A scalar as the text it was written as; null for lists and mappings. */
const plainString = (value: unknown): string | null => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
};

/**
 * The roundup's own fields from the front matter and the file name: layout,
 * title and date go to their fields, every other key to `frontMatter`.
 */
export const roundupFields = (
  front: FrontMatterBlock,
  fileName: string | null,
  warnings: WarningLog
): RoundupFields => {
  const { layout, title, date, ...extra } = front.data;
  const at = front.line ?? 1;
  const lineOf = (key: string) => front.keyLines[key] ?? at;
  const postName = fileName ? JEKYLL_POST_NAME.exec(fileName) : null;

  if (front.line === null) {
    warnings.add(1, 'the post has no front matter (--- lines with its title and date)');
  }

  const titleText = plainString(title)?.trim() ?? '';
  if (titleText === '' && title !== undefined && title !== null && plainString(title) === null) {
    warnings.add(lineOf('title'), `the front matter title is not text: ${JSON.stringify(title)}`);
  } else if (titleText === '') {
    warnings.add(lineOf('title'), 'the front matter has no title');
  }

  const layoutText = plainString(layout);
  if (layout !== undefined && layout !== null && layoutText === null) {
    warnings.add(
      lineOf('layout'),
      `the front matter layout is not text and is left out: ${JSON.stringify(layout)}`
    );
  }

  let dateText = '';
  if (date !== undefined && date !== null) {
    const written = String(date).trim();
    const [, day, time] = /^(\d{4}-\d{2}-\d{2})(?:[ T](.+))?$/.exec(written) ?? [];
    if (day === undefined || isoDateProblem(day) !== null) {
      warnings.add(
        lineOf('date'),
        `the front matter date "${written}" is not a date written YYYY-MM-DD`
      );
    } else {
      dateText = day;
      if (time !== undefined) {
        warnings.add(
          lineOf('date'),
          `the front matter date "${written}" has a time; only the day ${day} is kept`
        );
      }
    }
  }
  if (dateText === '' && postName && isoDateProblem(postName[1]) === null) dateText = postName[1];
  if (dateText === '' && (date === undefined || date === null)) {
    const file = fileName
      ? `the file name ${fileName} is not YYYY-MM-DD-slug.md`
      : 'no file name was given';
    warnings.add(at, `the post has no date: the front matter has none and ${file}`);
  }

  const frontSlug = plainString(extra.slug)?.trim();
  const slug = slugFromText(frontSlug || postName?.[2] || titleText, 'roundup');

  for (const [key, value] of Object.entries(extra)) {
    const problem = frontMatterProblem({ [key]: value });
    if (problem) warnings.add(lineOf(key), `the front matter ${problem}`);
  }
  const frontMatter = Object.keys(extra).length > 0 ? extra : null;

  return { title: titleText, slug, date: dateText, layout: layoutText, frontMatter };
};
