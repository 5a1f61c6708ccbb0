import { EMPTY, Observable, expand, reduce } from 'rxjs';

/** A list endpoint's answer: `{ items, total, page, pageSize }`. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The API's largest page. */
export const maxPageSize = 100;

/**
 * Every item of a paged list, however many pages that takes (pickers, summaries and settings lists
 * must never drop the 101st): asks for page 1, then the next while there are more.
 */
export function allPages<T>(fetchPage: (page: number, pageSize: number) => Observable<Page<T>>): Observable<T[]> {
  return fetchPage(1, maxPageSize).pipe(
    expand((page) => (page.page * page.pageSize < page.total ? fetchPage(page.page + 1, maxPageSize) : EMPTY)),
    reduce((all: T[], page) => all.concat(page.items), []),
  );
}
