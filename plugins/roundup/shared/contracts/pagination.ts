/** Where a page of a list stands, as every paged admin route answers it. */
export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}
