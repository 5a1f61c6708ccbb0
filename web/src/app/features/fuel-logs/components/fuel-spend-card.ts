import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCardActions } from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { CurrentUser } from '../../../core/auth/current-user';
import { DashboardCard } from '../../../core/cards/dashboard-card';
import { loader } from '../../../core/loading/loader';
import { formatCurrency, formatMonth } from '../data/fuel-format';
import { FuelLogsApi } from '../data/fuel-logs-api';
import { startOfMonth, wallTimeOf } from '../data/zoned-time';

/** What fuel cost this calendar month (in the user's time zone), in all and per vehicle. */
@Component({
  selector: 'mvp-fuel-spend-card',
  imports: [DashboardCard, MatButton, MatCardActions, MatIcon, RouterLink],
  template: `
    <mvp-dashboard-card
      icon="payments"
      heading="Fuel this month"
      headingId="fuel-spend-title"
      [subtitle]="monthName()"
      [loader]="spending"
      loadingLabel="Loading this month's fuel spending"
    >
      @if (spending.value(); as stats) {
        <p class="headline">
          <span class="mvp-visually-hidden">Spent this month:</span>
          {{ money(stats.totalCost, stats.currency) }}
        </p>
        @if (stats.vehicles.length === 0) {
          <p class="empty">No fill-ups logged this month.</p>
        } @else {
          <ul class="rows" aria-label="Spending per vehicle">
            @for (vehicle of stats.vehicles; track vehicle.vehicleId) {
              <li class="row">
                <a class="row-name" [routerLink]="['/vehicles', vehicle.vehicleId, 'fuel']">{{
                  vehicle.displayName
                }}</a>
                <span class="row-value">{{ money(vehicle.totalCost, vehicle.currency) }}</span>
              </li>
            }
          </ul>
        }
      }
      <mat-card-actions>
        <a mat-button routerLink="/fuel/new">
          <mat-icon aria-hidden="true">local_gas_station</mat-icon>
          Log fill-up
        </a>
      </mat-card-actions>
    </mvp-dashboard-card>
  `,
  styles: `
    @use 'ui';
    @include ui.dashboard-card-content;
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FuelSpendCard {
  private readonly api = inject(FuelLogsApi);
  private readonly currentUser = inject(CurrentUser);
  private readonly locale = computed(() => this.currentUser.me()?.locale);

  /** The month starts in the user's time zone, so this waits for /api/me. */
  protected readonly spending = loader({
    params: () => this.currentUser.me()?.timeZone,
    request: (timeZone) => this.api.allStats({ from: startOfMonth(new Date(), timeZone).toISOString() }),
    failure: 'Fuel spending could not be loaded.',
  });
  protected readonly monthName = computed(() => {
    const timeZone = this.currentUser.me()?.timeZone;
    return formatMonth(wallTimeOf(new Date(), timeZone).slice(0, 7), this.locale(), 'long');
  });

  constructor() {
    this.currentUser.ensureLoaded();
  }

  protected money(amount: number, currency: string): string {
    return formatCurrency(amount, currency, this.locale());
  }
}
