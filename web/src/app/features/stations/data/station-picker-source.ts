import { HttpErrorResponse } from '@angular/common/http';
import { Signal, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import {
  Observable,
  catchError,
  combineLatest,
  debounceTime,
  distinctUntilChanged,
  filter,
  map,
  of,
  startWith,
  switchMap,
} from 'rxjs';
import type { SearchedStation, Station } from './station';
import { PickerPosition, browserPosition } from './station-picker-position';
import { StationsApi } from './stations-api';

/** Saved stations listed at once: the nearest or the favorites are what the pump needs. */
const savedPageSize = 8;
/** Typing pauses this long before the list follows; the provider's search waits longer. */
const savedDebounceMs = 200;
const searchDebounceMs = 450;
/** The API's shortest place to search for. */
const shortestQuery = 2;

export type SavedStations = { status: 'loading' } | { status: 'done'; items: Station[] } | { status: 'failed' };

export type StationSearchState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'done'; items: SearchedStation[] }
  /** The provider is down, slow or refusing (the API's 503): saved stations still work. */
  | { status: 'unavailable' }
  | { status: 'failed' };

interface Question {
  text: string;
  position: PickerPosition | undefined;
}

/**
 * What the station picker lists, fetched only once the user opens it: the saved stations matching
 * the typed text (nearest first once the browser gives a position), and the provider's results for
 * the text, or around the user when nothing is typed. Create it in an injection context.
 */
export class StationPickerSource {
  private readonly api = inject(StationsApi);
  private readonly opened = signal(false);
  readonly position = signal<PickerPosition | undefined>(undefined);

  readonly saved: Signal<SavedStations>;
  readonly search: Signal<StationSearchState>;

  constructor(text: Signal<string>) {
    const questions = (debounceMs: number): Observable<Question> =>
      combineLatest([toObservable(this.opened), toObservable(text), toObservable(this.position)]).pipe(
        filter(([opened]) => opened),
        debounceTime(debounceMs),
        map(([, typed, position]) => ({ text: typed, position })),
        distinctUntilChanged((a, b) => a.text === b.text && a.position === b.position),
      );

    this.saved = toSignal(questions(savedDebounceMs).pipe(switchMap((question) => this.listSaved(question))), {
      initialValue: { status: 'loading' },
    });
    this.search = toSignal(questions(searchDebounceMs).pipe(switchMap((question) => this.searchProvider(question))), {
      initialValue: { status: 'idle' },
    });
  }

  readonly near = computed(() => !!this.position());

  /** The user opened the picker: list, and ask the browser where we are (once). */
  open(): void {
    if (this.opened()) return;
    this.opened.set(true);
    void browserPosition().then((position) => this.position.set(position));
  }

  private listSaved({ text, position }: Question): Observable<SavedStations> {
    return this.api
      .list({ q: text || undefined, lat: position?.lat, lng: position?.lng, pageSize: savedPageSize })
      .pipe(
        map((page): SavedStations => ({ status: 'done', items: page.items })),
        catchError(() => of<SavedStations>({ status: 'failed' })),
      );
  }

  private searchProvider({ text, position }: Question): Observable<StationSearchState> {
    const searchable = text.length >= shortestQuery || (!text && position);
    if (!searchable) return of<StationSearchState>({ status: 'idle' });
    return this.api.search({ query: text || undefined, lat: position?.lat, lng: position?.lng }).pipe(
      map((found): StationSearchState => ({ status: 'done', items: found.items })),
      catchError((error: unknown) =>
        of<StationSearchState>({
          status: error instanceof HttpErrorResponse && error.status === 503 ? 'unavailable' : 'failed',
        }),
      ),
      startWith<StationSearchState>({ status: 'loading' }),
    );
  }
}
