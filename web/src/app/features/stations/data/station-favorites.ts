import { Injectable, inject, signal } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Observable, finalize, of, switchMap } from 'rxjs';
import { describeError } from '../../../core/problem';
import { SearchedStation, Station } from './station';
import { StationRow } from './station-rows';
import { StationsApi } from './stations-api';

/**
 * The star on a station: a saved one is changed in place; a search result is saved first (the
 * API answers with the station already saved when it was), then marked.
 */
@Injectable({ providedIn: 'root' })
export class StationFavorites {
  private readonly api = inject(StationsApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly inFlight = signal<ReadonlySet<string>>(new Set());

  /** Keys of the rows whose star is being saved. */
  readonly pending = this.inFlight.asReadonly();

  /** Flips the row's star; `saved` gets the station as it now is. Failures say why in a snack bar. */
  toggle(row: StationRow, saved: (station: Station) => void): void {
    if (this.inFlight().has(row.key)) return;
    const change = row.stationId
      ? this.api.update(row.stationId, { isFavorite: !row.isFavorite })
      : row.found
        ? this.saveAsFavorite(row.found)
        : undefined;
    if (!change) return;
    this.mark(row.key, true);
    change.pipe(finalize(() => this.mark(row.key, false))).subscribe({
      next: saved,
      error: (error: unknown) =>
        this.snackBar.open(describeError(error, `${row.name} could not be saved.`), 'Dismiss', { duration: 8000 }),
    });
  }

  private saveAsFavorite(found: SearchedStation): Observable<Station> {
    const { provider, providerId, name, brand, address, latitude, longitude, fuelTypes } = found;
    return this.api
      .create({ provider, providerId, name, brand, address, latitude, longitude, fuelTypes, isFavorite: true })
      .pipe(
        switchMap((station) => (station.isFavorite ? of(station) : this.api.update(station.id, { isFavorite: true }))),
      );
  }

  private mark(key: string, busy: boolean): void {
    this.inFlight.update((keys) => {
      const next = new Set(keys);
      if (busy) next.add(key);
      else next.delete(key);
      return next;
    });
  }
}
