/**
 * A link's commentary with a new note from another capture appended as its
 * own paragraph; a note the commentary already holds is not added twice.
 */
export const appendNote = (commentary: string | null | undefined, note: string | null | undefined): string | null => {
  const existing = (commentary ?? '').trim();
  const added = (note ?? '').trim();
  if (!added) return existing || null;
  if (!existing) return added;
  if (existing.split(/\n{2,}/).some((paragraph) => paragraph.trim() === added)) return existing;
  return `${existing}\n\n${added}`;
};
