import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import { formatCalendarDate } from '../../../core/calendar-day';
import { MaintenanceRecord } from '../data/maintenance-record';
import { formatMoney, formatOdometer } from '../data/maintenance-format';
import { CategoryChip } from './category-chip';
import { RecordDetails } from './record-details';

/** One record as the history shows it folded. */
interface HistoryRow {
  record: MaintenanceRecord;
  /** "Mar 9, 2026 · 48,210 mi · Corner Garage". */
  facts: string;
  total: string;
  /** "2 parts", or "Details" for a record without parts. */
  toggleText: string;
  /** Names the record for the menu and the Undo: "“Oil change” of Mar 9, 2026". */
  name: string;
}

/**
 * A vehicle's service records, latest first: each with its category, title, facts and total, and
 * its parts, labour, notes and tags unfolded on demand. Edit opens the form; Delete is the parent's (Undo).
 */
@Component({
  selector: 'mvp-service-history',
  imports: [
    CategoryChip,
    MatButton,
    MatIcon,
    MatIconButton,
    MatMenu,
    MatMenuItem,
    MatMenuTrigger,
    RecordDetails,
    RouterLink,
  ],
  templateUrl: './service-history.html',
  styleUrl: './service-history.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ServiceHistory {
  readonly records = input.required<MaintenanceRecord[]>();
  readonly odometerUnit = input.required<string>();
  readonly locale = input<string>();
  readonly deleteRequested = output<{ record: MaintenanceRecord; name: string }>();

  /** The records unfolded, by id. */
  protected readonly open = signal<ReadonlySet<string>>(new Set());

  protected readonly rows = computed<HistoryRow[]>(() => {
    const locale = this.locale();
    return this.records().map((record) => {
      const date = formatCalendarDate(record.performedAt, locale);
      const odometer = formatOdometer(record.odometer, this.odometerUnit(), locale);
      const count = record.parts.length;
      return {
        record,
        facts: [date, odometer, record.shop].filter(Boolean).join(' · '),
        total: record.totalCost === null ? 'No cost' : formatMoney(record.totalCost, record.currency, locale),
        toggleText: count === 0 ? 'Details' : count === 1 ? '1 part' : `${count} parts`,
        name: `“${record.title}” of ${date}`,
      };
    });
  });

  protected toggle(id: string): void {
    this.open.update((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }
}
