import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { formatMoney, numberFormat } from '../../../core/intl';
import { formatCostPerDistance } from '../data/cost-format';
import { Costs } from '../data/costs';

interface Tile {
  label: string;
  value: string;
  note?: string;
  lead?: boolean;
}

/** Costs in numbers: the whole cost of ownership, its parts, cost per distance and the distance. */
@Component({
  selector: 'mvp-cost-summary',
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
export class CostSummary {
  readonly costs = input.required<Costs>();
  readonly locale = input<string>();

  protected readonly tiles = computed<Tile[]>(() => {
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
