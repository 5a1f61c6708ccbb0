import {
  firstPage,
  initialLoadState,
  loadFailed,
  loadStarted,
  loadSucceeded,
  remainingOf,
  withNextPage,
} from './load-state';

describe('what a loading page shows', () => {
  it('keeps the last value while it loads again, and drops the last problem', () => {
    expect(initialLoadState()).toEqual({ loading: true });
    const loaded = loadSucceeded(['Mazda']);
    expect(loaded).toEqual({ value: ['Mazda'], loading: false });
    const failed = loadFailed(loadStarted(loaded), 'Your vehicles could not be loaded.');
    expect(failed).toEqual({ value: ['Mazda'], loading: false, problem: 'Your vehicles could not be loaded.' });
    expect(loadStarted(failed)).toEqual({ value: ['Mazda'], loading: true, problem: undefined });
    expect(loadSucceeded(['Honda'])).toEqual({ value: ['Honda'], loading: false });
  });
});

describe('a paged list', () => {
  const page = (ids: string[], pageNumber: number, total: number) => ({
    items: ids.map((id) => ({ id })),
    total,
    page: pageNumber,
    pageSize: 2,
  });

  it('adds the next page without what is already shown, and counts what is left', () => {
    const first = firstPage(page(['a', 'b'], 1, 5));
    expect(first).toEqual({ items: [{ id: 'a' }, { id: 'b' }], total: 5, pages: 1 });
    expect(remainingOf(first)).toBe(3);
    // "b" moved onto page 2 because something before it was added meanwhile.
    const second = withNextPage(first, page(['b', 'c'], 2, 6));
    expect(second).toEqual({ items: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], total: 6, pages: 2 });
    expect(remainingOf(second)).toBe(3);
    expect(remainingOf(undefined)).toBe(0);
  });
});
