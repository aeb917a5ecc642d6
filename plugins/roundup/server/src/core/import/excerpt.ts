import { fenceToggle } from './blocks';
import type { Piece } from './content';
import type { WarningLog } from './errors';
import { isBlank, type SourceLine } from './text';

const EXCERPT_START = /^\s*<!--\s*excerpt\s+start\s*-->\s*$/i;
const EXCERPT_END = /^\s*<!--\s*excerpt\s+end\s*-->\s*$/i;
const MONTHS = [
  'January February March April May June',
  'July August September October November December',
]
  .join(' ')
  .split(' ');

interface ExcerptSplit {
  excerpt: SourceLine[] | null;
  intro: Piece[];
}

/**
 * Takes the excerpt, between `<!-- excerpt start -->` and `<!-- excerpt end -->`,
 * out of the text before the first entry; what surrounds it stays the intro.
 */
export const splitExcerpt = (intro: readonly Piece[], warnings: WarningLog): ExcerptSplit => {
  const lines = intro.flatMap((piece) => piece.lines.map((line) => ({ line, piece })));
  let fence: string | null = null;
  const outsideCode = lines.map(({ line }) => {
    const outside = fence === null;
    fence = fenceToggle(fence, line.text);
    return outside;
  });
  const start = lines.findIndex(({ line }, i) => outsideCode[i] && EXCERPT_START.test(line.text));
  if (start < 0) return { excerpt: null, intro: [...intro] };
  const end = lines.findIndex(
    ({ line }, i) => i > start && outsideCode[i] && EXCERPT_END.test(line.text)
  );
  if (end < 0) {
    warnings.add(
      lines[start].line.number,
      'the excerpt has no <!-- excerpt end --> before the first entry; it is read as the intro'
    );
    return { excerpt: null, intro: [...intro] };
  }
  const before = lines.slice(0, start).find(({ line }) => !isBlank(line.text));
  if (before) {
    warnings.add(
      before.line.number,
      'text before the excerpt is kept at the start of the intro, after the excerpt'
    );
  }
  const kept = [...lines.slice(0, start), ...lines.slice(end + 1)];
  return {
    excerpt: lines.slice(start + 1, end).map(({ line }) => line),
    intro: intro.map((piece) => ({
      ...piece,
      lines: kept.filter((entry) => entry.piece === piece).map(({ line }) => line),
    })),
  };
};

const monthsIn = (text: string) =>
  MONTHS.filter((month) => new RegExp(`\\b${month}\\b`).test(text));

/** An excerpt copied from last month's post names another month than the title (or the date). */
export const checkExcerptMonth = (
  excerpt: readonly SourceLine[],
  title: string,
  date: string,
  warnings: WarningLog
) => {
  const fromTitle = monthsIn(title);
  const expected =
    fromTitle.length > 0 ? fromTitle : date ? [MONTHS[Number(date.slice(5, 7)) - 1]] : [];
  for (const line of excerpt) {
    const stray = monthsIn(line.text).filter((month) => !expected.includes(month));
    if (stray.length > 0 && expected.length > 0) {
      warnings.add(
        line.number,
        `the excerpt names ${stray.join(' and ')} but the ${fromTitle.length > 0 ? 'title' : 'date'} is about ${expected.join(' and ')}; was it copied from another post?`
      );
    }
  }
};
