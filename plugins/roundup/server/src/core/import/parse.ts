import type { Roundup } from '../model';
import { slugFromText } from '../slug';
import { scanBlocks } from './blocks';
import { DEFAULT_LIQUID_TAGS } from '../render/liquid';
import { readInertLiquid } from '../render/liquid-inert';
import type { MarkdownOutputOptions } from '../render/markdown';
import { joinPieces, noteHiddenContent, noteUnsafeMarkdown, type Piece } from './content';
import { RoundupParseError, WarningLog, type ImportWarning } from './errors';
import { checkExcerptMonth, splitExcerpt } from './excerpt';
import { readFrontMatter, roundupFields } from './read-front-matter';
import { draftsInOrder, mergeRepeatedSections, modelSections, nestDraftSections } from './merge';
import { arrangeBody } from './sections';
import { importLengthProblems, type FieldLengthProblem } from './lengths';
import { canonicalMarkdown as canonicalLines } from './text';
import { entryUrlProblems, type EntryUrlProblem, type RoundupSourceLines } from './urls';

const canonicalMarkdown = (lines: readonly string[]): string | null => {
  const text = canonicalLines(lines);
  return text === null ? null : readInertLiquid(text);
};

/** A piece as the text it shows, which is what gets stored and warned about (raw tags hold no line break). */
const shownPiece = (piece: Piece): Piece => {
  const shown = readInertLiquid(piece.lines.map((line) => line.text).join('\n')).split('\n');
  return { ...piece, lines: piece.lines.map((line, index) => ({ ...line, text: shown[index] })) };
};

export interface ParseRoundupOptions {
  /** The post's file name; a Jekyll name `YYYY-MM-DD-slug.md` gives the date and slug. */
  fileName?: string;
  /** How the Markdown output will treat raw HTML and Liquid, for the warnings about them. */
  markdown?: MarkdownOutputOptions;
}

const DEFAULT_MARKDOWN: MarkdownOutputOptions = {
  rawHtml: 'sanitize',
  liquidTags: DEFAULT_LIQUID_TAGS,
};

export interface ParsedRoundup {
  roundup: Roundup;
  /** What the parser noticed and handled, by line: nothing it read is dropped without one. */
  warnings: ImportWarning[];
  /** The line of each section heading and entry, in the order of `roundup.sections`. */
  lines: RoundupSourceLines;
  /** Entry URLs the API refuses (not absolute http(s)): errors for the caller to report. */
  urlProblems: EntryUrlProblem[];
  /** Fields longer than the API holds, by line: errors for the caller to report. */
  lengthProblems: FieldLengthProblem[];
}

/** C0 controls other than tab, line feed, vertical tab, form feed and carriage return, and U+FFFD. */
const isUnreadable = (code: number): boolean =>
  code <= 0x08 || (code >= 0x0e && code <= 0x1f) || code === 0xfffd;

const countUnreadable = (source: string): number => {
  let count = 0;
  for (let at = 0; at < source.length; at += 1) if (isUnreadable(source.charCodeAt(at))) count += 1;
  return count;
};

