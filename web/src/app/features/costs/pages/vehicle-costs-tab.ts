import { ChangeDetectionStrategy, Component, Signal, computed, inject, linkedSignal } from '@angular/core';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatIcon } from '@angular/material/icon';
import { ROUTER_OUTLET_DATA } from '@angular/router';
import { CurrentUser } from '../../../core/auth/current-user';
import { formatMoney } from '../../../core/intl';
import { LoadProblem } from '../../../core/loading/load-problem';
import { LoadProgress } from '../../../core/loading/load-progress';
import { loader } from '../../../core/loading/loader';
import { Vehicle } from '../../vehicles';
import { CostSummary } from '../components/cost-summary';
import { MonthlyCostChart } from '../components/monthly-cost-chart';
import { formatCostPerDistance, otherCurrenciesNote } from '../data/cost-format';
import { monthsOfYear, yearsWithRunningCosts } from '../data/cost-periods';
import { CostsApi } from '../data/costs-api';

/** The vehicle page's Costs tab: cost of ownership in numbers, running costs by month of a year, totals by year. */
@Component({
  selector: 'mvp-vehicle-costs-tab',
  imports: [CostSummary, LoadProblem, LoadProgress, MatButtonToggle, MatButtonToggleGroup, MatIcon, MonthlyCostChart],
  templateUrl: './vehicle-costs-tab.html',
  styleUrl: './vehicle-costs-tab.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VehicleCostsTab {
  protected readonly vehicle = inject(ROUTER_OUTLET_DATA) as Signal<Vehicle>;
  private readonly api = inject(CostsApi);
  private readonly currentUser = inject(CurrentUser);

  protected readonly locale = computed(() => this.currentUser.me()?.locale);

  /** The whole history: the tab charts one year at a time and lists every year. */
  protected readonly costs = loader({
    params: () => this.vehicle().id,
    request: (vehicleId) => this.api.vehicle(vehicleId),
    failure: 'The costs could not be loaded.',
  });

  protected readonly empty = computed(() => {
    const costs = this.costs.value();
    return !!costs && costs.months.length === 0 && costs.otherCurrencies.length === 0;
  });
  protected readonly otherCurrencies = computed(() =>
    otherCurrenciesNote(this.costs.value()?.otherCurrencies ?? [], this.locale()),
  );
  protected readonly years = computed(() => yearsWithRunningCosts(this.costs.value()?.months ?? []));
  /** The year charted: the latest with running costs, until the user picks another. */
  protected readonly year = linkedSignal(() => this.years()[0]);
  protected readonly chartMonths = computed(() => {
    const year = this.year();
    return year === undefined ? [] : monthsOfYear(year, this.costs.value()?.months ?? []);
  });
  protected readonly yearRows = computed(() => {
    const costs = this.costs.value();
    if (!costs) return [];
    const money = (amount: number) => formatMoney(amount, costs.currency, this.locale());
    return [...costs.years].reverse().map((year) => ({
      year: year.year,
      fuel: money(year.fuel),
      service: money(year.service),
      purchase: year.purchase > 0 ? money(year.purchase) : '—',
      total: money(year.total),
      perDistance: formatCostPerDistance(year.costPerDistance, costs.currency, costs.distanceUnit, this.locale()),
    }));
  });

  constructor() {
    this.currentUser.ensureLoaded();
  }
}
