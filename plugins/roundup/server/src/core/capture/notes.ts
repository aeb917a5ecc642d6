const paragraphs = (text: string) =>
  text
    .split(/\n[ \t\r]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);

/**
 * A link's commentary with the note of another capture appended: each of its
 * paragraphs the commentary does not already hold, as paragraphs of their
 * own. Capturing the same selection twice does not repeat it.
 */
export const appendNote = (
  commentary: string | null | undefined,
  note: string | null | undefined
): string | null => {
  const existing = (commentary ?? '').trim();
  const have = new Set(paragraphs(existing));
  const added = paragraphs(note ?? '').filter((paragraph) => !have.has(paragraph));
  if (added.length === 0) return existing || null;
  return [existing, ...added].filter(Boolean).join('\n\n');
};
