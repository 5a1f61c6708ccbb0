import { ChangeDetectionStrategy, Component, Signal, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ROUTER_OUTLET_DATA, RouterLink } from '@angular/router';
import { catchError, forkJoin, map, of, startWith, switchMap } from 'rxjs';
import { CurrentUser } from '../../../core/auth/current-user';
import { describeError } from '../../../core/problem';
import { FuelCharts } from '../components/fuel-charts';
import { FuelHistory } from '../components/fuel-history';
import { FuelSummary } from '../components/fuel-summary';
import { FuelLog, FuelStats } from '../data/fuel-log';
import { FuelLogDeletion } from '../data/fuel-log-deletion';
import { formatShortDate } from '../data/fuel-format';
import { FuelLogsApi } from '../data/fuel-logs-api';
import { Vehicle } from '../../vehicles';

const pageSize = 50;

interface FuelTabState {
  stats?: FuelStats;
  logs?: FuelLog[];
  total: number;
  /** Pages of `pageSize` loaded so far. */
  pages: number;
  loading: boolean;
  problem?: string;
}

/** The vehicle detail page's Fuel tab: numbers, charts, and the history with edit and delete. */
@Component({
  selector: 'mvp-vehicle-fuel-tab',
  imports: [FuelCharts, FuelHistory, FuelSummary, MatButton, MatIcon, MatProgressBar, RouterLink],
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

  private readonly retries = signal(0);
  private readonly state = signal<FuelTabState>({ total: 0, pages: 0, loading: true });
  private readonly loadingMore = signal(false);

  protected readonly stats = computed(() => this.state().stats);
  protected readonly logs = computed(() => this.state().logs);
  protected readonly loading = computed(() => this.state().loading || this.loadingMore());
  protected readonly problem = computed(() => this.state().problem);
  protected readonly empty = computed(() => this.state().logs?.length === 0);
  protected readonly remaining = computed(() => this.state().total - (this.logs()?.length ?? 0));
  protected readonly count = computed(() => {
    const total = this.state().total;
    return total === 1 ? '1 fill-up' : `${total} fill-ups`;
  });

  constructor() {
    this.currentUser.ensureLoaded();
    // Statistics and the first page again for another vehicle, after a delete or restore, or on retry.
    toObservable(
      computed(() => ({ vehicleId: this.vehicle().id, changes: this.deletion.changes(), retries: this.retries() })),
    )
      .pipe(
        switchMap(({ vehicleId }) =>
          forkJoin({
            stats: this.api.vehicleStats(vehicleId),
            page: this.api.list({ vehicleId, pageSize }),
          }).pipe(
            map(({ stats, page }): Partial<FuelTabState> => ({
              stats,
              logs: page.items,
              total: page.total,
              pages: 1,
              loading: false,
              problem: undefined,
            })),
            catchError((error: unknown) =>
              of<Partial<FuelTabState>>({
                problem: describeError(error, 'The fill-ups could not be loaded.'),
                loading: false,
              }),
            ),
            startWith<Partial<FuelTabState>>({ loading: true }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((next) => this.state.update((state) => ({ ...state, ...next })));
  }

  protected retry(): void {
    this.retries.update((count) => count + 1);
  }

  protected loadMore(): void {
    if (this.loadingMore()) return;
    this.loadingMore.set(true);
    this.api.list({ vehicleId: this.vehicle().id, pageSize, page: this.state().pages + 1 }).subscribe({
      next: (page) => {
        this.state.update((state) => {
          const shown = new Set(state.logs?.map((log) => log.id));
          const added = page.items.filter((log) => !shown.has(log.id));
          return { ...state, logs: [...(state.logs ?? []), ...added], total: page.total, pages: page.page };
        });
        this.loadingMore.set(false);
      },
      error: () => this.loadingMore.set(false),
    });
  }

  protected delete(log: FuelLog): void {
    const label = `fill-up of ${formatShortDate(log.filledAt, this.locale(), this.timeZone())}`;
    this.deletion.delete(log, label).subscribe();
  }
}
