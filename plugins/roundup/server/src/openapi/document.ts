/**
 * The OpenAPI 3.1 document of the public content-API routes (/api/roundup/...),
 * as plain data. GET /api/roundup/openapi.json serves it with the app's REST
 * prefix and page sizes; the package ships it with the defaults as openapi.json.
 */
import { CHANGES_PAGE } from '../core/limits';
import {
  errorResponse,
  headerRef,
  jsonContent,
  jsonResponse,
  otherAnswers,
  pageParameters,
  parameterRef,
  schemaRef,
  validators,
} from './responses';
import { components } from './components';
import { searchPath } from './search-path';

/** The version of this contract; follows the package version. */
export const CONTRACT_VERSION = '0.1.0';

export interface OpenApiOptions {
  /** Where the routes live: Strapi's REST prefix (`/api` by default) and `/roundup`. */
  basePath: string;
  defaultPageSize: number;
  maxPageSize: number;
}

export const DEFAULT_OPENAPI_OPTIONS: OpenApiOptions = {
  basePath: '/api/roundup',
  defaultPageSize: 10,
  maxPageSize: 100,
};

export const buildOpenApiDocument = (options: Partial<OpenApiOptions> = {}) => {
  const { basePath, defaultPageSize, maxPageSize } = { ...DEFAULT_OPENAPI_OPTIONS, ...options };
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    info: {
      title: 'Roundup content API',
      version: CONTRACT_VERSION,
      summary: 'Published link roundups: JSON, rendered Markdown or HTML, and feeds.',
      description:
        'Read-only routes of the roundup Strapi plugin. Only published roundups are returned. Every route is ' +
        'permission-checked by Users & Permissions: grant the role the action named in `x-strapi-action`. ' +
        'Query parameters other than those documented are refused with a 400 naming them.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: basePath }],
    security: [{}, { bearer: [] }],
    paths: {
      '/roundups': {
        get: {
          operationId: 'listRoundups',
          summary: 'Published roundups, newest first',
          'x-strapi-action': 'plugin::roundup.roundup.find',
          parameters: [...pageParameters('Roundups', { defaultPageSize, maxPageSize })],
          responses: {
            '200': jsonResponse('One page of published roundups.', 'RoundupList'),
            ...otherAnswers({}),
          },
        },
      },
      '/roundups/{slug}': {
        get: {
          operationId: 'getRoundup',
          summary: 'One published roundup with its sections and links in order',
          'x-strapi-action': 'plugin::roundup.roundup.findOne',
          parameters: [parameterRef('slug'), parameterRef('If-None-Match')],
          responses: {
            '200': jsonResponse('The published roundup.', 'RoundupResponse', validators),
            ...otherAnswers({ notModified: true, notFound: true }),
          },
        },
      },
      '/roundups/{slug}/rendered': {
        get: {
          operationId: 'getRenderedRoundup',
          summary:
            "One published roundup as Markdown with front matter, an HTML fragment, Hugo's Markdown, an email document or plain text",
          description:
            '`format` chooses; without it the `Accept` header decides (`text/markdown`, `text/html`, by quality), ' +
            "and Markdown otherwise. `hugo` is a Hugo content file: Hugo's front matter, no Liquid, shortcodes made inert. " +
            '`email` is a whole HTML document for mail clients (styles inline, absolute URLs, ' +
            'under 102 KB for a typical roundup); `text` is its plain-text part, links numbered and listed at the end. ' +
            'The same content always gives the same bytes.',
          'x-strapi-action': 'plugin::roundup.roundup.rendered',
          parameters: [
            parameterRef('slug'),
            {
              name: 'format',
              in: 'query',
              description: 'The rendering; wins over the Accept header.',
              schema: { type: 'string', enum: ['markdown', 'html', 'hugo', 'email', 'text'] },
            },
            parameterRef('If-None-Match'),
          ],
          responses: {
            '200': {
              description: 'The rendered roundup.',
              headers: { ...validators, Vary: headerRef('Vary') },
              content: {
                'text/markdown': { schema: { type: 'string' } },
                'text/html': { schema: { type: 'string' } },
                'text/plain': { schema: { type: 'string' } },
              },
            },
            ...otherAnswers({ notModified: true, notFound: true }),
          },
        },
      },
      '/search': searchPath({ defaultPageSize, maxPageSize }),
      '/feed': {
        get: {
          operationId: 'getFeed',
          summary: 'A feed of the latest published roundups',
          description: 'Links are built from the configured site URL and permalink pattern.',
          'x-strapi-action': 'plugin::roundup.feed.find',
          parameters: [
            {
              name: 'format',
              in: 'query',
              description: 'RSS 2.0, Atom 1.0 or JSON Feed 1.1.',
              schema: { type: 'string', enum: ['rss', 'atom', 'json'], default: 'rss' },
            },
            parameterRef('If-None-Match'),
          ],
          responses: {
            '200': {
              description: 'The feed, in the format asked for.',
              headers: validators,
              content: {
                'application/rss+xml': { schema: { type: 'string' } },
                'application/atom+xml': { schema: { type: 'string' } },
                'application/feed+json': { schema: schemaRef('JsonFeed') },
              },
            },
            ...otherAnswers({ notModified: true }),
          },
        },
      },
      '/changes': {
        get: {
          operationId: 'listChanges',
          summary:
            'Roundups whose public output changed since a cursor, and tombstones of removed ones',
          description:
            'Without `since`: every published roundup, the snapshot a first pull starts from. With it: each roundup ' +
            'published, republished or whose links or sections changed after the cursor, and each one unpublished or ' +
            'deleted, once, as it is now, in the order the changes were committed. Keep the last `nextCursor`: the next ' +
            'pull starts there, on any instance, after any restart.',
          'x-strapi-action': 'plugin::roundup.changes.find',
          parameters: [
            {
              name: 'since',
              in: 'query',
              description: 'An opaque `nextCursor` from an earlier answer.',
              schema: { type: 'string' },
            },
            {
              name: 'limit',
              in: 'query',
              description: 'Items per page.',
              schema: {
                type: 'integer',
                minimum: 1,
                maximum: CHANGES_PAGE.maxLimit,
                default: CHANGES_PAGE.defaultLimit,
              },
            },
          ],
          responses: {
            '200': jsonResponse('One page of changes.', 'ChangesPage'),
            ...otherAnswers({}),
          },
        },
      },
      '/categories': {
        get: {
          operationId: 'listCategories',
          summary: 'The sections, in order of position',
          'x-strapi-action': 'plugin::roundup.category.find',
          responses: {
            '200': jsonResponse('Every section.', 'CategoryList'),
            ...otherAnswers({}),
          },
        },
      },
      '/inbox': {
        post: {
          operationId: 'captureLink',
          summary: 'Capture a link into the inbox (bookmarklet, share sheet, curl)',
          description:
            'Allowed by a capture token (an API token with only this action) or a role given it. A URL already captured ' +
            'or in a roundup (same canonical URL) answers 200 with that link, the new commentary appended. Unfurl follows ' +
            'in the background. 413 over capture.maxBytes; 429 with Retry-After for a burst from one token.',
          'x-strapi-action': 'plugin::roundup.inbox.capture',
          requestBody: {
            required: true,
            content: jsonContent('CaptureRequest'),
          },
          responses: {
            '200': jsonResponse('The link already captured.', 'CaptureResponse'),
            '201': jsonResponse('The new link.', 'CaptureResponse'),
            ...otherAnswers({}),
            '413': errorResponse('The body is over capture.maxBytes.'),
            '429': errorResponse(
              'Too many captures from this token; retry after the given seconds.',
              { 'Retry-After': { schema: { type: 'integer' } } }
            ),
          },
        },
      },
      '/inbox/sections': {
        get: {
          operationId: 'listCaptureSections',
          summary: "The sections a capture may go to (the capture window's picker)",
          'x-strapi-action': 'plugin::roundup.inbox.sections',
          description: 'Allowed by the capture action (`plugin::roundup.inbox.capture`).',
          responses: {
            '200': jsonResponse('The sections in order.', 'CaptureSectionList'),
            ...otherAnswers({ badRequest: false }),
          },
        },
      },
      '/capture': {
        get: {
          operationId: 'getCaptureWindow',
          summary: "The bookmarklet's capture window: a static HTML page with no data",
          'x-strapi-action': 'plugin::roundup.inbox.form',
          description:
            'Served without authentication; the token the bookmarklet puts in the fragment authorises its requests.',
          responses: {
            '200': {
              description: 'The page.',
              content: { 'text/html': { schema: { type: 'string' } } },
            },
          },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'getOpenApiDocument',
          summary: 'This document',
          'x-strapi-action': 'plugin::roundup.openapi.find',
          parameters: [parameterRef('If-None-Match')],
          responses: {
            '200': {
              description: 'The OpenAPI 3.1 document of these routes.',
              headers: validators,
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    description:
                      'An OpenAPI 3.1 document (https://spec.openapis.org/oas/3.1/schema).',
                    properties: {
                      openapi: { const: '3.1.0' },
                      info: { type: 'object' },
                      paths: { type: 'object' },
                      components: { type: 'object' },
                    },
                    required: ['openapi', 'info', 'paths', 'components'],
                  },
                },
              },
            },
            ...otherAnswers({ notModified: true }),
          },
        },
      },
    },
    components,
  };
};

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

/** The document with the default options: what the package ships as openapi.json. */
export const openApiDocument: OpenApiDocument = buildOpenApiDocument();
