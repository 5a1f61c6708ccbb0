import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { Router, RouterLink } from '@angular/router';
import { forkJoin } from 'rxjs';
import { CurrentUser } from '../../../core/auth/current-user';
import { LoadProblem } from '../../../core/loading/load-problem';
import { LoadProgress } from '../../../core/loading/load-progress';
import { loader } from '../../../core/loading/loader';
import { FavoriteToggle } from '../components/favorite-toggle';
import { StationDetailsForm } from '../components/station-details-form';
import { StationMap } from '../components/station-map';
import { StationPriceChart } from '../components/station-price-chart';
import { StationPriceTable } from '../components/station-price-table';
import { Station } from '../data/station';
import { StationDeletion } from '../data/station-deletion';
import { StationFavorites } from '../data/station-favorites';
import { stationSubtitle } from '../data/station-format';
import { placedRows, rowOfStation } from '../data/station-rows';
import { StationsApi } from '../data/stations-api';

/** `/stations/:id`: one saved station, its place, name and notes, and what the user paid there. */
@Component({
  selector: 'mvp-station-page',
  imports: [
    FavoriteToggle,
    LoadProblem,
    LoadProgress,
    MatButton,
    MatIcon,
    RouterLink,
    StationDetailsForm,
    StationMap,
    StationPriceChart,
    StationPriceTable,
  ],
  templateUrl: './station-page.html',
  styleUrl: './station-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StationPage {
  private readonly api = inject(StationsApi);
  private readonly favorites = inject(StationFavorites);
  private readonly deletion = inject(StationDeletion);
  private readonly router = inject(Router);
  private readonly currentUser = inject(CurrentUser);

  /** The route's `:id`. */
  readonly id = input.required<string>();

  protected readonly details = loader({
    params: () => this.id(),
    request: (id) => forkJoin({ station: this.api.get(id), prices: this.api.prices(id) }),
    failure: 'This station could not be loaded.',
  });

  protected readonly station = computed(() => this.details.value()?.station);
  protected readonly prices = computed(() => this.details.value()?.prices);
  protected readonly row = computed(() => {
    const station = this.station();
    return station ? rowOfStation(station) : undefined;
  });
  protected readonly onMap = computed(() => {
    const row = this.row();
    return row ? placedRows([row]) : [];
  });
  protected readonly subtitle = computed(() => {
    const station = this.station();
    return station ? stationSubtitle(station) : '';
  });
  protected readonly locale = computed(() => this.currentUser.me()?.locale);
  protected readonly timeZone = computed(() => this.currentUser.me()?.timeZone);
  protected readonly starPending = computed(() => {
    const row = this.row();
    return !!row && this.favorites.pending().has(row.key);
  });
  protected readonly deleting = signal(false);

  protected toggleFavorite(): void {
    const row = this.row();
    if (row) this.favorites.toggle(row, (station) => this.replace(station));
  }

  protected replace(station: Station): void {
    this.details.update((details) => ({ ...details, station }));
  }

  protected delete(): void {
    const station = this.station();
    if (!station) return;
    this.deleting.set(true);
    this.deletion.delete(station).subscribe({
      next: () => void this.router.navigate(['/stations']),
      error: () => this.deleting.set(false),
    });
  }
}
