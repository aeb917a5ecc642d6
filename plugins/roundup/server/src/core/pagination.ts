/** A page of a list as every list route answers it (`meta.pagination`). */
import type { Pagination } from '../../../shared/contracts/pagination';

export type { Pagination };

/** The pagination of page `page` of `pageSize` items when there are `total` in all. */
export const paginate = (page: number, pageSize: number, total: number): Pagination => ({
  page,
  pageSize,
  pageCount: Math.ceil(total / pageSize),
  total,
});

/** The rows page `page` of `pageSize` covers, as a query's offset and limit. */
export const pageWindow = (page: number, pageSize: number) => ({
  offset: (page - 1) * pageSize,
  limit: pageSize,
});

/**
 * How many rows there are when page `page` found `found` of them without a
 * count: a first page that is not full holds them all. Null when only a count
 * can tell.
 */
export const totalFromFirstPage = (page: number, pageSize: number, found: number): number | null =>
  page === 1 && found < pageSize ? found : null;
