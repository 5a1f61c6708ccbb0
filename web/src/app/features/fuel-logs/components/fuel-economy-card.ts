import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
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
import { map } from 'rxjs';
import { CurrentUser } from '../../../core/auth/current-user';
import { loader } from '../../../core/loading/loader';
import { formatEconomy } from '../data/fuel-format';
import { FuelLogsApi } from '../data/fuel-logs-api';

/** Each vehicle's latest economy (the last window a full fill closed), and its average. */
@Component({
  selector: 'mvp-fuel-economy-card',
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
    <mat-card appearance="outlined" aria-labelledby="fuel-economy-title">
      <mat-card-header>
        <mat-icon mat-card-avatar class="avatar" aria-hidden="true">speed</mat-icon>
        <mat-card-title id="fuel-economy-title">Fuel economy</mat-card-title>
        <mat-card-subtitle>Last full fill per vehicle</mat-card-subtitle>
      </mat-card-header>
      <div class="progress">
        @if (economy.loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading fuel economy" />
        }
      </div>
      <mat-card-content>
        @if (economy.problem(); as problem) {
          <p class="problem" role="alert">{{ problem }}</p>
        } @else if (rows(); as rows) {
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
      </mat-card-content>
      <mat-card-actions>
        <a mat-button routerLink="/fuel">All fuel</a>
      </mat-card-actions>
    </mat-card>
  `,
  styleUrl: './fuel-card.scss',
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
