import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { Economy, FuelStats } from '../data/fuel-log';
import { formatCurrency, formatEconomy, formatNumber, quantityUnitLabels } from '../data/fuel-format';

interface Tile {
  label: string;
  value: string;
  /** Under the value: what a missing one waits for. */
  note?: string;
  lead?: boolean;
}

/** A vehicle's fuel in numbers: economy (average, last, best, worst), spending, distance and fuel. */
@Component({
  selector: 'mvp-fuel-summary',
  template: `
    <dl class="tiles">
      @for (tile of tiles(); track tile.label) {
        <div class="tile" [class.lead]="tile.lead">
          <dt>{{ tile.label }}</dt>
          <dd>
            <span class="value">{{ tile.value }}</span>
            @if (tile.note) {
              <span class="note">{{ tile.note }}</span>
            }
          </dd>
        </div>
      }
    </dl>
  `,
  styles: `
    .tiles {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 200px), 1fr));
      gap: 12px;
      margin: 0;
      @media (max-width: 599.98px) {
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 8px;
      }
    }
    .tile {
      display: flex;
      flex-direction: column;
      gap: 4px;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container);
    }
    .lead {
      background: var(--mat-sys-primary-container);
      dt,
      .value,
      .note {
        color: var(--mat-sys-on-primary-container);
      }
    }
    dt {
      font: var(--mat-sys-label-large);
      letter-spacing: var(--mat-sys-label-large-tracking);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      display: flex;
      flex-direction: column;
      margin: 0;
    }
    .value {
      font: var(--mat-sys-title-large);
      letter-spacing: var(--mat-sys-title-large-tracking);
      color: var(--mat-sys-on-surface);
      font-variant-numeric: tabular-nums;
      overflow-wrap: anywhere;
    }
    .note {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FuelSummary {
  readonly stats = input.required<FuelStats>();
  readonly locale = input<string>();

  protected readonly tiles = computed<Tile[]>(() => {
    const stats = this.stats();
    const locale = this.locale();
    const economy = (label: string, value: Economy | null, lead = false): Tile =>
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
