import type { Core } from '@strapi/strapi';
import { pageWindow, paginate, type Pagination } from '../core/pagination';

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

/** One page of the rows of `uid` that match `where`, in `orderBy` order, and the pagination of all of them. */
export const findPage = async <Row>(
  strapi: Core.Strapi,
  uid: string,
  { where, orderBy }: { where: Record<string, unknown>; orderBy: Record<string, 'asc' | 'desc'>[] },
  { page, pageSize }: { page: number; pageSize: number }
): Promise<{ rows: Row[]; pagination: Pagination }> => {
  const query = strapi.db.query(uid);
  const [rows, total] = await Promise.all([
    query.findMany({ where, orderBy, ...pageWindow(page, pageSize) }) as Promise<Row[]>,
    query.count({ where }),
  ]);
  return { rows, pagination: paginate(page, pageSize, total) };
};