const refuseNonMarkdown = (source: string, fileName: string | null) => {
  const refuse = (reason: string) => new RoundupParseError(reason, null, fileName);
  const text = source.trim();
  if (text === '') throw refuse('the post is empty');
  const unreadable = countUnreadable(source);
  if (source.includes('\u0000') || unreadable > source.length / 100) {
    throw refuse('the post is binary data, not Markdown text');
  }
  if (/^[[{]/.test(text)) {
    let json = true;
    try {
      JSON.parse(text);
    } catch {
      json = false;
    }
    if (json) throw refuse('the post is JSON, not a Markdown roundup');
  }
  if (/^(?:<!doctype\s+html|<html[\s>])/i.test(text)) {
    throw refuse('the post is an HTML page, not Markdown');
  }
};

/**
 * Reads a Jekyll roundup post ("What I've been reading in …") into the
 * roundup model. Throws a RoundupParseError for input that is no roundup:
 * broken front matter, no sections or entries, JSON, HTML pages, binary data.
 */
export const parseRoundupMarkdown = (
  text: string,
  options: ParseRoundupOptions = {}
): ParsedRoundup => {
  const fileName = options.fileName ? options.fileName.split(/[\\/]/).pop() || null : null;
  const source = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  refuseNonMarkdown(source, fileName);
  const lines = source.split('\n').map((line, index) => ({ number: index + 1, text: line }));
  const warnings = new WarningLog();

  const front = readFrontMatter(lines, fileName);
  const fields = roundupFields(front, fileName, warnings);
  const body = arrangeBody(scanBlocks(lines.slice(front.bodyStart)), warnings, fileName);
  const { excerpt, intro } = splitExcerpt(body.intro, warnings);
  const tree = nestDraftSections(mergeRepeatedSections(body.sections, warnings));
  // Reading order: what `sections[n]` in a problem's path and the source lines count.
  const sections = draftsInOrder(tree);

  const roundup: Roundup = {
    title: fields.title,
    slug: fields.slug,
    date: fields.date,
    excerpt: excerpt ? canonicalMarkdown(excerpt.map((line) => line.text)) : null,
    intro: canonicalMarkdown(joinPieces(intro)),
    outro: canonicalMarkdown(joinPieces(body.outro)),
    layout: fields.layout,
    frontMatter: fields.frontMatter,
    sections: modelSections(tree, (section) => ({
      category: { name: section.name, slug: slugFromText(section.name, 'section') },
      ...(section.url ? { url: section.url } : {}),
      ...(section.note.length > 0 ? { note: canonicalMarkdown(joinPieces(section.note)) } : {}),
      entries: section.entries.map(({ entry, pieces, after }) => {
        const textAfter = canonicalMarkdown(joinPieces(after));
        return {
          ...entry,
          description: canonicalMarkdown(joinPieces(pieces)),
          ...(textAfter ? { textAfter } : {}),
        };
      }),
    })),
  };
  const sourceLines: RoundupSourceLines = {
    sections: sections.map((section) => ({
      heading: section.line,
      entries: section.entries.map((entry) => entry.line),
    })),
  };
  const firstLine = (pieces: readonly Piece[]) =>
    pieces.find((piece) => piece.lines.length > 0)?.lines[0].number ?? null;
  const lengthProblems = importLengthProblems(roundup, sourceLines, {
    excerpt: excerpt?.[0]?.number ?? null,
    intro: firstLine(intro),
    outro: firstLine(body.outro),
  });
  const tooLong = new Set(lengthProblems.map((problem) => problem.field));

  // A field over its limit is refused, not parsed: markdown-it is super-linear on some long runs.
  const markdownOptions = options.markdown ?? DEFAULT_MARKDOWN;
  const note = (pieces: readonly Piece[], place: string, field: string) => {
    if (tooLong.has(field)) return;
    const shown = pieces.map(shownPiece);
    noteHiddenContent(shown, place, warnings);
    noteUnsafeMarkdown(shown, place, warnings, markdownOptions);
  };
  if (excerpt) {
    checkExcerptMonth(excerpt, fields.title, fields.date, warnings);
    note([{ lines: excerpt, reported: false }], 'the excerpt', 'excerpt');
  }
  note(intro, 'the intro', 'intro');
  note(body.outro, 'the outro', 'outro');
  sections.forEach((section, s) => {
    note(section.note, `the note of the section "${section.name}"`, `sections[${s}].note`);
    section.entries.forEach(({ entry, pieces, after }, e) => {
      const path = `sections[${s}].entries[${e}]`;
      // A title over its limit is refused too; it is not repeated in a warning for each line.
      if (tooLong.has(`${path}.title`)) return;
      note(pieces, `the commentary of "${entry.title}"`, `${path}.description`);
      note(after, `the list after "${entry.title}"`, `${path}.textAfter`);
    });
  });

  return {
    roundup,
    warnings: warnings.list(),
    lines: sourceLines,
    urlProblems: entryUrlProblems(roundup, sourceLines),
    lengthProblems,
  };
};
