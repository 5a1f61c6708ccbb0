import { ChangeDetectionStrategy, Component, Signal, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { ROUTER_OUTLET_DATA, RouterLink } from '@angular/router';
import { forkJoin, map } from 'rxjs';
import { CurrentUser } from '../../../core/auth/current-user';
import { LoadProblem } from '../../../core/loading/load-problem';
import { LoadProgress } from '../../../core/loading/load-progress';
import { firstPage, remainingOf, withNextPage } from '../../../core/loading/load-state';
import { loader } from '../../../core/loading/loader';
import { FuelCharts } from '../components/fuel-charts';
import { FuelHistory } from '../components/fuel-history';
import { FuelSummary } from '../components/fuel-summary';
import { FuelLog } from '../data/fuel-log';
import { FuelLogDeletion } from '../data/fuel-log-deletion';
import { formatShortDate } from '../data/fuel-format';
import { FuelLogsApi } from '../data/fuel-logs-api';
import { Vehicle } from '../../vehicles';

const pageSize = 50;

/** The vehicle detail page's Fuel tab: numbers, charts, and the history with edit and delete. */
@Component({
  selector: 'mvp-vehicle-fuel-tab',
  imports: [FuelCharts, FuelHistory, FuelSummary, LoadProblem, LoadProgress, MatButton, MatIcon, RouterLink],
  templateUrl: './vehicle-fuel-tab.html',
  styleUrl: './vehicle-fuel-tab.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VehicleFuelTab {
  protected readonly vehicle = inject(ROUTER_OUTLET_DATA) as Signal<Vehicle>;
  private readonly api = inject(FuelLogsApi);
  private readonly deletion = inject(FuelLogDeletion);
  private readonly currentUser = inject(CurrentUser);

  protected readonly locale = computed(() => this.currentUser.me()?.locale);
  protected readonly timeZone = computed(() => this.currentUser.me()?.timeZone);

  /** Statistics and the first page again for another vehicle, and after a delete or restore. */
  protected readonly fuel = loader({
    params: () => ({ vehicleId: this.vehicle().id, changes: this.deletion.changes() }),
    request: ({ vehicleId }) =>
      forkJoin({
        stats: this.api.vehicleStats(vehicleId),
        logs: this.api.list({ vehicleId, pageSize }).pipe(map(firstPage)),
      }),
    failure: 'The fill-ups could not be loaded.',
  });

  protected readonly stats = computed(() => this.fuel.value()?.stats);
  protected readonly logs = computed(() => this.fuel.value()?.logs.items);
  protected readonly empty = computed(() => this.logs()?.length === 0);
  protected readonly remaining = computed(() => remainingOf(this.fuel.value()?.logs));
  protected readonly count = computed(() => {
    const total = this.fuel.value()?.logs.total ?? 0;
    return total === 1 ? '1 fill-up' : `${total} fill-ups`;
  });

  constructor() {
    this.currentUser.ensureLoaded();
  }

  protected loadMore(): void {
    const pages = this.fuel.value()?.logs.pages ?? 0;
    this.fuel.extend(this.api.list({ vehicleId: this.vehicle().id, pageSize, page: pages + 1 }), (fuel, page) => ({
      ...fuel,
      logs: withNextPage(fuel.logs, page),
    }));
  }

  protected delete(log: FuelLog): void {
    const label = `fill-up of ${formatShortDate(log.filledAt, this.locale(), this.timeZone())}`;
    this.deletion.delete(log, label).subscribe();
  }
}
