import type { RoundupEntry } from '../model';
import type { Block, HeadingBlock, ItemBlock, TextBlock } from './blocks';
import type { Piece } from './content';
import { readItem, type ItemReading } from './entry';
import { entryProblem } from './entry-problem';
import { RoundupParseError, type WarningLog } from './errors';
import { headingLinks, quote } from './heading-links';
import { readInlineText } from './inline';

/**
 * The form in which section names are compared, so that a post's heading
 * finds its existing category: case, accents, `&`/"and", hyphens and other
 * punctuation do not count ("Neat Open-Source Projects" ≡ "neat open source projects").
 */
export const normaliseSectionName = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export interface DraftEntry {
  entry: Omit<RoundupEntry, 'description'>;
  line: number;
  pieces: Piece[];
  /** What follows the entry's list item at the list's level (items without a link): its `textAfter`. */
  after: Piece[];
}

export interface DraftSection {
  /** Its place among the post's section headings, which names it for its subsections. */
  id: number;
  name: string;
  line: number;
  entries: DraftEntry[];
  /** The section whose heading it stands under (`###` under `##`), or null at the top. */
  parent: DraftSection | null;
  /** The link the heading is (`### [Approved proposals](https://…)`), or null. */
  url: string | null;
  /** Prose between the heading and the section's list: its note in this roundup. */
  note: Piece[];
}

export interface ArrangedBody {
  intro: Piece[];
  sections: DraftSection[];
  outro: Piece[];
}

type Part = { block: ItemBlock | TextBlock; reading: ItemReading | null };

interface Group {
  heading: HeadingBlock | null;
  name: string;
  parts: Part[];
}

/** `#` and `##` both open a top-level section; `###` one under it, and so on. */
const headingDepth = (group: Group): number => Math.max(group.heading?.level ?? 0, 2);

/**
 * Whether each group is a section: it has entries, or a group under it does
 * (a `##` whose links are all in its `###` subsections).
 */
const sectionGroups = (groups: readonly Group[], isEntry: (part: Part) => boolean): boolean[] => {
  const result = groups.map((group) => group.heading !== null && group.parts.some(isEntry));
  for (let index = groups.length - 1; index > 0; index -= 1) {
    if (!result[index]) continue;
    // Each heading above with a smaller depth, up to the top, holds this one.
    let depth = headingDepth(groups[index]);
    for (let above = index - 1; above > 0 && depth > 2; above -= 1) {
      const aboveDepth = headingDepth(groups[above]);
      if (aboveDepth < depth) {
        result[above] = true;
        depth = aboveDepth;
      }
    }
  }
  return result;
};

const pieceOf = (block: Block, reported: boolean): Piece => ({
  lines: block.kind === 'heading' ? [block.raw] : block.raw,
  reported,
});

/** What a part that is no entry is, quoting its first line. */
const describePart = ({ block, reading }: Part): string => {
  const first = block.raw[0].text.trim();
  const quoted = quote(first);
  if (reading?.kind === 'refused') {
    const { field, message } = reading.problem;
    return `the entry ${quote(reading.title)}, which cannot be a link (its ${field} ${message}),`;
  }
  if (reading?.kind === 'linkless') return `a list item without a link (${quoted})`;
  if (reading?.kind === 'late-link')
    return `a list item that does not start with a link (${quoted})`;
  if (reading?.kind === 'unread')
    return `a list item of ${reading.length} characters, too long to read (${quoted})`;
  if (first.startsWith('<!--')) return `an HTML comment (${quoted})`;
  if (/^!\[[^\]]*\]\([^)]*\)$/.test(first)) return `an image (${quoted})`;
  return `text outside any entry (${quoted})`;
};

const sectionName = (heading: HeadingBlock, warnings: WarningLog): string => {
  const name = readInlineText(heading.text);
  // Links are kept apart (see headingLinks); other formatting is what is lost.
  const formatting = [...name.markup].filter((kind) => kind !== 'link');
  if (formatting.length > 0 && name.text !== '') {
    warnings.add(heading.line, `the formatting of the section heading "${name.text}" is not kept`);
  }
  return name.text;
};

/** An entry the API would refuse as a link becomes text: one entry's problem never fails the post. */
const storableReading = (reading: ItemReading): ItemReading => {
  if (reading.kind !== 'entry') return reading;
  const problem = entryProblem(reading.entry);
  return problem ? { kind: 'refused', title: reading.entry.title, problem } : reading;
};

/**
 * Places every block of the body: entries into their sections, and all other
 * text into the intro (before the first entry), the outro (after the last one,
 * once text that is not a list item starts), the commentary of the entry
 * before it or, for list items without a link and all after them, the list
 * after that entry (its `after`), with a warning whenever text lands where the post did not put it.
 */
