import { roundupLengthProblems } from '../limits';
import type { Roundup } from '../model';
import type { RoundupSourceLines } from './urls';

/** A field of an imported roundup longer than its limit, named by its path and, when known, its line. */
export interface FieldLengthProblem {
  /** e.g. `intro`, `sections[1].entries[0].description` */
  field: string;
  line: number | null;
  message: string;
}

/** The first line of the post's excerpt, intro and outro (null: the field is empty). */
export type FieldStartLines = Record<'excerpt' | 'intro' | 'outro', number | null>;

const SECTION_PATH = /^sections\[(\d+)\](?:\.entries\[(\d+)\])?/;

/**
 * Every field of an imported roundup that is longer than its limit, with the
 * line of the post it starts on: the section's heading, the entry's link, or
 * the first line of the excerpt, intro or outro.
 */
export const importLengthProblems = (
  roundup: Roundup,
  lines: RoundupSourceLines,
  starts: FieldStartLines
): FieldLengthProblem[] =>
  roundupLengthProblems(roundup).map(({ path, message }) => {
    const place = SECTION_PATH.exec(path);
    const section = place ? lines.sections[Number(place[1])] : undefined;
    const line = !place
      ? (starts[path as keyof FieldStartLines] ?? null)
      : place[2] === undefined
        ? (section?.heading ?? null)
        : (section?.entries[Number(place[2])] ?? null);
    return { field: path, line, message: line === null ? message : `line ${line}: ${message}` };
  });
