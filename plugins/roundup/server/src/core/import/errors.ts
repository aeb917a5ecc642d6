import type { ImportWarning } from '../../../../shared/contracts/import';

/** Something the importer noticed and handled, with the 1-based line of the post it is about. */
export type { ImportWarning };

/**
 * A post the importer cannot read as a roundup at all: broken front matter,
 * no sections, or input that is not Markdown. `line` is 1-based, or null when
 * the problem is the whole post.
 */
export class RoundupParseError extends Error {
  readonly line: number | null;
  readonly reason: string;
  readonly fileName: string | null;

  constructor(reason: string, line: number | null, fileName?: string | null) {
    const where = [fileName, line === null ? null : `line ${line}`].filter(Boolean).join(', ');
    super(where ? `${where}: ${reason}` : reason);
    this.name = 'RoundupParseError';
    this.line = line;
    this.reason = reason;
    this.fileName = fileName ?? null;
  }
}

/** Collects warnings; they come out sorted by line, in the order they were noted within a line. */
export class WarningLog {
  private readonly noted: ImportWarning[] = [];

  add(line: number, message: string): void {
    this.noted.push({ line, message });
  }

  list(): ImportWarning[] {
    return this.noted
      .map((warning, index) => ({ warning, index }))
      .sort((a, b) => a.warning.line - b.warning.line || a.index - b.index)
      .map(({ warning }) => warning);
  }
}
