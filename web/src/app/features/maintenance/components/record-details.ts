import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';
import { AttachedDocuments } from '../../documents';
import { MaintenanceRecord } from '../data/maintenance-record';
import { formatMoney, formatNumber } from '../data/maintenance-format';
import { lineTotalMinor } from '../data/record-costs';

const phoneQuery = '(max-width: 599.98px)';

/** A record unfolded: its parts as a table with line totals, labour and total, then notes, tags and attachments. */
@Component({
  selector: 'mvp-record-details',
  imports: [AttachedDocuments],
  templateUrl: './record-details.html',
  styleUrl: './record-details.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecordDetails {
  private readonly breakpoints = inject(BreakpointObserver);

  readonly record = input.required<MaintenanceRecord>();
  readonly locale = input<string>();

  /** On a phone the part number goes under the name: four columns fit, five do not. */
  protected readonly isPhone = toSignal(this.breakpoints.observe(phoneQuery).pipe(map((state) => state.matches)), {
    initialValue: this.breakpoints.isMatched(phoneQuery),
  });

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
