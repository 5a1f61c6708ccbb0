import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { SummaryTile, SummaryTiles } from '../../../core/summary/summary-tiles';
import { Economy, FuelStats } from '../data/fuel-log';
import { formatCurrency, formatEconomy, formatNumber, quantityUnitLabels } from '../data/fuel-format';

/** A vehicle's fuel in numbers: economy (average, last, best, worst), spending, distance and fuel. */
@Component({
  selector: 'mvp-fuel-summary',
  imports: [SummaryTiles],
  template: `<mvp-summary-tiles [tiles]="tiles()" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FuelSummary {
  readonly stats = input.required<FuelStats>();
  readonly locale = input<string>();

  protected readonly tiles = computed<SummaryTile[]>(() => {
    const stats = this.stats();
    const locale = this.locale();
    const economy = (label: string, value: Economy | null, lead = false): SummaryTile =>
      value
        ? { label, value: formatEconomy(value, locale), lead }
        : { label, value: '—', note: lead ? 'From the second full fill' : undefined, lead };
    return [
      economy('Average economy', stats.averageEconomy, true),
      economy('Last', stats.lastEconomy),
      economy('Best', stats.bestEconomy),
      economy('Worst', stats.worstEconomy),
      { label: 'Spent', value: formatCurrency(stats.totalCost, stats.currency, locale) },
      {
        label: `Cost per ${stats.distanceUnit}`,
        value: stats.costPerDistance === null ? '—' : formatCurrency(stats.costPerDistance, stats.currency, locale, 3),
      },
      { label: 'Distance', value: `${formatNumber(stats.distance, locale, 0, 1)} ${stats.distanceUnit}` },
      {
        label: 'Fuel',
        value: `${formatNumber(stats.fuelUsed, locale, 0, 2)} ${quantityUnitLabels[stats.fuelUnit]}`,
      },
    ];
  });
}
