import {
  pageWindow,
  paginate,
  totalFromFirstPage,
} from '../../plugins/roundup/server/src/core/pagination';

describe('paginate: the pagination every list answers', () => {
  it.each([
    [1, 25, 0, { page: 1, pageSize: 25, pageCount: 0, total: 0 }],
    [1, 25, 25, { page: 1, pageSize: 25, pageCount: 1, total: 25 }],
    [2, 25, 26, { page: 2, pageSize: 25, pageCount: 2, total: 26 }],
    [9, 10, 31, { page: 9, pageSize: 10, pageCount: 4, total: 31 }],
  ])('page %i of %i with %i in all', (page, pageSize, total, pagination) => {
    expect(paginate(page, pageSize, total)).toEqual(pagination);
  });
});

describe('pageWindow: the rows a page covers', () => {
  it.each([
    [1, 25, { offset: 0, limit: 25 }],
    [3, 10, { offset: 20, limit: 10 }],
  ])('page %i of %i', (page, pageSize, window) => {
    expect(pageWindow(page, pageSize)).toEqual(window);
  });
});

describe('totalFromFirstPage: a count only where a page cannot tell', () => {
  it.each([
    ['a first page that is not full holds them all', 1, 25, 7, 7],
    ['an empty first page', 1, 25, 0, 0],
    ['a full first page may have more after it', 1, 25, 25, null],
    ['a later page does not know what came before', 2, 25, 3, null],
  ])('%s', (_, page, pageSize, found, total) => {
    expect(totalFromFirstPage(page, pageSize, found)).toBe(total);
  });
});
