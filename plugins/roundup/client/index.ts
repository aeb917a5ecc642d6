/**
 * Types of the plugin's public REST answers (/api/roundup/...), for frontends
 * that fetch roundups: `import type { Roundup } from 'strapi-plugin-roundup/client'`.
 * They mirror the OpenAPI document the plugin serves at /api/roundup/openapi.json
 * (a type test in the repository keeps the two in agreement), and
 * `createRoundupClient` is a typed fetch over them, with no dependencies.
 */

/** The category a section shows. */
export interface SectionCategory {
  name: string;
  slug: string;
}

/** One link of a roundup. */
export interface Entry {
  title: string;
  /** Absolute http or https URL. */
  url: string;
  author: string | null;
  /** The curator's commentary, Markdown. */
  description: string | null;
  /** Markdown after the link at the list's own level: the post's list items without a link. Absent for most links. */
  textAfter?: string;
}

/** The links of one category, in the order the editor gave them. */
export interface Section {
  /** null only for links whose category was deleted; such a section comes last. */
  category: SectionCategory | null;
  /** The link this roundup's heading of the section carries (`### [Name](url)`), or null. */
  url: string | null;
  /** Markdown under the section's heading in this roundup only, before its links. */
  note: string | null;
  entries: Entry[];
  /** The sections under this one (`###` under `##`), in order; empty for most. */
  children: Section[];
}

/** A published roundup in a list. */
export interface RoundupSummary {
  documentId: string;
  title: string;
  slug: string;
  /** YYYY-MM-DD */
  date: string;
  excerpt: string | null;
  /** ISO 8601 */
  publishedAt: string;
  /** ISO 8601 */
  updatedAt: string;
}

/** A published roundup with its non-empty sections and links in order. */
export interface Roundup extends RoundupSummary {
  /** Markdown before the first section. */
  intro: string | null;
  /** Markdown after the last section. */
  outro: string | null;
  /** The front matter `layout`, e.g. "post". */
  layout: string | null;
  /** Extra front matter keys, as the editor set them. */
  frontMatter: { [key: string]: unknown } | null;
  sections: Section[];
}

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

/** GET /api/roundup/roundups */
export interface RoundupList {
  data: RoundupSummary[];
  meta: { pagination: Pagination };
}

/** GET /api/roundup/roundups/:slug */
export interface RoundupResponse {
  data: Roundup;
  /** Always empty. */
  meta: Record<string, never>;
}

/** A published roundup that shows a link found by a search. */
export interface SearchRoundup {
  title: string;
  slug: string;
  /** YYYY-MM-DD */
  date: string;
}

/** One published link matching a search. */
export interface SearchHit {
  link: Entry;
  /** The published roundups showing the link, newest first. */
  roundups: SearchRoundup[];
  /** Plain text around the first match (the commentary, else the items after the link, the title or the author). */
  snippet: string;
  /** The same text HTML-escaped, each matched word in `<mark>`: safe to embed as HTML. */
  snippetHtml: string;
}

/** GET /api/roundup/search */
export interface SearchResults {
  data: SearchHit[];
  meta: { pagination: Pagination };
}

/** A section of roundups; sections appear in ascending position. */
export interface Category {
  name: string;
  slug: string;
  description: string | null;
  position: number;
}

/** GET /api/roundup/categories */
export interface CategoryList {
  data: Category[];
  /** Always empty. */
  meta: Record<string, never>;
}

/** One roundup in the JSON Feed. */
export interface JsonFeedItem {
  /** The roundup's permalink. */
  id: string;
  url: string;
  title: string;
  content_html: string;
  /** The excerpt, when the roundup has one. */
  summary?: string;
  date_published: string;
  date_modified: string;
}

/** GET /api/roundup/feed?format=json: JSON Feed 1.1. */
export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url: string;
  feed_url: string;
  description?: string;
  items: JsonFeedItem[];
}

/** One roundup whose public output changed, in GET /api/roundup/changes. */
export interface ChangeItem {
  documentId: string;
  /** `published`: fetch it (again); `removed`: unpublished or deleted. */
  state: 'published' | 'removed';
  slug: string;
  /** YYYY-MM-DD */
  date: string;
  /** Changes whenever what the roundup renders to may have changed. */
  version: string;
  /** ISO 8601: when the change was made. */
  updatedAt: string;
}

/** GET /api/roundup/changes */
export interface ChangesPage {
  data: ChangeItem[];
  meta: {
    /** Pass as `since` for the next page, or keep it for the next pull. */
    nextCursor: string;
    hasMore: boolean;
  };
}

/** The body of an error answer, Strapi's envelope. */
export interface ErrorResponse {
  data: null;
  error: {
    status: number;
    name: string;
    message: string;
    details: { [key: string]: unknown };
  };
}

/** One bad parameter of a 400. */
export interface ValidationProblem {
  /** The parameter or field, e.g. ["pageSize"]. */
  path: string[];
  message: string;
  name: 'ValidationError';
}

