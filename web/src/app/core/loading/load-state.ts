import type { Page } from '../api/all-pages';

/**
 * What a page shows of data it loads: the last value (kept on screen while it loads again, so a
 * filter change or a reload after a delete does not blank the page), whether a request runs, and
 * why the last one failed. Pure, so the rules are tested without Angular.
 */
export interface LoadState<T> {
  value?: T;
  loading: boolean;
  problem?: string;
}

/** Before the first answer: loading, nothing to show yet. */
export function initialLoadState<T>(): LoadState<T> {
  return { loading: true };
}

/** A load (or a retry) begins: the old value stays, the old problem goes. */
export function loadStarted<T>(state: LoadState<T>): LoadState<T> {
  return { ...state, loading: true, problem: undefined };
}

export function loadSucceeded<T>(value: T): LoadState<T> {
  return { value, loading: false };
}

/** The value stays (the page shows the problem instead, with "Try again"). */
export function loadFailed<T>(state: LoadState<T>, problem: string): LoadState<T> {
  return { ...state, loading: false, problem };
}

/** The items of a paged list loaded so far: `pages` pages of the API's `total`. */
export interface PagedItems<T> {
  items: T[];
  total: number;
  pages: number;
}

export function firstPage<T>(page: Page<T>): PagedItems<T> {
  return { items: page.items, total: page.total, pages: 1 };
}

/** "Show more": the next page after what is shown, without what is already there (a list can shift between pages). */
export function withNextPage<T extends { id: string }>(list: PagedItems<T>, page: Page<T>): PagedItems<T> {
  const shown = new Set(list.items.map((item) => item.id));
  const added = page.items.filter((item) => !shown.has(item.id));
  return { items: [...list.items, ...added], total: page.total, pages: page.page };
}

/** How many of the list's items are not shown yet. */
export function remainingOf(list: PagedItems<unknown> | undefined): number {
  return list ? list.total - list.items.length : 0;
}
