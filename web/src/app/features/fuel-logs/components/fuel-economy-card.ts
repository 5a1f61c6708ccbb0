import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCardActions } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { CurrentUser } from '../../../core/auth/current-user';
import { DashboardCard } from '../../../core/cards/dashboard-card';
import { loader } from '../../../core/loading/loader';
import { formatEconomy } from '../data/fuel-format';
import { FuelLogsApi } from '../data/fuel-logs-api';

/** Each vehicle's latest economy (the last window a full fill closed), and its average. */
@Component({
  selector: 'mvp-fuel-economy-card',
  imports: [DashboardCard, MatButton, MatCardActions, RouterLink],
  template: `
    <mvp-dashboard-card
      icon="speed"
      heading="Fuel economy"
      headingId="fuel-economy-title"
      subtitle="Last full fill per vehicle"
      [loader]="economy"
      loadingLabel="Loading fuel economy"
    >
      @if (rows(); as rows) {
        @if (rows.length === 0) {
          <p class="empty">Log fill-ups to see each vehicle's economy here.</p>
        } @else {
          <ul class="rows" aria-label="Economy per vehicle">
            @for (row of rows; track row.vehicleId) {
              <li class="row">
                <a class="row-name" [routerLink]="['/vehicles', row.vehicleId, 'fuel']">{{ row.name }}</a>
                <span class="row-value">
                  {{ row.last }}
                  @if (row.note) {
                    <span class="row-note">{{ row.note }}</span>
                  }
                </span>
              </li>
            }
          </ul>
        }
      }
      <mat-card-actions>
        <a mat-button routerLink="/fuel">All fuel</a>
      </mat-card-actions>
    </mvp-dashboard-card>
  `,
  styles: `
    @use 'ui';
    @include ui.dashboard-card-content;
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FuelEconomyCard {
  private readonly api = inject(FuelLogsApi);
  private readonly currentUser = inject(CurrentUser);

  protected readonly economy = loader({
    request: () => this.api.allStats().pipe(map((stats) => stats.vehicles)),
    failure: 'Fuel economy could not be loaded.',
  });

  protected readonly rows = computed(() => {
    const locale = this.currentUser.me()?.locale;
    return this.economy.value()?.map((vehicle) => ({
      vehicleId: vehicle.vehicleId,
      name: vehicle.displayName,
      last: vehicle.lastEconomy ? formatEconomy(vehicle.lastEconomy, locale) : '—',
      note: vehicle.averageEconomy
        ? `average ${formatEconomy(vehicle.averageEconomy, locale)}`
        : 'after two full fills',
    }));
  });
}
