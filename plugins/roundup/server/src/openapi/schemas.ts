import { FIELD_LIMITS } from '../core/limits';

/**
 * JSON Schemas (draft 2020-12, the dialect of OpenAPI 3.1) of what the public
 * routes answer. Objects are closed (`additionalProperties: false`) wherever
 * the API decides the keys; only `frontMatter` (the editor's keys) and an
 * error's generic `details` are open. Kept `as const` so tests can derive
 * types from them and compare with the published client types.
 */

const ref = <Name extends string>(name: Name) =>
  ({ $ref: `#/components/schemas/${name}` }) as const;

const nullableString = { type: ['string', 'null'] } as const;

/** A closed object: these properties, `required` of them required, no others. */
const object = <const P extends Record<string, unknown>, const R extends readonly (keyof P)[]>(
  properties: P,
  required: R
) => ({ type: 'object', properties, required, additionalProperties: false }) as const;

/** `schema` with a description, written after its type as readers expect it. */
const described = <const D extends string, const S extends { type: string }>(
  description: D,
  schema: S
) => Object.assign({ type: schema.type, description }, schema);

/** A body `{ data, meta }`, as Strapi's REST answers are. */
const envelope = <const D, const M>(data: D, meta: M) => object({ data, meta }, ['data', 'meta']);

/** No keys: the `meta` of single-item responses. */
const emptyObject = { type: 'object', properties: {}, additionalProperties: false } as const;

export const SectionCategory = described(
  'The category a section shows.',
  object({ name: { type: 'string' }, slug: { type: 'string' } }, ['name', 'slug'])
);

export const Entry = described(
  'One link of a roundup.',
  object(
    {
      title: { type: 'string' },
      url: { type: 'string', format: 'uri', description: 'Absolute http or https URL.' },
      author: nullableString,
      description: { ...nullableString, description: "The curator's commentary, Markdown." },
      textAfter: {
        type: 'string',
        description:
          "Markdown after the link at the list's own level: the post's list items without a link. Absent for most links.",
      },
    },
    ['title', 'url', 'author', 'description']
  )
);

export const Section = described(
  'The links of one category, in the order the editor gave them.',
  object(
    {
      category: {
        description: 'null only for links whose category was deleted; such a section comes last.',
        oneOf: [ref('SectionCategory'), { type: 'null' }],
      },
      url: {
        ...nullableString,
        description:
          "The link this roundup's heading of the section carries (`### [Name](url)`), or null.",
      },
      note: {
        ...nullableString,
        description: "Markdown under the section's heading in this roundup only, before its links.",
      },
      entries: { type: 'array', items: ref('Entry') },
      children: {
        type: 'array',
        description:
          'The sections under this one (`###` under `##`), in order, each with its own children; empty for most.',
        items: ref('Section'),
      },
    },
    ['category', 'url', 'note', 'entries', 'children']
  )
);

const summaryProperties = {
  documentId: { type: 'string', minLength: 1 },
  title: { type: 'string' },
  slug: { type: 'string' },
  date: { type: 'string', format: 'date', description: 'YYYY-MM-DD' },
  excerpt: nullableString,
  publishedAt: { type: 'string', format: 'date-time' },
  updatedAt: { type: 'string', format: 'date-time' },
} as const;
const summaryRequired = [
  'documentId',
  'title',
  'slug',
  'date',
  'excerpt',
  'publishedAt',
  'updatedAt',
] as const;

export const RoundupSummary = described(
  'A published roundup in a list.',
  object(summaryProperties, summaryRequired)
);

export const Roundup = described(
  'A published roundup with its sections and links in order.',
  object(
    {
      ...summaryProperties,
      intro: { ...nullableString, description: 'Markdown before the first section.' },
      outro: { ...nullableString, description: 'Markdown after the last section.' },
      layout: { ...nullableString, description: 'The front matter `layout`, e.g. "post".' },
      frontMatter: {
        type: ['object', 'null'],
        description: 'Extra front matter keys, as the editor set them.',
        additionalProperties: true,
      },
      sections: {
        type: 'array',
        description: 'Non-empty sections, in order.',
        items: ref('Section'),
      },
    },
    [...summaryRequired, 'intro', 'outro', 'layout', 'frontMatter', 'sections']
  )
);

export const Pagination = object(
  {
    page: { type: 'integer', minimum: 1 },
    pageSize: { type: 'integer', minimum: 1 },
    pageCount: { type: 'integer', minimum: 0 },
    total: { type: 'integer', minimum: 0 },
  },
  ['page', 'pageSize', 'pageCount', 'total']
);

