import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import {
  MatCard,
  MatCardAvatar,
  MatCardContent,
  MatCardHeader,
  MatCardSubtitle,
  MatCardTitle,
} from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { CurrentUser } from '../../../core/auth/current-user';
import { formatMoney } from '../../../core/intl';
import { LoadProgress } from '../../../core/loading/load-progress';
import { loader } from '../../../core/loading/loader';
import { formatCostPerDistance, otherCurrenciesNote } from '../data/cost-format';
import { startOfLastMonths, todayIn } from '../data/cost-periods';
import { CostsApi } from '../data/costs-api';

/** How many calendar months the card adds up, this one included. */
const months = 12;

/** The dashboard's cost of ownership: the last 12 calendar months across vehicles, split, and per vehicle. */
@Component({
  selector: 'mvp-costs-card',
  imports: [
    LoadProgress,
    MatCard,
    MatCardAvatar,
    MatCardContent,
    MatCardHeader,
    MatCardSubtitle,
    MatCardTitle,
    MatIcon,
    RouterLink,
  ],
  template: `
    <mat-card appearance="outlined" aria-labelledby="costs-card-title">
      <mat-card-header>
        <mat-icon mat-card-avatar class="avatar" aria-hidden="true">account_balance_wallet</mat-icon>
        <mat-card-title id="costs-card-title">Cost of ownership</mat-card-title>
        <mat-card-subtitle>Last 12 months, all vehicles</mat-card-subtitle>
      </mat-card-header>
      <mvp-load-progress [active]="costs.loading()" label="Loading the cost of ownership" />
      <mat-card-content>
        @if (costs.problem(); as problem) {
          <p class="problem" role="alert">{{ problem }}</p>
        } @else if (costs.value(); as costs) {
          <p class="headline">
            <span class="mvp-visually-hidden">Spent in the last 12 months:</span>
            {{ money(costs.total.total, costs.currency) }}
          </p>
          @if (costs.total.total === 0 && costs.otherCurrencies.length === 0) {
            <p class="empty">Nothing spent in the last 12 months.</p>
          } @else {
            <ul class="rows" aria-label="Split">
              @for (part of split(); track part.label) {
                <li class="row">
                  <span class="row-name">{{ part.label }}</span>
                  <span class="row-value">{{ part.value }}</span>
                </li>
              }
            </ul>
            @if (otherCurrencies()) {
              <p class="note" role="note">{{ otherCurrencies() }}</p>
            }
            @if (costs.vehicles.length > 1) {
              <ul class="rows vehicles" aria-label="Per vehicle">
                @for (vehicle of costs.vehicles; track vehicle.vehicleId) {
                  <li class="row">
                    <a class="row-name" [routerLink]="['/vehicles', vehicle.vehicleId, 'costs']">{{
                      vehicle.displayName
                    }}</a>
                    <span class="row-value">{{ money(vehicle.total.total, vehicle.currency) }}</span>
                  </li>
                }
              </ul>
            }
          }
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    @use 'ui';

    :host {
      display: block;
      min-width: 0;
    }
    mat-card-header {
      align-items: center;
      padding-bottom: 8px;
    }
    .avatar {
      display: flex;
      align-items: center;
      justify-content: center;
      border-radius: var(--mat-sys-corner-full);
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .problem {
      margin: 8px 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-error);
    }
    .headline {
      margin: 8px 0 4px;
      font: var(--mat-sys-display-small);
      letter-spacing: var(--mat-sys-display-small-tracking);
      color: var(--mat-sys-on-surface);
      font-variant-numeric: tabular-nums;
    }
    .rows {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .vehicles {
      margin-top: 12px;
    }
    .row {
      @include ui.divided-row;
      justify-content: space-between;
      padding: 10px 0;
    }
    .row-name {
      min-width: 0;
      overflow: hidden;
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-on-surface);
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    a.row-name {
      text-decoration: none;
      &:hover,
      &:focus-visible {
        text-decoration: underline;
      }
    }
    .row-value {
      flex: none;
      font: var(--mat-sys-title-medium);
      letter-spacing: var(--mat-sys-title-medium-tracking);
      color: var(--mat-sys-on-surface);
      font-variant-numeric: tabular-nums;
    }
    .note,
    .empty {
      margin: 8px 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CostsCard {
  private readonly api = inject(CostsApi);
  private readonly currentUser = inject(CurrentUser);
  private readonly locale = computed(() => this.currentUser.me()?.locale);

  /** Months start in the user's time zone, so this waits for /api/me. */
  protected readonly costs = loader({
    params: () => this.currentUser.me()?.timeZone,
    request: (timeZone) => this.api.all({ from: startOfLastMonths(todayIn(timeZone), months) }),
    failure: 'The cost of ownership could not be loaded.',
  });

  protected readonly split = computed(() => {
    const costs = this.costs.value();
    if (!costs) return [];
    const { total, currency, distanceUnit } = costs;
    return [
      { label: 'Fuel', value: this.money(total.fuel, currency) },
      { label: 'Service', value: this.money(total.service, currency) },
      ...(total.purchase > 0 ? [{ label: 'Purchase', value: this.money(total.purchase, currency) }] : []),
      ...(total.costPerDistance === null
        ? []
        : [
            {
              label: `Running cost per ${distanceUnit}`,
              value: formatCostPerDistance(total.costPerDistance, currency, distanceUnit, this.locale()),
            },
          ]),
    ];
  });
  protected readonly otherCurrencies = computed(() =>
    otherCurrenciesNote(this.costs.value()?.otherCurrencies ?? [], this.locale()),
  );

  constructor() {
    this.currentUser.ensureLoaded();
  }

  protected money(amount: number, currency: string): string {
    return formatMoney(amount, currency, this.locale());
  }
}
