import { DOCUMENT } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Observable, catchError, map, of, throwError } from 'rxjs';
import { allPages } from '../../../core/api/all-pages';
import { loader } from '../../../core/loading/loader';
import { Here, locate, locationProblem } from './here';
import { Station, StationSearchQuery } from './station';
import { StationDeletion } from './station-deletion';
import { StationFavorites } from './station-favorites';
import { StationRow, rowOfResult, rowOfStation, withStation } from './station-rows';
import { searchUnavailableText } from './station-search-problem';
import { StationsApi } from './stations-api';

export type StationKind = NonNullable<StationSearchQuery['fuel']>;
export type StationsList = 'found' | 'saved';

/** What a search found, or why the provider could not say (`unavailable`, a 503). */
export interface FoundStations {
  rows: StationRow[];
  unavailable?: string;
}

/**
 * The stations page's state: where the user is ("Near me"), the search and what it found, the
 * saved stations, which list shows, which station is selected (in the list and on the map).
 */
@Injectable()
export class StationFinder {
  private readonly api = inject(StationsApi);
  private readonly favorites = inject(StationFavorites);
  private readonly deletion = inject(StationDeletion);
  private readonly geolocation = inject(DOCUMENT).defaultView?.navigator.geolocation;
  private readonly destroyRef = inject(DestroyRef);

  readonly kind = signal<StationKind>('any');
  readonly here = signal<Here | undefined>(undefined);
  readonly locating = signal(false);
  readonly locationProblem = signal<string | undefined>(undefined);
  readonly list = signal<StationsList>('saved');
  readonly selected = signal<string | undefined>(undefined);
  /** The place typed, or none: around the user. Undefined until the first search. */
  private readonly asked = signal<{ query?: string } | undefined>(undefined);
  readonly searched = computed(() => this.asked() !== undefined);

  readonly found = loader({
    params: () => {
      const asked = this.asked();
      if (!asked) return undefined;
      const here = this.here();
      return { ...asked, ...here, fuel: this.kind() };
    },
    request: (query: StationSearchQuery) => this.search(query),
    failure: 'Stations could not be searched.',
  });

  /** Favorites first, nearest first within each once the user's place is known. */
  readonly saved = loader({
    params: () => ({ here: this.here(), changes: this.deletion.changes() }),
    request: ({ here }) =>
      allPages((page, pageSize) => this.api.list({ ...here, page, pageSize })).pipe(
        map((stations) => favoritesFirst(stations).map(rowOfStation)),
      ),
    failure: 'Your saved stations could not be loaded.',
  });

  readonly rows = computed(() =>
    this.list() === 'found' ? (this.found.value()?.rows ?? []) : (this.saved.value() ?? []),
  );

  /** Searches around a place (with distances from the user when known). */
  searchPlace(query: string): void {
    const text = query.trim();
    if (text.length < 2) return;
    this.asked.set({ query: text });
    this.show('found');
  }

  /** Asks the browser where the user is, then searches around it. */
  nearMe(): void {
    this.locating.set(true);
    this.locationProblem.set(undefined);
    locate(this.geolocation)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (here) => {
          this.locating.set(false);
          this.here.set(here);
          this.asked.set({});
          this.show('found');
        },
        error: (error: unknown) => {
          this.locating.set(false);
          this.locationProblem.set(locationProblem(error));
        },
      });
  }

  show(list: StationsList): void {
    this.list.set(list);
    this.selected.set(undefined);
  }

  toggleFavorite(row: StationRow): void {
    this.favorites.toggle(row, (station) => {
      this.found.update((found) => ({ ...found, rows: replaced(found.rows, row.key, station) }));
      this.saved.retry();
    });
  }

  private search(query: StationSearchQuery): Observable<FoundStations> {
    return this.api.search(query).pipe(
      map((answer): FoundStations => ({ rows: answer.items.map(rowOfResult) })),
      catchError((error: unknown) =>
        error instanceof HttpErrorResponse && error.status === 503
          ? of({ rows: [], unavailable: searchUnavailableText(error.error) })
          : throwError(() => error),
      ),
    );
  }
}

function favoritesFirst(stations: Station[]): Station[] {
  return [...stations.filter((each) => each.isFavorite), ...stations.filter((each) => !each.isFavorite)];
}

function replaced(rows: StationRow[], key: string, station: Station): StationRow[] {
  return rows.map((row) => (row.key === key ? withStation(row, station) : row));
}
