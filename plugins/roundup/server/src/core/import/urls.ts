import type { Roundup } from '../model';
import { sectionsInOrder } from '../section-tree';
import { httpUrlProblem } from '../url';

/** The post lines of a parsed roundup's section headings and entries, in the sections' reading order. */
export interface RoundupSourceLines {
  sections: { heading: number; entries: number[] }[];
}

/** An entry URL the API would refuse, named by its field path and, when known, its line. */
export interface EntryUrlProblem {
  /** e.g. `sections[3].entries[0].url` */
  field: string;
  line: number | null;
  url: string;
  message: string;
}

/** Every entry URL that is not an absolute http(s) URL; empty when all are fine. */
export const entryUrlProblems = (roundup: Roundup, lines?: RoundupSourceLines): EntryUrlProblem[] =>
  sectionsInOrder(roundup.sections).flatMap(({ section }, s) =>
    section.entries.flatMap((entry, e) => {
      const problem = httpUrlProblem(entry.url);
      if (problem === null) return [];
      const line = lines?.sections[s]?.entries[e] ?? null;
      const where = line === null ? '' : `line ${line}: `;
      return [
        {
          field: `sections[${s}].entries[${e}].url`,
          line,
          url: entry.url,
          message: `${where}the URL "${entry.url}" of "${entry.title}" ${problem}`,
        },
      ];
    })
  );
