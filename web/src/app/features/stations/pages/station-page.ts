import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { Router, RouterLink } from '@angular/router';
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

/** `/stations/:id`: one saved station (resolved by the route), its place, name and notes, and what the user paid there. */
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

  /** Resolved by the route (`stationResolver`). */
  readonly station = input.required<Station>();

  /** As it is now: starred, renamed or noted here since it was resolved. */
  protected readonly current = linkedSignal(() => this.station());
  protected readonly prices = loader({
    params: () => this.station().id,
    request: (id) => this.api.prices(id),
    failure: 'The prices you paid here could not be loaded.',
  });

  protected readonly row = computed(() => rowOfStation(this.current()));
  protected readonly onMap = computed(() => placedRows([this.row()]));
  protected readonly subtitle = computed(() => stationSubtitle(this.current()));
  protected readonly locale = computed(() => this.currentUser.me()?.locale);
  protected readonly timeZone = computed(() => this.currentUser.me()?.timeZone);
  protected readonly starPending = computed(() => this.favorites.pending().has(this.row().key));
  protected readonly deleting = signal(false);

  protected toggleFavorite(): void {
    this.favorites.toggle(this.row(), (station) => this.current.set(station));
  }

  protected delete(): void {
    this.deleting.set(true);
    this.deletion.delete(this.current()).subscribe({
      next: () => void this.router.navigate(['/stations']),
      error: () => this.deleting.set(false),
    });
  }
}
