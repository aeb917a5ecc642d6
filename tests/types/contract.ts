/**
 * Compile-time agreement of the three descriptions of the public answers: the
 * OpenAPI document's schemas, the client types frontends import, and the types
 * the server builds its answers with. `npm run typecheck` fails when one of
 * them gains, loses or changes a field the others do not.
 */
import type { FromSchema } from 'json-schema-to-ts';
import type * as Client from '../../plugins/roundup/client';
import type { ChangesPage } from '../../plugins/roundup/server/src/core/changes';
import type { schemas } from '../../plugins/roundup/server/src/openapi/schemas';
import type {
  PublishedService,
  PublicRoundup,
  PublicRoundupSummary,
} from '../../plugins/roundup/server/src/services/client/published';
import type { SearchHit } from '../../plugins/roundup/server/src/services/search/search';

type Schemas = typeof schemas;
/**
 * A component schema with its `#/components/schemas/...` references replaced by what they name;
 * a reference back to a schema being resolved (a section's `children`) becomes `{}` (unknown).
 */
type Resolved<Schema, Seen extends string = never> = Schema extends {
  readonly $ref: `#/components/schemas/${infer Name extends keyof Schemas}`;
}
  ? Name extends Seen
    ? Record<never, never>
    : Resolved<Schemas[Name], Seen | Name>
  : Schema extends object
    ? { readonly [Key in keyof Schema]: Resolved<Schema[Key], Seen> }
    : Schema;
type FromComponent<Name extends keyof Schemas> = FromSchema<Resolved<Schemas[Name], Name>>;

/** A client type with each section's `children` one level down as the resolved schemas see them. */
type OneLevel<Section> = Omit<Section, 'children'> & { children: unknown[] };
type ClientRoundup = Omit<Client.Roundup, 'sections'> & { sections: OneLevel<Client.Section>[] };

/** true only when each type is assignable to the other. */
type Agree<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree = <A, B>(verdict: Agree<A, B>) => verdict;

// The document's schemas and the client types.
agree<FromComponent<'SectionCategory'>, Client.SectionCategory>(true);
agree<FromComponent<'Entry'>, Client.Entry>(true);
agree<FromComponent<'Section'>, OneLevel<Client.Section>>(true);
// …whose `children` are sections again, in the document as in the client.
agree<
  Schemas['Section']['properties']['children']['items'],
  { $ref: '#/components/schemas/Section' }
>(true);
agree<Client.Section['children'], Client.Section[]>(true);
agree<FromComponent<'RoundupSummary'>, Client.RoundupSummary>(true);
agree<FromComponent<'Roundup'>, ClientRoundup>(true);
agree<FromComponent<'Pagination'>, Client.Pagination>(true);
agree<FromComponent<'RoundupList'>, Client.RoundupList>(true);
agree<
  FromComponent<'RoundupResponse'>,
  Omit<Client.RoundupResponse, 'data'> & { data: ClientRoundup }
>(true);
agree<FromComponent<'SearchRoundup'>, Client.SearchRoundup>(true);
agree<FromComponent<'SearchHit'>, Client.SearchHit>(true);
agree<FromComponent<'SearchResults'>, Client.SearchResults>(true);
agree<FromComponent<'Category'>, Client.Category>(true);
agree<FromComponent<'CategoryList'>, Client.CategoryList>(true);
agree<FromComponent<'JsonFeedItem'>, Client.JsonFeedItem>(true);
agree<FromComponent<'JsonFeed'>, Client.JsonFeed>(true);
agree<FromComponent<'ChangeItem'>, Client.ChangeItem>(true);
agree<FromComponent<'ChangesPage'>, Client.ChangesPage>(true);
agree<FromComponent<'ErrorResponse'>, Client.ErrorResponse>(true);
agree<FromComponent<'ValidationProblem'>, Client.ValidationProblem>(true);
agree<FromComponent<'ValidationErrorResponse'>, Client.ValidationErrorResponse>(true);

// What the server builds and the client types.
agree<PublicRoundup, Client.Roundup>(true);
agree<PublicRoundupSummary, Client.RoundupSummary>(true);
agree<ChangesPage, Client.ChangesPage>(true);
agree<SearchHit, Client.SearchHit>(true);
agree<Awaited<ReturnType<PublishedService['categories']>>, Client.Category[]>(true);
agree<Awaited<ReturnType<PublishedService['list']>>['pagination'], Client.Pagination>(true);

// The checks can fail: a type that lacks a field does not agree.
agree<Omit<Client.Roundup, 'sections'>, Client.Roundup>(false);
agree<FromComponent<'Entry'>, Omit<Client.Entry, 'author'>>(false);
