import type { Roundup } from '../model';
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

/** The warnings for one field's text, as the Markdown output writes it with `options`. */
export const fieldSafetyWarnings = (
  text: string,
  place: string,
  options: MarkdownOutputOptions
): { offset: number; message: string }[] => {
  const prepared = markdownField(text, options);
  return [
    ...prepared.removed.map(({ offset, kind, written }) => ({
      offset,
      message: `"${written}" in ${place} ${REMOVED[kind]}`,
    })),
    ...prepared.inertLiquid.map((written) => ({
      offset: Math.max(0, text.indexOf(written)),
      message: `the Liquid "${written.length > 60 ? `${written.slice(0, 59)}…` : written}" in ${place} is shown as text, not run by the site`,
    })),
  ];
};

/** What the Markdown output of `roundup` does not keep as its editors wrote it, field by field. */
export const markdownSafetyWarnings = (
  roundup: Roundup,
  options: MarkdownOutputOptions
): MarkdownSafetyWarning[] => {
  const fields: { field: string; place: string; text: string | null }[] = [
    { field: 'excerpt', place: 'the excerpt', text: roundup.excerpt },
    { field: 'intro', place: 'the intro', text: roundup.intro },
    ...roundup.sections.flatMap((section, s) =>
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
