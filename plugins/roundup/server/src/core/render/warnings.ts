import type { Roundup } from '../model';
import { sectionsInOrder } from '../section-tree';
import { markdownField, type MarkdownOutputOptions } from './markdown';
import type { MarkdownRemoval } from './markdown-safety';

/** Something the Markdown output leaves out of, or makes inert in, one of a roundup's fields. */
export interface MarkdownSafetyWarning {
  /** The field's path: `intro`, `sections[1].entries[0].description`, … */
  field: string;
  /** Where the editor finds it: "the intro", "the commentary of "Title"". */
  place: string;
  message: string;
  /** Offset in the field's text. */
  offset: number;
}

const REMOVED: Record<MarkdownRemoval['kind'], string> = {
  html: 'is not allowed raw HTML; it is shown as text',
  link: 'is a link target that is not http(s), mailto or relative; the link goes nowhere',
  'attribute-list': 'is a kramdown attribute list; it is shown as text',
};

/**
 * How many warnings of one kind one field gets; the rest are counted in one more.
 * An editor reads the first few and fixes them all the same way, and a field made
 * of thousands of stray `<` must not answer with a warning each.
 */
export const WARNINGS_PER_KIND = 10;

type Kind = MarkdownRemoval['kind'] | 'liquid';

const MORE: Record<Kind, string> = {
  html: 'pieces of raw HTML that are not allowed are shown as text',
  link: 'link targets that are not http(s), mailto or relative go nowhere',
  'attribute-list': 'kramdown attribute lists are shown as text',
  liquid: 'Liquid constructs are shown as text, not run by the site',
};

/** The warnings for one field's text, as the Markdown output writes it with `options`. */
export const fieldSafetyWarnings = (
  text: string,
  place: string,
  options: MarkdownOutputOptions
): { offset: number; message: string }[] => {
  const prepared = markdownField(text, options);
  const warnings: { offset: number; message: string }[] = [];
  const totals = new Map<Kind, number>([['liquid', prepared.inertLiquid.length]]);
  for (const { kind } of prepared.removed) totals.set(kind, (totals.get(kind) ?? 0) + 1);
  // One warning more than the cap reads better shown than counted ("1 more …").
  const cap = (kind: Kind) =>
    (totals.get(kind) ?? 0) > WARNINGS_PER_KIND + 1 ? WARNINGS_PER_KIND : Infinity;
  const shown = new Map<Kind, number>();
  const more = new Map<Kind, { count: number; offset: number }>();
  /** Whether one more warning of `kind` is shown; if not, it is counted. */
  const show = (kind: Kind, offset: () => number): boolean => {
    const count = shown.get(kind) ?? 0;
    if (count < cap(kind)) {
      shown.set(kind, count + 1);
      return true;
    }
    const counted = more.get(kind);
    if (counted) counted.count += 1;
    else more.set(kind, { count: 1, offset: offset() });
    return false;
  };
  for (const { offset, kind, written } of prepared.removed) {
    if (show(kind, () => offset))
      warnings.push({ offset, message: `"${written}" in ${place} ${REMOVED[kind]}` });
  }
  // Constructs come in the order they are written: each search starts where the last one was found.
  let from = 0;
  const liquidOffset = (written: string) => {
    const found = text.indexOf(written, from);
    if (found >= 0) from = found + written.length;
    return Math.max(0, found >= 0 ? found : from);
  };
  for (const written of prepared.inertLiquid) {
    if (!show('liquid', () => from)) continue;
    const short = written.length > 60 ? `${written.slice(0, 59)}…` : written;
    warnings.push({
      offset: liquidOffset(written),
      message: `the Liquid "${short}" in ${place} is shown as text, not run by the site`,
    });
  }
  for (const [kind, { count, offset }] of more) {
    warnings.push({ offset, message: `${count} more ${MORE[kind]} in ${place}` });
  }
  return warnings;
};

/** What the Markdown output of `roundup` does not keep as its editors wrote it, field by field. */
export const markdownSafetyWarnings = (
  roundup: Roundup,
  options: MarkdownOutputOptions
): MarkdownSafetyWarning[] => {
  const fields: { field: string; place: string; text: string | null }[] = [
    { field: 'excerpt', place: 'the excerpt', text: roundup.excerpt },
    { field: 'intro', place: 'the intro', text: roundup.intro },
    ...sectionsInOrder(roundup.sections).flatMap(({ section }, s) =>
      section.entries.map((entry, e) => ({
        field: `sections[${s}].entries[${e}].description`,
        place: `the commentary of "${entry.title}"`,
        text: entry.description,
      }))
    ),
    { field: 'outro', place: 'the outro', text: roundup.outro },
  ];
  return fields.flatMap(({ field, place, text }) =>
    text ? fieldSafetyWarnings(text, place, options).map((w) => ({ field, place, ...w })) : []
  );
};
