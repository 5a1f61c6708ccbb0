import { BreakpointObserver } from '@angular/cdk/layout';
import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { FuelLog } from '../data/fuel-log';
import {
  formatCurrency,
  formatEconomy,
  formatFilledAt,
  formatNumber,
  formatQuantity,
  formatUnitPrice,
  reasonText,
} from '../data/fuel-format';

const phoneQuery = '(max-width: 599.98px)';

/** One fill-up as the history shows it. */
interface HistoryRow {
  log: FuelLog;
  date: string;
  /** Station and grade, when known. */
  where?: string;
  odometer: string;
  quantity: string;
  price: string;
  total: string;
  economy?: string;
  reason?: string;
  actionsLabel: string;
}

/**
 * A vehicle's fill-ups, newest first: a table on wide screens, a list on phones. Each shows its
 * economy, or in plain words why it has none; Edit opens the form, Delete is the parent's (Undo).
 */
@Component({
  selector: 'mvp-fuel-history',
  imports: [MatIcon, MatIconButton, MatMenu, MatMenuItem, MatMenuTrigger, NgTemplateOutlet, RouterLink],
  templateUrl: './fuel-history.html',
  styleUrl: './fuel-history.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FuelHistory {
  private readonly breakpoints = inject(BreakpointObserver);

  readonly logs = input.required<FuelLog[]>();
  readonly odometerUnit = input.required<string>();
  readonly locale = input<string>();
  readonly timeZone = input<string>();
  readonly deleteRequested = output<FuelLog>();

  protected readonly isPhone = toSignal(this.breakpoints.observe(phoneQuery).pipe(map((state) => state.matches)), {
    initialValue: this.breakpoints.isMatched(phoneQuery),
  });

  protected readonly rows = computed<HistoryRow[]>(() => {
    const locale = this.locale();
    const timeZone = this.timeZone();
    return this.logs().map((log) => {
      const date = formatFilledAt(log.filledAt, locale, timeZone);
      const odometer = `${formatNumber(log.odometer, locale, 0, 1)} ${this.odometerUnit()}`;
      return {
        log,
        date,
        where: [log.stationName, log.fuelGrade].filter(Boolean).join(' · ') || undefined,
        odometer,
        quantity: formatQuantity(log.quantity, log.quantityUnit, locale),
        price: formatUnitPrice(log.pricePerUnit, log.currency, log.quantityUnit, locale),
        total: formatCurrency(log.totalCost, log.currency, locale),
        economy: log.economy ? formatEconomy(log.economy, locale) : undefined,
        reason: reasonText(log),
        actionsLabel: `Actions for the fill-up of ${date} at ${odometer}`,
      };
    });
  });
}
