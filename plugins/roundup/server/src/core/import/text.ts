/** One line of the post, with its 1-based number. */
export interface SourceLine {
  number: number;
  text: string;
}

export const isBlank = (text: string): boolean => text.trim() === '';

/** Leading spaces, with tabs advanced to the next multiple of 4 as CommonMark does. */
export const indentOf = (text: string): number => {
  let column = 0;
  for (const char of text) {
    if (char === ' ') column += 1;
    else if (char === '\t') column += 4 - (column % 4);
    else break;
  }
  return column;
};

/** `text` without its first `columns` columns of indentation (fewer if it has fewer). */
export const dropIndent = (text: string, columns: number): string => {
  let column = 0;
  let index = 0;
  while (index < text.length && column < columns) {
    const char = text[index];
    if (char === ' ') column += 1;
    else if (char === '\t') column += 4 - (column % 4);
    else break;
    index += 1;
  }
  // A tab that overshoots keeps its remaining columns as spaces.
  return ' '.repeat(Math.max(0, column - columns)) + text.slice(index);
};

/**
 * The stored form of every Markdown field (excerpt, intro, outro, commentary):
 * lines kept as written (hard wraps stay line breaks) but moved left by their
 * common indentation, trailing spaces removed, runs of blank lines made one,
 * and no whitespace at either end; null when empty.
 */
export const canonicalMarkdown = (lines: readonly string[]): string | null => {
  const kept: string[] = [];
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (line === '' && (kept.length === 0 || kept[kept.length - 1] === '')) continue;
    kept.push(line);
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  if (kept.length === 0) return null;
  const common = Math.min(...kept.filter((line) => line !== '').map(indentOf));
  const [first, ...others] = kept.map((line) => dropIndent(line, common));
  return [first.trimStart(), ...others].join('\n');
};

/** Plain text as the model stores titles, authors and section names: single spaces, trimmed. */
export const singleSpaced = (text: string): string => text.replace(/\s+/g, ' ').trim();
