import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import {
  MatCard,
  MatCardActions,
  MatCardAvatar,
  MatCardContent,
  MatCardHeader,
  MatCardSubtitle,
  MatCardTitle,
} from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { catchError, filter, map, of, startWith, switchMap, take } from 'rxjs';
import { CurrentUser } from '../../../core/auth/current-user';
import { describeError } from '../../../core/problem';
import { AllFuelStats } from '../data/fuel-log';
import { formatCurrency, formatMonth } from '../data/fuel-format';
import { FuelLogsApi } from '../data/fuel-logs-api';
import { startOfMonth, wallTimeOf } from '../data/zoned-time';

interface SpendState {
  stats?: AllFuelStats;
  loading: boolean;
  problem?: string;
}

/** What fuel cost this calendar month (in the user's time zone), in all and per vehicle. */
@Component({
  selector: 'mvp-fuel-spend-card',
  imports: [
    MatButton,
    MatCard,
    MatCardActions,
    MatCardAvatar,
    MatCardContent,
    MatCardHeader,
    MatCardSubtitle,
    MatCardTitle,
    MatIcon,
    MatProgressBar,
    RouterLink,
  ],
  template: `
    <mat-card appearance="outlined" aria-labelledby="fuel-spend-title">
      <mat-card-header>
        <mat-icon mat-card-avatar class="avatar" aria-hidden="true">payments</mat-icon>
        <mat-card-title id="fuel-spend-title">Fuel this month</mat-card-title>
        <mat-card-subtitle>{{ monthName() }}</mat-card-subtitle>
      </mat-card-header>
      <div class="progress">
        @if (state().loading) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading this month's fuel spending" />
        }
      </div>
      <mat-card-content>
        @if (state().problem; as problem) {
          <p class="problem" role="alert">{{ problem }}</p>
        } @else if (state().stats; as stats) {
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
      </mat-card-content>
      <mat-card-actions>
        <a mat-button routerLink="/fuel/new">
          <mat-icon aria-hidden="true">local_gas_station</mat-icon>
          Log fill-up
        </a>
      </mat-card-actions>
    </mat-card>
  `,
  styleUrl: './fuel-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FuelSpendCard {
  private readonly api = inject(FuelLogsApi);
  private readonly currentUser = inject(CurrentUser);
  private readonly locale = computed(() => this.currentUser.me()?.locale);

  protected readonly state = signal<SpendState>({ loading: true });
  protected readonly monthName = computed(() => {
    const timeZone = this.currentUser.me()?.timeZone;
    return formatMonth(wallTimeOf(new Date(), timeZone).slice(0, 7), this.locale(), 'long');
  });

  constructor() {
    this.currentUser.ensureLoaded();
    // The month starts in the user's time zone, so this waits for /api/me.
    toObservable(this.currentUser.me)
      .pipe(
        filter((me) => !!me),
        take(1),
        switchMap((me) =>
          this.api.allStats({ from: startOfMonth(new Date(), me.timeZone).toISOString() }).pipe(
            map((stats): SpendState => ({ stats, loading: false })),
            catchError((error: unknown) =>
              of<SpendState>({ loading: false, problem: describeError(error, 'Fuel spending could not be loaded.') }),
            ),
            startWith<SpendState>({ loading: true }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((state) => this.state.set(state));
  }

  protected money(amount: number, currency: string): string {
    return formatCurrency(amount, currency, this.locale());
  }
}