/** The body of a 400: every bad parameter named in `details.errors`. */
export interface ValidationErrorResponse {
  data: null;
  error: {
    status: 400;
    name: 'ValidationError';
    message: string;
    details: { errors: ValidationProblem[] };
  };
}

/** `hugo`: Markdown for Hugo; `email`: a whole HTML document for mail clients; `text`: its plain-text part. */
export type RenderFormat = 'markdown' | 'html' | 'hugo' | 'email' | 'text';
export type FeedFormat = 'rss' | 'atom' | 'json';

const RENDERED_TYPES: Record<RenderFormat, string> = {
  markdown: 'text/markdown',
  html: 'text/html',
  hugo: 'text/markdown',
  email: 'text/html',
  text: 'text/plain',
};

/** The part of `fetch` the client uses; the platform's `fetch` fits. */
export type FetchLike = (
  url: string,
  init: { headers: Record<string, string>; [option: string]: unknown }
) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

export interface RoundupClientOptions {
  /** The Strapi app's URL, e.g. https://cms.example.com (the REST prefix `/api` is added). */
  baseUrl: string;
  /** An API token (or a Users & Permissions JWT), for roles other than Public. */
  token?: string;
  /** Defaults to the global `fetch`. */
  fetch?: FetchLike;
  /** The REST prefix of the app, `/api` unless the app changed `api.rest.prefix`. */
  prefix?: string;
  /** Extra options for every request, e.g. `{ next: { revalidate: 60 } }` in Next.js. */
  init?: { [option: string]: unknown };
}

/** A non-2xx answer: its status and, when JSON, Strapi's error body. */
export class RoundupApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorResponse | ValidationErrorResponse | null,
    readonly url: string
  ) {
    super(body?.error?.message ?? `Request to ${url} answered ${status}`);
    this.name = 'RoundupApiError';
  }
}

/** Typed requests to the public routes; every method throws RoundupApiError on a non-2xx answer. */
export const createRoundupClient = ({
  baseUrl,
  token,
  fetch,
  prefix = '/api',
  init = {},
}: RoundupClientOptions) => {
  const send: FetchLike = fetch ?? (globalThis as unknown as { fetch: FetchLike }).fetch;
  let end = baseUrl.length;
  while (end > 0 && baseUrl[end - 1] === '/') end -= 1;
  const root = `${baseUrl.slice(0, end)}${prefix}/roundup`;

  const request = async (
    path: string,
    query: Record<string, string | number | undefined>,
    accept: string
  ) => {
    const search = Object.entries(query)
      .filter((pair): pair is [string, string | number] => pair[1] !== undefined)
      .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
      .join('&');
    const url = `${root}${path}${search ? `?${search}` : ''}`;
    const headers: Record<string, string> = { Accept: accept };
    if (token) headers.Authorization = `Bearer ${token}`;
    const response = await send(url, { ...init, headers });
    const text = await response.text();
    if (!response.ok) {
      let body: ErrorResponse | null = null;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON (a proxy's error page): the status says enough.
      }
      throw new RoundupApiError(response.status, body, url);
    }
    return text;
  };
  const json = async <T>(
    path: string,
    query: Record<string, string | number | undefined> = {},
    accept = 'application/json'
  ) => JSON.parse(await request(path, query, accept)) as T;
  const slugPath = (slug: string) => `/roundups/${encodeURIComponent(slug)}`;

  return {
    /** GET /roundups: published roundups, newest first. */
    listRoundups: (query: { page?: number; pageSize?: number } = {}) =>
      json<RoundupList>('/roundups', query),
    /** GET /search?q=: published links matching the words of `q`, most relevant first. */
    search: (query: { q: string; page?: number; pageSize?: number }) =>
      json<SearchResults>('/search', query),
    /** GET /roundups/:slug: one published roundup. */
    getRoundup: (slug: string) => json<RoundupResponse>(slugPath(slug)),
    /** GET /roundups/:slug/rendered: Markdown with front matter, an HTML fragment, Hugo's Markdown, an email or text. */
    getRendered: (slug: string, format: RenderFormat) =>
      request(`${slugPath(slug)}/rendered`, { format }, RENDERED_TYPES[format]),
    /** GET /changes: what changed since `since` (every published roundup without it), one page. */
    listChanges: (query: { since?: string; limit?: number } = {}) =>
      json<ChangesPage>('/changes', query),
    /** GET /categories: every section, in order of position. */
    listCategories: () => json<CategoryList>('/categories'),
    /** GET /feed?format=json: the JSON Feed. */
    getJsonFeed: () => json<JsonFeed>('/feed', { format: 'json' }, 'application/feed+json'),
    /** GET /feed?format=rss|atom: the XML feed. */
    getXmlFeed: (format: Exclude<FeedFormat, 'json'>) =>
      request('/feed', { format }, `application/${format}+xml`),
  };
};

export type RoundupClient = ReturnType<typeof createRoundupClient>;
