/**
 * The importer: Jekyll roundup posts into the roundup model, as plain functions.
 *
 * How a post is read (CommonMark's rules decide what belongs to a list item):
 * - Front matter: `layout`, `title`, `date` fill their fields, every other key goes to
 *   `frontMatter` (read as YAML 1.2). The date falls back on a `YYYY-MM-DD-slug.md` file
 *   name; the slug is the `slug` key, else the file name's slug, else the title's.
 * - Sections: `## Name` headings, and `# Name` too (with a warning). A repeated name
 *   (equal under `normaliseSectionName`) joins the first section of that name. `###` to
 *   `######` headings open sections under the nearest heading above with fewer `#`; a section
 *   with no links of its own is one when a section under it has links.
 * - Entries: top-level `*`/`-`/`+` items that start with `[Title](url)`. The title is the
 *   link's visible text (`**` and escapes gone), the author what follows "by " up to
 *   `<br>` or the end of the line, kept as written ("Brandon Azad.", `"quiet_coder"`).
 *   `by Author - text` and `- text` start the commentary on the link's line.
 * - Commentary, excerpt, intro, outro: Markdown as written, moved left by its common
 *   indentation, hard wraps kept as line breaks, trailing spaces and extra blank lines
 *   dropped. A line right after an item's text continues it (lazy continuation); text
 *   after a blank line that is not indented ends the list.
 * - The intro is everything before the first entry except the marked excerpt; the outro
 *   is everything after the last entry from the first text that is not a list item.
 *   Other text between entries (linkless items, paragraphs, comments, images, headings of
 *   sections without entries) joins the commentary of the entry before it, with a warning;
 *   a sign-off (`- Noah`) joins it without one.
 * - An entry the API would refuse as a link (a URL that is not absolute http(s) or is over
 *   2,048 characters, a title or author over its limit) is kept as written, as text where a
 *   linkless item would go, with a warning on its line: one entry never fails the post.
 */
export { RoundupParseError, type ImportWarning } from './errors';
export { parseRoundupMarkdown, type ParsedRoundup, type ParseRoundupOptions } from './parse';
export { normaliseSectionName } from './sections';
export { entryUrlProblems, type EntryUrlProblem, type RoundupSourceLines } from './urls';
