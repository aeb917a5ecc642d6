import type { Core } from '@strapi/strapi';

/** The app's knex instance (or a transaction on it), as Strapi's database hands it out. */
export type Knex = Core.Strapi['db']['connection'];

/** The table behind a relation, and the columns that join it to both sides. */
export interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
}

/** The join table behind the relation `attribute` of the content type `uid`. */
export const joinTableOf = (strapi: Core.Strapi, uid: string, attribute: string): JoinTable => {
  const relation = strapi.db.metadata.get(uid).attributes[attribute];
  if (!relation || !('joinTable' in relation) || !relation.joinTable) {
    throw new Error(`roundup: ${uid}.${attribute} is not a relation with a join table`);
  }
  return relation.joinTable as JoinTable;
};

/** The column of the attribute `attribute` of the content type `uid`. */
export const columnOf = (strapi: Core.Strapi, uid: string, attribute: string): string =>
  (strapi.db.metadata.get(uid).attributes[attribute] as { columnName?: string }).columnName ??
  attribute;

type Subscriber = Parameters<Core.Strapi['db']['lifecycles']['subscribe']>[0];
/** What a database lifecycle hook is called with: the model, the query's params, its result. */
export type LifecycleEvent = Parameters<Extract<Subscriber, (...args: never[]) => unknown>>[0];