export const arrangeBody = (
  blocks: readonly Block[],
  warnings: WarningLog,
  fileName: string | null
): ArrangedBody => {
  const groups: Group[] = [{ heading: null, name: '', parts: [] }];
  for (const block of blocks) {
    const name = block.kind === 'heading' ? sectionName(block, warnings) : '';
    if (block.kind === 'heading' && name !== '') {
      groups.push({ heading: block, name, parts: [] });
    } else if (block.kind === 'heading') {
      // A heading with nothing to read (`## <br>`) names no section.
      const text: TextBlock = { kind: 'text', line: block.line, raw: [block.raw] };
      groups[groups.length - 1].parts.push({ block: text, reading: null });
    } else {
      groups[groups.length - 1].parts.push({
        block,
        reading: block.kind === 'item' ? storableReading(readItem(block)) : null,
      });
    }
  }
  if (groups.length === 1) {
    throw new RoundupParseError(
      'the post has no sections: a roundup has "## Section" headings, each followed by "* [Title](url)" list items',
      null,
      fileName
    );
  }
  const isEntry = (part: Part) => part.reading?.kind === 'entry';
  const isSection = sectionGroups(groups, isEntry);
  const withEntries = isSection.map((section, index) => (section ? index : -1));
  const first = withEntries.find((index) => index >= 0) ?? -1;
  const last = Math.max(...withEntries);
  if (first < 0) {
    throw new RoundupParseError(
      'the post has no entries: no list item under a section heading starts with a link "[Title](url)"',
      null,
      fileName
    );
  }

  const arranged: ArrangedBody = { intro: [], sections: [], outro: [] };
  let previous: DraftEntry | null = null;
  let inOutro = false;
  // The sections whose headings enclose the current one, outermost first.
  const open: { section: DraftSection; depth: number }[] = [];
  /** Whether a block the post wrote after the previous entry's item stays after it, at the list's level. */
  const staysAfter = (entry: DraftEntry, block: Block) =>
    block.kind === 'item' || entry.after.length > 0;
  const placeName = (index: number, block: Block) =>
    index < first || previous === null
      ? 'the intro'
      : index > last || inOutro
        ? 'the outro'
        : staysAfter(previous, block)
          ? `the list after "${previous.entry.title}"`
          : `the commentary of "${previous.entry.title}"`;
  const place = (piece: Piece, index: number, block: Block) => {
    if (index < first || previous === null) arranged.intro.push(piece);
    else if (index > last || inOutro) arranged.outro.push(piece);
    // A list item of its own stays one after the link, and so does all that comes after it.
    else if (staysAfter(previous, block)) previous.after.push(piece);
    else previous.pieces.push(piece);
  };

  groups.forEach((group, index) => {
    const heading = group.heading;
    if (heading && !isSection[index]) {
      warnings.add(
        heading.line,
        `the section "${group.name}" has no entries; its heading and text are kept in ${placeName(index, heading)}`
      );
      place(pieceOf(heading, true), index, heading);
      for (const part of group.parts) {
        // An entry kept as text is named on its own line, with why.
        if (part.reading?.kind === 'refused')
          warnings.add(
            part.block.line,
            `${describePart(part)} is kept in ${placeName(index, part.block)}`
          );
        place(pieceOf(part.block, true), index, part.block);
      }
      return;
    }
    let section: DraftSection | null = null;
    if (heading) {
      const depth = headingDepth(group);
      while (open.length > 0 && open[open.length - 1].depth >= depth) open.pop();
      section = {
        id: arranged.sections.length,
        name: group.name,
        line: heading.line,
        entries: [],
        parent: open[open.length - 1]?.section ?? null,
        url: null,
        note: [],
      };
      open.push({ section, depth });
      arranged.sections.push(section);
      headingLinks(heading, group.name, section, warnings);
      if (heading.level === 1) {
        warnings.add(
          heading.line,
          `"${heading.raw.text.trim()}" is a level-1 heading; it is read as the section "${group.name}"`
        );
      }
    }
    const lastEntryPart = group.parts.map(isEntry).lastIndexOf(true);
    // Prose right under the heading, before anything of the list, is the section's note.
    const noteEnd = group.parts.findIndex((part) => part.block.kind !== 'text');
    group.parts.forEach((part, partIndex) => {
      const reading = part.reading;
      if (section && (noteEnd === -1 || partIndex < noteEnd)) {
        section.note.push(pieceOf(part.block, false));
        return;
      }
      if (section && reading?.kind === 'entry') {
        const draft: DraftEntry = {
          entry: reading.entry,
          line: part.block.line,
          pieces: [{ lines: reading.commentary, reported: false }],
          after: [],
        };
        section.entries.push(draft);
        previous = draft;
        for (const note of reading.notes) warnings.add(note.line, note.message);
        return;
      }
      if (!section) {
        arranged.intro.push(pieceOf(part.block, false));
        return;
      }
      if (index === last && partIndex > lastEntryPart && part.block.kind === 'text') inOutro = true;
      if (inOutro) {
        arranged.outro.push(pieceOf(part.block, false));
        return;
      }
      const signOff = reading?.kind === 'linkless' && reading.signOff && previous !== null;
      if (!signOff) {
        warnings.add(
          part.block.line,
          `${describePart(part)} is kept in ${placeName(index, part.block)}`
        );
      }
      place(pieceOf(part.block, !signOff), index, part.block);
    });
  });
  return arranged;
};
