/** What the editor's admin routes answer and take: the Roundups list, a roundup's page and the inbox. */
import type { Pagination } from './pagination';

/** A roundup's state with Draft & Publish: never published, published as drafted, or edited since. */
export type RoundupStatus = 'draft' | 'published' | 'modified';

/** Another roundup that already has a link to the same page (same canonical URL). */
export interface DuplicateRef {
  roundup: { documentId: string; title: string };
  entry: string;
}

/** A link as a card on the editor's page. */
export interface EntryCard {
  documentId: string;
  title: string;
  url: string;
  host: string;
  author: string | null;
  commentary: string;
  /** Other roundups that already have this link (same canonical URL). */
  duplicates: DuplicateRef[];
}

export interface RoundupSummary {
  documentId: string;
  title: string;
  slug: string | null;
  date: string | null;
  status: RoundupStatus;
  entries: number;
  updatedAt: string;
  publishedAt: string | null;
}

export interface SectionRef {
  documentId: string;
  name: string;
}

/** What unfurl found for a captured link, as the inbox shows it. */
export interface UnfurlSummary {
  state: 'pending' | 'done' | 'failed';
  /** Why the last unfurl failed (`refused, private address`). */
  reason: string | null;
  description: string | null;
  siteName: string | null;
  /** The canonical URL the page declares. */
  canonicalUrl: string | null;
}

/** A link in the inbox, with the section it will join and what capture and unfurl recorded. */
export interface InboxCard extends EntryCard {
  category: SectionRef | null;
  /** When and how it was captured (null for links made in the admin panel). */
  capturedAt: string | null;
  captureSource: string | null;
  /** How many captures found this link; more than 1 means it was captured again. */
  captures: number;
  /** Unfurl's state (`pending`, `done`, `failed` with its reason) and what the page said. */
  unfurl: UnfurlSummary | null;
}

/** A section on the editor's page, with the section it stands under (shared by every roundup). */
export interface EditorSectionRef extends SectionRef {
  parent: string | null;
}

/** One section of a roundup on the editor's page, with this roundup's note and heading link for it. */
export interface EditorSection {
  category: EditorSectionRef | null;
  entries: EntryCard[];
  /** This roundup's Markdown note under the heading, or null. */
  note: string | null;
  /** This roundup's link on the heading (`### [Name](url)`), or null. */
  link: string | null;
}

export interface EditorView {
  roundup: RoundupSummary;
  /**
   * Every section, empty ones too, in this roundup's order (each parent before the
   * sections under it); `category: null` holds links whose section was deleted.
   */
  sections: EditorSection[];
  /** The order version to send back with a reorder. */
  version: string;
}

/** GET /roundup/roundups: roundups, newest date first. */
export interface RoundupList {
  results: RoundupSummary[];
  pagination: Pagination;
}

/** GET /roundup/inbox: one page of the links not yet in a roundup, and how many there are. */
export interface InboxPage {
  results: InboxCard[];
  total: number;
  pagination: Pagination;
}

/** POST /roundup/roundups: a new roundup, as a draft. */
export interface NewRoundup {
  title: string;
  date: string;
  slug?: string;
}

/** POST /roundup/roundups/:documentId/entries: a new link, straight into the roundup (quick-add)… */
export interface NewEntry {
  title: string;
  url: string;
  author?: string | null;
  description?: string | null;
  category: string;
}

/** …or a link taken from the inbox. */
export interface EntryFromInbox {
  entry: string;
}

/** One section of a roundup's order: its category and the links in it, in order. */
export interface SectionOrder {
  category: string;
  entries: string[];
  /** The section it stands under (null: at the top); when sent, it moves the shared section. */
  parent?: string | null;
}

/** PUT /roundup/roundups/:documentId/order, with the version the page was showing. */
export interface OrderRequest {
  version: string;
  sections: SectionOrder[];
}

/** Something the Markdown output does not keep as the editors wrote it: raw HTML, a link target, Liquid. */
export interface MarkdownSafetyWarning {
  /** The field's path: `intro`, `sections[1].entries[0].description`, … */
  field: string;
  /** Where the editor finds it: "the intro", "the commentary of "Title"". */
  place: string;
  message: string;
  /** Offset in the field's text. */
  offset: number;
}

/** GET /roundup/roundups/:documentId/preview: the draft rendered as it would be published. */
export interface RoundupPreview {
  markdown: string;
  html: string;
  warnings: MarkdownSafetyWarning[];
}
