import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MaintenanceRecord } from '../data/maintenance-record';
import { formatMoney, formatNumber } from '../data/maintenance-format';
import { lineTotalMinor } from '../data/record-costs';

/** A record unfolded: its parts as a table with line totals, labour and total, then notes and tags. */
@Component({
  selector: 'mvp-record-details',
  templateUrl: './record-details.html',
  styleUrl: './record-details.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecordDetails {
  readonly record = input.required<MaintenanceRecord>();
  readonly locale = input<string>();

  private readonly money = (amount: number, decimals = 2) =>
    formatMoney(amount, this.record().currency, this.locale(), decimals);

  protected readonly parts = computed(() =>
    this.record().parts.map((part) => {
      const line = lineTotalMinor(part.quantity, part.unitCost);
      return {
        name: part.name,
        partNumber: part.partNumber ?? '',
        quantity: formatNumber(part.quantity, this.locale(), 0, 3),
        unitCost: this.money(part.unitCost, 4),
        lineTotal: line === undefined ? '' : this.money(line / 100),
      };
    }),
  );
  protected readonly labour = computed(() => {
    const labour = this.record().labourCost;
    return labour === null ? undefined : this.money(labour);
  });
  protected readonly total = computed(() => {
    const total = this.record().totalCost;
    return total === null ? 'No cost given' : this.money(total);
  });
}
