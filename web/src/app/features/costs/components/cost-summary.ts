import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { SummaryTile, SummaryTiles } from '../../../core/summary/summary-tiles';
import { formatMoney, numberFormat } from '../../../core/intl';
import { formatCostPerDistance } from '../data/cost-format';
import { Costs } from '../data/costs';

/** Costs in numbers: the whole cost of ownership, its parts, cost per distance and the distance. */
@Component({
  selector: 'mvp-cost-summary',
  imports: [SummaryTiles],
  template: `<mvp-summary-tiles [tiles]="tiles()" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CostSummary {
  readonly costs = input.required<Costs>();
  readonly locale = input<string>();

  protected readonly tiles = computed<SummaryTile[]>(() => {
    const { total, currency, distanceUnit } = this.costs();
    const locale = this.locale();
    const money = (amount: number) => formatMoney(amount, currency, locale);
    return [
      { label: 'Cost of ownership', value: money(total.total), note: 'Fuel, service and purchase', lead: true },
      { label: 'Fuel', value: money(total.fuel) },
      { label: 'Service', value: money(total.service) },
      { label: 'Purchase', value: total.purchase > 0 ? money(total.purchase) : '—' },
      {
        label: `Running cost per ${distanceUnit}`,
        value: formatCostPerDistance(total.costPerDistance, currency, distanceUnit, locale),
        note: total.costPerDistance === null ? 'Needs odometer readings' : 'Fuel and service',
      },
      {
        label: 'Distance',
        value: `${numberFormat(locale, { maximumFractionDigits: 1 }).format(total.distance)} ${distanceUnit}`,
      },
    ];
  });
}
