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

const RAW_OPEN = /^\{%-?[ \t]*raw[ \t]*-?%\}$/;
const RAW_CLOSE = /\{%-?[ \t]*endraw[ \t]*-?%\}/;

/**
 * Liquid that a post shows as text (`{% raw %}{{ x }}{% endraw %}`, `{{ "{" }}`)
 * as the text it shows: the Markdown output makes Liquid inert again itself.
 */
export const unwrapRawLiquid = (text: string): string => {
  if (!text.includes('{%') && !text.includes('{{ "{" }}')) return text;
  const out: string[] = [];
  let from = 0;
  let at = text.indexOf('{%');
  let end = -1;
  while (at >= 0) {
    // The first `%}` after `at`; the one found for an earlier `{%` still is, when it lies beyond.
    if (end < at + 2) end = text.indexOf('%}', at + 2);
    if (end < 0) break;
    if (!RAW_OPEN.test(text.slice(at, end + 2))) {
      at = text.indexOf('{%', at + 2);
      continue;
    }
    // The body ends at the first endraw tag; look for it word by word, forward only.
    let close = text.indexOf('endraw', end + 2);
    let match: RegExpExecArray | null = null;
    while (close >= 0) {
      const windowStart = Math.max(end + 2, close - 4);
      const relative = text.slice(windowStart, close).lastIndexOf('{%');
      const open = relative < 0 ? -1 : windowStart + relative;
      match = open >= 0 ? RAW_CLOSE.exec(text.slice(open, close + 12)) : null;
      if (match && match.index === 0) {
        out.push(text.slice(from, at), text.slice(end + 2, open));
        from = open + match[0].length;
        break;
      }
      close = text.indexOf('endraw', close + 6);
    }
    if (close < 0) break;
    at = text.indexOf('{%', from);
  }
  out.push(text.slice(from));
  return out.join('').split('{{ "{" }}').join('{');
};
