import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CurrentUser } from '../../../core/auth/current-user';
import { DashboardCard } from '../../../core/cards/dashboard-card';
import { formatMoney } from '../../../core/intl';
import { loader } from '../../../core/loading/loader';
import { formatCostPerDistance, otherCurrenciesNote } from '../data/cost-format';
import { todayIn } from '../../../core/calendar-day';
import { startOfLastMonths } from '../data/cost-periods';
import { CostsApi } from '../data/costs-api';

/** How many calendar months the card adds up, this one included. */
const months = 12;

/** The dashboard's cost of ownership: the last 12 calendar months across vehicles, split, and per vehicle. */
@Component({
  selector: 'mvp-costs-card',
  imports: [DashboardCard, RouterLink],
  template: `
    <mvp-dashboard-card
      icon="account_balance_wallet"
      heading="Cost of ownership"
      headingId="costs-card-title"
      subtitle="Last 12 months, all vehicles"
      [loader]="costs"
      loadingLabel="Loading the cost of ownership"
    >
      @if (costs.value(); as costs) {
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
    </mvp-dashboard-card>
  `,
  styles: `
    @use 'ui';
    @include ui.dashboard-card-content;

    .vehicles {
      margin-top: 12px;
    }
    .note {
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
