/** The OpenAPI entry of GET /search: the words, the page, and an answer never cached. */
import { SEARCH_MAX_TERMS, SEARCH_QUERY_LENGTH } from '../core/limits';
import { jsonResponse, otherAnswers, pageParameters } from './responses';

export const searchPath = ({
  defaultPageSize,
  maxPageSize,
}: {
  defaultPageSize: number;
  maxPageSize: number;
}) => ({
  get: {
    operationId: 'searchLinks',
    summary: 'Published links matching some words, most relevant first',
    description:
      "Searches the links of published roundups: title, author, commentary and the URL's host. " +
      'A link appears while a published roundup shows it. `q` is read as plain words (letters and digits; ' +
      'every other character separates words, so no search syntax applies): every word must match, ' +
      `English words match their other forms, common words (the, of…) are left out and only the first ${SEARCH_MAX_TERMS} words count. ` +
      'Hits are ranked by relevance (a match in the title counts most), then by the date of their roundup.',
    'x-strapi-action': 'plugin::roundup.search.find',
    parameters: [
      {
        name: 'q',
        in: 'query',
        required: true,
        description: `The words to search for; 1 to ${SEARCH_QUERY_LENGTH} characters (spaces around trimmed).`,
        schema: { type: 'string', minLength: 1, maxLength: SEARCH_QUERY_LENGTH },
      },
      ...pageParameters('Links', { defaultPageSize, maxPageSize }),
    ],
    responses: {
      '200': jsonResponse('One page of matching links.', 'SearchResults', {
        'Cache-Control': {
          description: '`no-store`: a search reads the live roundups.',
          schema: { const: 'no-store' },
        },
      }),
      ...otherAnswers({}),
    },
  },
});