export const RoundupList = envelope(
  { type: 'array', items: ref('RoundupSummary') },
  object({ pagination: ref('Pagination') }, ['pagination'])
);

export const RoundupResponse = envelope(ref('Roundup'), emptyObject);

export const SearchRoundup = described(
  'A published roundup that shows a link found by a search.',
  object(
    {
      title: { type: 'string' },
      slug: { type: 'string' },
      date: { type: 'string', format: 'date', description: 'YYYY-MM-DD' },
    },
    ['title', 'slug', 'date']
  )
);

export const SearchHit = described(
  'One published link matching the search, with where it appeared and the text around the match.',
  object(
    {
      link: ref('Entry'),
      roundups: {
        type: 'array',
        description: 'The published roundups showing the link, newest first.',
        items: ref('SearchRoundup'),
      },
      snippet: {
        type: 'string',
        description:
          'Plain text around the first match (the commentary, else the list items after the link, the title or the author).',
      },
      snippetHtml: {
        type: 'string',
        description:
          'The same text HTML-escaped, each matched word in `<mark>`: safe to embed as HTML.',
      },
    },
    ['link', 'roundups', 'snippet', 'snippetHtml']
  )
);

export const SearchResults = envelope(
  { type: 'array', items: ref('SearchHit') },
  object({ pagination: ref('Pagination') }, ['pagination'])
);

export const Category = described(
  'A section of roundups; sections appear in ascending position.',
  object(
    {
      name: { type: 'string' },
      slug: { type: 'string' },
      description: nullableString,
      position: { type: 'integer' },
    },
    ['name', 'slug', 'description', 'position']
  )
);

export const CategoryList = envelope({ type: 'array', items: ref('Category') }, emptyObject);

export const JsonFeedItem = described(
  'One roundup in a JSON Feed.',
  object(
    {
      id: { type: 'string', description: "The roundup's permalink." },
      url: { type: 'string', format: 'uri' },
      title: { type: 'string' },
      content_html: { type: 'string', description: 'The HTML rendering.' },
      summary: { type: 'string', description: 'The excerpt, when the roundup has one.' },
      date_published: { type: 'string', format: 'date-time' },
      date_modified: { type: 'string', format: 'date-time' },
    },
    ['id', 'url', 'title', 'content_html', 'date_published', 'date_modified']
  )
);

export const JsonFeed = described(
  'JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/).',
  object(
    {
      version: { const: 'https://jsonfeed.org/version/1.1' },
      title: { type: 'string' },
      home_page_url: { type: 'string', format: 'uri' },
      feed_url: { type: 'string', format: 'uri' },
      description: {
        type: 'string',
        description: 'Present when the feed is configured with one.',
      },
      items: { type: 'array', items: ref('JsonFeedItem') },
    },
    ['version', 'title', 'home_page_url', 'feed_url', 'items']
  )
);

const errorFields = ['status', 'name', 'message', 'details'] as const;

export const StrapiError = object(
  {
    status: { type: 'integer', minimum: 400, maximum: 599 },
    name: { type: 'string', examples: ['NotFoundError', 'ForbiddenError'] },
    message: { type: 'string' },
    details: { type: 'object', additionalProperties: true },
  },
  errorFields
);

/** Strapi's error envelope around `error`. */
const errorEnvelope = <const E>(error: E) =>
  object({ data: { type: 'null' }, error }, ['data', 'error']);

export const ErrorResponse = described("Strapi's error envelope.", errorEnvelope(ref('Error')));

export const ValidationProblem = object(
  {
    path: {
      type: 'array',
      items: { type: 'string' },
      description: 'The parameter or field, e.g. ["pageSize"].',
    },
    message: { type: 'string' },
    name: { const: 'ValidationError' },
  },
  ['path', 'message', 'name']
);

export const ValidationErrorResponse = described(
  "Strapi's error envelope of a 400, naming every bad parameter in `details.errors`.",
  errorEnvelope(
    object(
      {
        status: { const: 400 },
        name: { const: 'ValidationError' },
        message: { type: 'string', examples: ['Unknown query parameter: status'] },
        details: object(
          { errors: { type: 'array', minItems: 1, items: ref('ValidationProblem') } },
          ['errors']
        ),
      },
      errorFields
    )
  )
);

