/** The components the document's routes refer to: schemas, parameters, headers, answers, security. */
import { errorResponse, jsonResponse, validators } from './responses';
import { schemas } from './schemas';

export const components = {
  schemas,
  parameters: {
    slug: {
      name: 'slug',
      in: 'path',
      required: true,
      description: "The roundup's slug.",
      schema: { type: 'string' },
    },
    'If-None-Match': {
      name: 'If-None-Match',
      in: 'header',
      description:
        'An ETag of an earlier answer; when it is current the answer is 304 with no body.',
      schema: { type: 'string' },
    },
  },
  headers: {
    ETag: { description: 'A strong entity tag of the body.', schema: { type: 'string' } },
    'Last-Modified': {
      description:
        'The latest change to what the body shows (the roundups, their links or sections).',
      schema: { type: 'string' },
    },
    'Cache-Control': {
      description: 'The configured `cacheControl`.',
      schema: { type: 'string' },
    },
    Vary: {
      description: 'Names `Accept`: the answer depends on it.',
      schema: { type: 'string' },
    },
  },
  responses: {
    NotModified: {
      description: 'If-None-Match named the current ETag; no body.',
      headers: validators,
    },
    BadRequest: jsonResponse(
      'A query parameter is unknown or out of range; `details.errors` names each.',
      'ValidationErrorResponse'
    ),
    Unauthorized: errorResponse('The Authorization header holds a token that is not valid.'),
    Forbidden: errorResponse(
      "The request's role (Public without a token) lacks the route's permission."
    ),
    NotFound: errorResponse('No published roundup has this slug.'),
  },
  securitySchemes: {
    bearer: {
      type: 'http',
      scheme: 'bearer',
      description:
        'An API token or a Users & Permissions JWT; without one the request has the Public role.',
    },
  },
};
