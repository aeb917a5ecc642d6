import type { HeadingBlock } from './blocks';
import { entryProblem } from './entry-problem';
import type { WarningLog } from './errors';
import { inlineLinks } from './inline';
import type { DraftSection } from './sections';

/** `text` in quotes, cut to 50 characters. */
export const quote = (text: string) => `"${text.length > 50 ? `${text.slice(0, 49)}…` : text}"`;

/**
 * A heading with links in it (`# 2025-07-23 | City | [Meetup](https://…)`, as
 * weekly newsletters list events) names its section by its text, and each
 * http(s) link becomes an entry at the top of the section, so no link is lost.
 * A heading that is one link and nothing else keeps it as the heading's own.
 */
export const headingLinks = (
  heading: HeadingBlock,
  name: string,
  section: DraftSection,
  warnings: WarningLog
) => {
  const links = inlineLinks(heading.text);
  // A heading that is one link (`### [Approved proposals](https://…)`) keeps it as the heading's own.
  const whole = links.length === 1 && links[0].text === name ? links[0] : null;
  if (whole && !entryProblem({ title: name, url: whole.url, author: null })) {
    section.url = whole.url;
    return;
  }
  for (const link of links) {
    const title = link.text || link.url;
    const problem = entryProblem({ title, url: link.url, author: null });
    if (problem) {
      warnings.add(
        heading.line,
        `the link ${quote(title)} (${quote(link.url)}) in the heading of the section "${name}" cannot be a link (its ${problem.field} ${problem.message}); its text stays in the section's name and its target is not kept`
      );
      continue;
    }
    warnings.add(
      heading.line,
      `the link "${title}" in the heading of the section "${name}" is kept as an entry of that section`
    );
    section.entries.push({
      entry: { title, url: link.url, author: null },
      line: heading.line,
      pieces: [],
      after: [],
    });
  }
};
