/** What the Markdown import route takes and answers: a dry run first, then the import. */

/** POST /roundup/import */
export interface ImportRequest {
  markdown: string;
  fileName?: string;
  /** Used when neither the front matter nor the file name gives a date. */
  date?: string;
  publish: boolean;
  dryRun: boolean;
  replace: boolean;
}

/** Something the importer noticed and handled, with the 1-based line of the post it is about. */
export interface ImportWarning {
  line: number;
  message: string;
}

/** A field the post cannot be imported with, named by its path. */
export interface ImportProblem {
  path: string;
  message: string;
}

/** What a dry run found: sizes, warnings, and the problems that would refuse the import. */
export interface ImportCheck {
  sections: number;
  entries: number;
  warnings: ImportWarning[];
  problems: ImportProblem[];
}

/** An imported post: the roundup it became. */
export interface ImportResult {
  documentId: string;
  slug: string;
  sections: number;
  entries: number;
  warnings: ImportWarning[];
}
