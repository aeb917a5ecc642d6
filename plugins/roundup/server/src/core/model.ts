/**
 * The roundup as plain data: what the read API returns, what renderers turn
 * into Markdown, HTML and feeds, and what the importer produces.
 */
export interface RoundupCategory {
  name: string;
  slug: string;
}

export interface RoundupEntry {
  title: string;
  url: string;
  author: string | null;
  /** The curator's commentary, Markdown. */
  description: string | null;
  /**
   * Markdown that follows the link at the list's own level, not under it: the post's
   * list items without a link of their own (`* No recording; [the slides](…)`), in order.
   * Absent or null for most.
   */
  textAfter?: string | null;
}

export interface RoundupSection {
  /** null only for entries whose category was deleted. */
  category: RoundupCategory | null;
  entries: RoundupEntry[];
  /** Markdown under its heading in this roundup only, before its links; null or absent for most. */
  note?: string | null;
  /** The link its heading carries in this roundup (`### [Name](url)`); null or absent for most. */
  url?: string | null;
  /** The sections under this one (`###` under `##`), in order; none for most. */
  children?: RoundupSection[];
}

export interface Roundup {
  title: string;
  slug: string;
  /** YYYY-MM-DD */
  date: string;
  excerpt: string | null;
  /** Markdown before the first section. */
  intro: string | null;
  /** Markdown after the last section. */
  outro: string | null;
  /** The front matter `layout`, e.g. "post". */
  layout: string | null;
  /** Extra front matter keys, written after layout, title and date. */
  frontMatter: Record<string, unknown> | null;
  /** The top-level sections, each with its subsections in `children`. */
  sections: RoundupSection[];
}
