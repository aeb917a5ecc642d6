/** One roundup a commit writes or removes the file of. */
export interface CommittedRoundup {
  title: string;
  slug: string;
  date: string;
  removed: boolean;
}

const MESSAGE_PLACEHOLDER = /\{(title|slug|date)\}/g;

/** `template` with {title}, {slug} and {date} of `roundup`; other text is kept as written. */
export const fillMessage = (template: string, roundup: CommittedRoundup): string =>
  template.replace(MESSAGE_PLACEHOLDER, (_, name: 'title' | 'slug' | 'date') =>
    name === 'date' ? roundup.date.slice(0, 10) : roundup[name]
  );

/**
 * The commit message: the template of the one roundup a commit touches, or
 * for several a summary line and one line per roundup below it.
 */
export const commitMessage = (
  templates: { message: string; removeMessage: string },
  roundups: CommittedRoundup[]
): string => {
  const lineOf = (roundup: CommittedRoundup) =>
    fillMessage(roundup.removed ? templates.removeMessage : templates.message, roundup);
  if (roundups.length === 1) return `${lineOf(roundups[0])}\n`;
  const sorted = [...roundups].sort(
    (a, b) => a.date.localeCompare(b.date) || a.slug.localeCompare(b.slug)
  );
  return `Update ${roundups.length} roundups\n\n${sorted.map((r) => `- ${lineOf(r)}`).join('\n')}\n`;
};
