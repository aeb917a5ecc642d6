import type { Roundup } from './model';
import { sectionsInOrder } from './section-tree';

/**
 * The longest value each text field takes, in characters as JavaScript counts
 * them. One table for the content types' `maxLength`, the Document Service
 * rules (every write path) and the routes' zod schemas, so that a longer value
 * is refused with the same 400 wherever it comes from. Work on any field is
 * then bounded by its limit.
 */

/** A `string` or `uid` attribute is a varchar(255) column on PostgreSQL and MySQL. */
export const STRING_COLUMN_LENGTH = 255;

/**
 * A link's URL (and its canonical form): the length browsers, sitemaps and
 * search engines support, which tracking parameters often push past 255. Held
 * in a `text` column, since a varchar long enough cannot be indexed on MySQL.
 */
export const URL_LENGTH = 2048;

/** Commentary, intro, outro, excerpt: generous for prose, small enough to render at once. */
export const MARKDOWN_LENGTH = 20_000;

export const FIELD_LIMITS = {
  roundup: {
    title: STRING_COLUMN_LENGTH,
    slug: STRING_COLUMN_LENGTH,
    excerpt: MARKDOWN_LENGTH,
    intro: MARKDOWN_LENGTH,
    outro: MARKDOWN_LENGTH,
    layout: 100,
  },
  entry: {
    title: STRING_COLUMN_LENGTH,
    url: URL_LENGTH,
    originalUrl: URL_LENGTH,
    author: STRING_COLUMN_LENGTH,
    description: MARKDOWN_LENGTH,
    textAfter: MARKDOWN_LENGTH,
    /** Where a capture came from (`bookmarklet`, `share-sheet`, …). */
    captureSource: 100,
  },
  category: {
    name: 120,
    slug: STRING_COLUMN_LENGTH,
    description: 2_000,
  },
} as const;

/** A roundup's extra front matter, as the characters of its JSON. */
export const FRONT_MATTER_JSON_LENGTH = 20_000;

/** How far ahead a publish or unpublish may be scheduled (five years, leap days included). */
export const SCHEDULE_MAX_DAYS_AHEAD = 5 * 366;

/** Scheduled changes one instance runs per look at the schedule; the rest wait for its next look. */
export const SCHEDULE_BATCH = 20;

/** Waiting scheduled changes the Roundups list is told of at most; far more than anyone schedules ahead. */
export const SCHEDULE_LIST_LIMIT = 500;

export type LimitedType = keyof typeof FIELD_LIMITS;

/** Why `value` is too long for a field limited to `limit` characters, or null. */
export const lengthProblem = (value: unknown, limit: number): string | null =>
  typeof value === 'string' && value.length > limit
    ? `must be at most ${limit} characters (it has ${value.length})`
    : null;

/** Why `value` is too much front matter, or null. */
export const frontMatterSizeProblem = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    return 'must be JSON';
  }
  return json !== undefined && json.length > FRONT_MATTER_JSON_LENGTH
    ? `must be at most ${FRONT_MATTER_JSON_LENGTH} characters of JSON (it has ${json.length})`
    : null;
};

/** Every field of `data` that is longer than its limit, named, for one content type. */
export const fieldLengthProblems = (
  type: LimitedType,
  data: Record<string, unknown>
): { path: string; message: string }[] => {
  const problems: { path: string; message: string }[] = [];
  for (const [field, limit] of Object.entries(FIELD_LIMITS[type])) {
    const problem = lengthProblem(data[field], limit);
    if (problem) problems.push({ path: field, message: problem });
  }
  if (type === 'roundup' && 'frontMatter' in data) {
    const problem = frontMatterSizeProblem(data.frontMatter);
    if (problem) problems.push({ path: 'frontMatter', message: problem });
  }
  return problems;
};

/**
 * Every field of an imported roundup that is longer than its limit, named by
 * its place in the post (`intro`, `sections[0].name`, `sections[1].entries[2].description`).
 */
export const roundupLengthProblems = (roundup: Roundup): { path: string; message: string }[] => {
  const problems = fieldLengthProblems('roundup', roundup as unknown as Record<string, unknown>);
  sectionsInOrder(roundup.sections).forEach(({ section }, s) => {
    const name = lengthProblem(section.category?.name, FIELD_LIMITS.category.name);
    if (name) problems.push({ path: `sections[${s}].name`, message: name });
    const note = lengthProblem(section.note, MARKDOWN_LENGTH);
    if (note) problems.push({ path: `sections[${s}].note`, message: note });
    section.entries.forEach((entry, e) => {
      for (const { path, message } of fieldLengthProblems(
        'entry',
        entry as unknown as Record<string, unknown>
      )) {
        problems.push({ path: `sections[${s}].entries[${e}].${path}`, message });
      }
    });
  });
  return problems;
};

/** Items per page of GET /api/roundup/changes: the default, and the most a request may ask for. */
export const CHANGES_PAGE = { defaultLimit: 100, maxLimit: 500 } as const;
/** The preheader (the excerpt shown after the subject in an inbox) is cut at a word before this. */
export const PREHEADER_LENGTH = 200;
/** Gmail clips a message whose HTML is larger than this; the email format must stay below it. */
export const EMAIL_CLIP_BYTES = 102 * 1024;

/**
 * The longest search query (`q`) accepted, in characters; a longer one is refused with a 400
 * naming `q`. Far more than any search anyone types, small enough that no query costs much.
 */
export const SEARCH_QUERY_LENGTH = 500;

/** Words of a search query that are searched for; the words after these are ignored. */
export const SEARCH_MAX_TERMS = 12;
