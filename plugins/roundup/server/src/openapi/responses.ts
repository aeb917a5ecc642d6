/**
 * The pieces every route of the OpenAPI document repeats: references to
 * components, a JSON body, and the error answers in Strapi's envelope.
 */
import type { SchemaName } from './schemas';

export const schemaRef = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });

type ResponseName = 'BadRequest' | 'Unauthorized' | 'Forbidden' | 'NotFound' | 'NotModified';
export const responseRef = (name: ResponseName) => ({ $ref: `#/components/responses/${name}` });

type HeaderName = 'ETag' | 'Last-Modified' | 'Cache-Control' | 'Vary';
export const headerRef = (name: HeaderName) => ({ $ref: `#/components/headers/${name}` });

export const parameterRef = (name: 'slug' | 'If-None-Match') => ({
  $ref: `#/components/parameters/${name}`,
});

/** A JSON body of the schema `name`. */
export const jsonContent = (name: SchemaName) => ({
  'application/json': { schema: schemaRef(name) },
});

/** An answer with a JSON body: `description`, optional headers, the schema `name`. */
export const jsonResponse = (
  description: string,
  name: SchemaName,
  headers?: Record<string, unknown>
) => ({ description, ...(headers && { headers }), content: jsonContent(name) });

/** An error answer in Strapi's envelope (`{ data: null, error }`). */
export const errorResponse = (description: string, headers?: Record<string, unknown>) =>
  jsonResponse(description, 'ErrorResponse', headers);

/** The validators of a cacheable answer: ETag, Last-Modified and Cache-Control. */
export const validators = {
  ETag: headerRef('ETag'),
  'Last-Modified': headerRef('Last-Modified'),
  'Cache-Control': headerRef('Cache-Control'),
};

/**
 * The answers a route gives besides its success: 401 and 403 when the
 * request's role may not call it, always; 304 for a cacheable route, 400 for
 * one that checks its query, 404 for one that reads a roundup by slug.
 */
export const otherAnswers = ({
  notModified = false,
  badRequest = true,
  notFound = false,
}: {
  notModified?: boolean;
  badRequest?: boolean;
  notFound?: boolean;
}) => ({
  ...(notModified && { '304': responseRef('NotModified') }),
  ...(badRequest && { '400': responseRef('BadRequest') }),
  '401': responseRef('Unauthorized'),
  '403': responseRef('Forbidden'),
  ...(notFound && { '404': responseRef('NotFound') }),
});

/** The `page` and `pageSize` query parameters of a paged route; `items` names what a page holds. */
export const pageParameters = (
  items: string,
  { defaultPageSize, maxPageSize }: { defaultPageSize: number; maxPageSize: number }
) => [
  {
    name: 'page',
    in: 'query',
    description: 'Page number, from 1.',
    schema: { type: 'integer', minimum: 1, default: 1 },
  },
  {
    name: 'pageSize',
    in: 'query',
    description: `${items} per page.`,
    schema: { type: 'integer', minimum: 1, maximum: maxPageSize, default: defaultPageSize },
  },
];
