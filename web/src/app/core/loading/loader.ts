import { DestroyRef, Injector, Signal, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Observable } from 'rxjs';
import { describeError } from '../problem';
import { LoadState, initialLoadState, loadFailed, loadStarted, loadSucceeded } from './load-state';

/** Data a page loads, as signals for its template: progress bar, problem with "Try again", the value. */
export interface Loader<T> {
  /** The last value loaded; kept while the next load runs. */
  readonly value: Signal<T | undefined>;
  readonly loading: Signal<boolean>;
  /** Why the last load failed, as one sentence. */
  readonly problem: Signal<string | undefined>;
  /** Loads again with the same parameters ("Try again"). */
  retry(): void;
  /** Changes the value in place (a card deleted, a token created); nothing before the first value. */
  update(change: (value: T) => T): void;
  /** Loads more into the value (the next page): loading meanwhile; a failure leaves the value as it was. */
  extend<More>(more: Observable<More>, merge: (value: T, more: More) => T): void;
}

export interface LoaderOptions<P, T> {
  /** What the request depends on; it runs again whenever this changes. `undefined`: wait (still loading). */
  params?: () => P | undefined;
  request: (params: P) => Observable<T>;
  /** Said when the API gives no reason: "Your vehicles could not be loaded." */
  failure: string;
  injector?: Injector;
}

/**
 * The one way a page loads data. `rxResource` would do this, but in Angular 21 it is still
 * experimental; this is the part of it the pages use, on `LoadState`'s rules. A new request
 * replaces one still running.
 */
export function loader<T, P = true>(options: LoaderOptions<P, T>): Loader<T> {
  const injector = options.injector ?? inject(Injector);
  const destroyRef = injector.get(DestroyRef);
  const params = options.params ?? (() => true as P);
  const state = signal<LoadState<T>>(initialLoadState());
  const attempts = signal(0);
  /** Goes up with every load, so a page that arrives after it is dropped. */
  let generation = 0;

  effect(
    (onCleanup) => {
      attempts();
      const current = params();
      if (current === undefined) return;
      untracked(() => {
        generation += 1;
        state.update(loadStarted);
        const subscription = options.request(current).subscribe({
          next: (value) => state.set(loadSucceeded(value)),
          error: (error: unknown) => state.update((now) => loadFailed(now, describeError(error, options.failure))),
        });
        onCleanup(() => subscription.unsubscribe());
      });
    },
    { injector },
  );

  return {
    value: computed(() => state().value),
    loading: computed(() => state().loading),
    problem: computed(() => state().problem),
    retry: () => attempts.update((count) => count + 1),
    update: (change) => state.update((now) => (now.value === undefined ? now : { ...now, value: change(now.value) })),
    extend: (more, merge) => {
      if (state().loading || state().value === undefined) return;
      const startedIn = generation;
      const settle = (change: (now: LoadState<T>) => LoadState<T>) => {
        if (generation === startedIn) state.update(change);
      };
      state.update((now) => ({ ...now, loading: true }));
      more.pipe(takeUntilDestroyed(destroyRef)).subscribe({
        next: (loaded) => settle((now) => ({ ...now, loading: false, value: merge(now.value as T, loaded) })),
        error: () => settle((now) => ({ ...now, loading: false })),
      });
    },
  };
}
