import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { LoadProblem } from '../../../core/loading/load-problem';
import { LoadProgress } from '../../../core/loading/load-progress';
import { firstPage, remainingOf, withNextPage } from '../../../core/loading/load-state';
import { loader } from '../../../core/loading/loader';
import { VehicleCard } from '../components/vehicle-card';
import { Vehicle, VehicleStatus } from '../data/vehicle';
import { VehicleDeletion } from '../data/vehicle-deletion';
import { labelOf, statusOptions } from '../data/vehicle-options';
import { VehiclesApi } from '../data/vehicles-api';

const pageSize = 50;

/** The garage: a card per vehicle, a filter by status, and the way to add one. */
@Component({
  selector: 'mvp-garage-page',
  imports: [LoadProblem, LoadProgress, MatButton, MatIcon, RouterLink, VehicleCard],
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
  /** The first page again whenever the filter changes or a vehicle is deleted or restored. */
  protected readonly garage = loader({
    params: () => ({ status: this.filter(), changes: this.deletion.changes() }),
    request: ({ status }) => this.api.list({ status, pageSize }).pipe(map(firstPage)),
    failure: 'Your vehicles could not be loaded.',
  });

  protected readonly vehicles = computed(() => this.garage.value()?.items);
  protected readonly remaining = computed(() => remainingOf(this.garage.value()));
  /** Nothing at all in the garage (not just nothing with this status). */
  protected readonly empty = computed(() => this.vehicles()?.length === 0 && !this.filter());
  protected readonly filterLabel = computed(() => labelOf(statusOptions, this.filter())?.toLowerCase());

  protected loadMore(): void {
    this.garage.extend(
      this.api.list({ status: this.filter(), pageSize, page: (this.garage.value()?.pages ?? 0) + 1 }),
      withNextPage,
    );
  }

  protected delete(vehicle: Vehicle): void {
    this.deletion.delete(vehicle).subscribe(() =>
      this.garage.update((list) => ({
        ...list,
        items: list.items.filter((each) => each.id !== vehicle.id),
        total: Math.max(0, list.total - 1),
      })),
    );
  }
}