export const CaptureRequest = {
  type: 'object',
  description: 'A link to put into the inbox; only `url` is required.',
  properties: {
    url: {
      type: 'string',
      maxLength: FIELD_LIMITS.entry.url,
      description: 'An absolute http(s) URL.',
    },
    title: { ...nullableString, maxLength: FIELD_LIMITS.entry.title },
    pageTitle: {
      ...nullableString,
      maxLength: 500,
      description: "The tab's title: kept only until unfurl reads the page's own.",
    },
    author: { ...nullableString, maxLength: FIELD_LIMITS.entry.author },
    commentary: {
      ...nullableString,
      maxLength: FIELD_LIMITS.entry.description,
      description: 'Markdown; appended to the existing link when it was captured before.',
    },
    category: {
      ...nullableString,
      description: "A section's documentId or slug; the first section when left out.",
    },
    source: {
      ...nullableString,
      maxLength: FIELD_LIMITS.entry.captureSource,
      examples: ['share-sheet'],
    },
  },
  required: ['url'],
  additionalProperties: false,
} as const;

/** An object of these properties, all required, or null. */
const refOrNull = <const P extends Record<string, unknown>>(properties: P) =>
  ({
    type: ['object', 'null'],
    properties,
    required: Object.keys(properties) as (keyof P & string)[],
    additionalProperties: false,
  }) as const;

export const CapturedLink = object(
  {
    documentId: { type: 'string' },
    title: { type: 'string' },
    url: { type: 'string' },
    author: nullableString,
    commentary: nullableString,
    category: refOrNull({ documentId: { type: 'string' }, name: { type: 'string' } }),
    roundup: refOrNull({ documentId: { type: 'string' }, title: { type: 'string' } }),
    capturedAt: { type: ['string', 'null'], format: 'date-time' },
    captureSource: nullableString,
    captures: { type: 'integer', minimum: 0 },
    unfurl: refOrNull({ state: { enum: ['pending', 'done', 'failed'] }, reason: nullableString }),
  },
  [
    'documentId',
    'title',
    'url',
    'author',
    'commentary',
    'category',
    'roundup',
    'capturedAt',
    'captureSource',
    'captures',
    'unfurl',
  ]
);

export const CaptureResponse = envelope(
  ref('CapturedLink'),
  object(
    {
      duplicate: {
        type: 'boolean',
        description: 'The link was captured (or put in a roundup) before.',
      },
    },
    ['duplicate']
  )
);

export const CaptureSectionList = envelope(
  {
    type: 'array',
    items: object(
      { documentId: { type: 'string' }, name: { type: 'string' }, slug: nullableString },
      ['documentId', 'name', 'slug']
    ),
  },
  emptyObject
);

export const ChangeItem = {
  type: 'object',
  description:
    'One roundup whose output changed: published (fetch it again) or removed (unpublished or deleted; its last slug and date).',
  properties: {
    documentId: { type: 'string', minLength: 1 },
    state: { enum: ['published', 'removed'] },
    slug: { type: 'string' },
    date: { type: 'string', format: 'date', description: 'YYYY-MM-DD' },
    version: {
      type: 'string',
      description:
        'Changes whenever what the roundup renders to may have changed; fetch with the ETag you kept to get 304 when it did not.',
    },
    updatedAt: { type: 'string', format: 'date-time', description: 'When the change was made.' },
  },
  required: ['documentId', 'state', 'slug', 'date', 'version', 'updatedAt'],
  additionalProperties: false,
} as const;

export const ChangesPage = {
  type: 'object',
  properties: {
    data: { type: 'array', items: ref('ChangeItem') },
    meta: {
      type: 'object',
      properties: {
        nextCursor: {
          type: 'string',
          description: 'Pass as `since` for the next page, or keep it for the next pull.',
        },
        hasMore: { type: 'boolean', description: 'Whether another page follows at once.' },
      },
      required: ['nextCursor', 'hasMore'],
      additionalProperties: false,
    },
  },
  required: ['data', 'meta'],
  additionalProperties: false,
} as const;

/** The components of the document, by name. */
export const schemas = {
  SectionCategory,
  Entry,
  Section,
  RoundupSummary,
  Roundup,
  Pagination,
  RoundupList,
  RoundupResponse,
  SearchRoundup,
  SearchHit,
  SearchResults,
  Category,
  CategoryList,
  JsonFeedItem,
  JsonFeed,
  Error: StrapiError,
  ErrorResponse,
  ValidationProblem,
  ValidationErrorResponse,
  CaptureRequest,
  CapturedLink,
  CaptureResponse,
  CaptureSectionList,
  ChangeItem,
  ChangesPage,
} as const;

export type SchemaName = keyof typeof schemas;
