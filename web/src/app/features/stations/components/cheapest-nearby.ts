import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CurrentUser } from '../../../core/auth/current-user';
import { DashboardCard } from '../../../core/cards/dashboard-card';
import { loader } from '../../../core/loading/loader';
import { Here } from '../data/here';
import { formatDistance, formatPrice, gradeLabel } from '../data/station-format';
import { StationsApi } from '../data/stations-api';

/** How many of the cheapest saved stations the card lists. */
const shownCount = 3;

/** After "Near me": the user's saved stations around them, cheapest last price paid first. */
@Component({
  selector: 'mvp-cheapest-nearby',
  imports: [DashboardCard, RouterLink],
  template: `
    <mvp-dashboard-card
      icon="savings"
      heading="Cheapest nearby"
      headingId="cheapest-nearby-title"
      [subtitle]="subtitle()"
      [loader]="cheapest"
      loadingLabel="Loading the cheapest stations nearby"
    >
      @if (rows().length) {
        <ul class="rows">
          @for (row of rows(); track row.id) {
            <li class="row">
              <a class="row-name" [routerLink]="['/stations', row.id]">{{ row.name }}</a>
              <span class="row-value">
                {{ row.price }}
                <span class="row-note">{{ row.note }}</span>
              </span>
            </li>
          }
        </ul>
      } @else if (cheapest.value()) {
        <p class="empty">No saved station around you has a price yet. Name the station when you log a fill-up.</p>
      }
    </mvp-dashboard-card>
  `,
  styles: `
    @use 'ui';

    @include ui.dashboard-card-content;
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CheapestNearby {
  private readonly api = inject(StationsApi);
  private readonly currentUser = inject(CurrentUser);

  readonly here = input.required<Here>();

  protected readonly cheapest = loader({
    params: () => this.here(),
    request: (here) => this.api.cheapest(here),
    failure: 'The cheapest stations nearby could not be loaded.',
  });

  protected readonly subtitle = computed(() => {
    const grade = this.cheapest.value()?.grade;
    return grade ? `${gradeLabel(grade)}, by the last price you paid` : 'By the last price you paid';
  });

  protected readonly rows = computed(() => {
    const me = this.currentUser.me();
    return (this.cheapest.value()?.items ?? []).slice(0, shownCount).map(({ station, prices }) => ({
      id: station.id,
      name: station.name,
      price: formatPrice(prices.last.price, prices.currency, prices.unit, me?.locale),
      note: station.distance === null ? '' : formatDistance(station.distance, me?.distanceUnit ?? 'mi', me?.locale),
    }));
  });
}
