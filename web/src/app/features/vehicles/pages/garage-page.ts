import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { describeError } from '../../../core/problem';
import { VehicleCard } from '../components/vehicle-card';
import { Vehicle, VehicleStatus } from '../data/vehicle';
import { VehicleDeletion } from '../data/vehicle-deletion';
import { labelOf, statusOptions } from '../data/vehicle-options';
import { VehiclesApi } from '../data/vehicles-api';

const pageSize = 50;

interface GarageState {
  vehicles?: Vehicle[];
  total: number;
  /** Pages of `pageSize` loaded so far. */
  pages: number;
  loading: boolean;
  problem?: string;
}

/** The garage: a card per vehicle, a filter by status, and the way to add one. */
@Component({
  selector: 'mvp-garage-page',
  imports: [MatButton, MatIcon, MatProgressBar, RouterLink, VehicleCard],
  templateUrl: './garage-page.html',
  styleUrl: './garage-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GaragePage {
  private readonly api = inject(VehiclesApi);
  private readonly deletion = inject(VehicleDeletion);

  /** `?status=`, bound by the router. */
  readonly status = input<string>();

  /** The filter's segments: links (`?status=`), so a filtered garage can be bookmarked. */
  protected readonly filterOptions: { value: VehicleStatus | undefined; label: string }[] = [
    { value: undefined, label: 'All' },
    ...statusOptions,
  ];
  protected readonly filter = computed(() =>
    statusOptions.some((option) => option.value === this.status()) ? (this.status() as VehicleStatus) : undefined,
  );
  private readonly retries = signal(0);
  private readonly state = signal<GarageState>({ total: 0, pages: 0, loading: true });
  private readonly loadingMore = signal(false);

  protected readonly vehicles = computed(() => this.state().vehicles);
  protected readonly loading = computed(() => this.state().loading || this.loadingMore());
  protected readonly problem = computed(() => this.state().problem);
  protected readonly remaining = computed(() => this.state().total - (this.vehicles()?.length ?? 0));
  /** Nothing at all in the garage (not just nothing with this status). */
  protected readonly empty = computed(() => this.vehicles()?.length === 0 && !this.filter());
  protected readonly filterLabel = computed(() => labelOf(statusOptions, this.filter())?.toLowerCase());

  constructor() {
    // The first page again whenever the filter changes, a vehicle is deleted or restored, or on retry.
    toObservable(computed(() => ({ status: this.filter(), changes: this.deletion.changes(), retries: this.retries() })))
      .pipe(
        switchMap(({ status }) =>
          this.api.list({ status, pageSize }).pipe(
            map((page): Partial<GarageState> => ({
              vehicles: page.items,
              total: page.total,
              pages: 1,
              loading: false,
            })),
            catchError((error: unknown) =>
              of<Partial<GarageState>>({
                problem: describeError(error, 'Your vehicles could not be loaded.'),
                loading: false,
              }),
            ),
            startWith<Partial<GarageState>>({ loading: true, problem: undefined }),
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
    this.api.list({ status: this.filter(), pageSize, page: this.state().pages + 1 }).subscribe({
      next: (page) => {
        this.state.update((state) => {
          const shown = new Set(state.vehicles?.map((vehicle) => vehicle.id));
          const added = page.items.filter((vehicle) => !shown.has(vehicle.id));
          return { ...state, vehicles: [...(state.vehicles ?? []), ...added], total: page.total, pages: page.page };
        });
        this.loadingMore.set(false);
      },
      error: () => this.loadingMore.set(false),
    });
  }

  protected delete(vehicle: Vehicle): void {
    this.deletion.delete(vehicle).subscribe(() =>
      this.state.update((state) => ({
        ...state,
        vehicles: state.vehicles?.filter((each) => each.id !== vehicle.id),
        total: Math.max(0, state.total - 1),
      })),
    );
  }
}
