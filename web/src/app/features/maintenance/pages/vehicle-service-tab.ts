import { ChangeDetectionStrategy, Component, Signal, computed, inject, linkedSignal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { ROUTER_OUTLET_DATA, RouterLink } from '@angular/router';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { CurrentUser } from '../../../core/auth/current-user';
import { LoadProblem } from '../../../core/loading/load-problem';
import { LoadProgress } from '../../../core/loading/load-progress';
import { firstPage, remainingOf, withNextPage } from '../../../core/loading/load-state';
import { loader } from '../../../core/loading/loader';
import { Vehicle } from '../../vehicles';
import { ServiceFilters } from '../components/service-filters';
import { ServiceHistory } from '../components/service-history';
import { MaintenanceApi } from '../data/maintenance-api';
import { filterCategories } from '../data/maintenance-categories';
import { MaintenanceRecord } from '../data/maintenance-record';
import { MaintenanceRecordDeletion } from '../data/maintenance-record-deletion';
import { recordFormLink } from '../data/record-form-link';

const pageSize = 20;
/** How long the search waits after the last key before it asks. */
const searchPauseMs = 300;

/** The vehicle detail page's Service tab: the history, latest first, filtered, with edit and delete. */
@Component({
  selector: 'mvp-vehicle-service-tab',
  imports: [LoadProblem, LoadProgress, MatButton, MatIcon, RouterLink, ServiceFilters, ServiceHistory],
  templateUrl: './vehicle-service-tab.html',
  styleUrl: './vehicle-service-tab.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VehicleServiceTab {
  protected readonly vehicle = inject(ROUTER_OUTLET_DATA) as Signal<Vehicle>;
  private readonly api = inject(MaintenanceApi);
  private readonly deletion = inject(MaintenanceRecordDeletion);
  private readonly currentUser = inject(CurrentUser);

  protected readonly locale = computed(() => this.currentUser.me()?.locale);
  protected readonly addLink = computed(() => recordFormLink({ vehicleId: this.vehicle().id }));

  protected readonly category = signal<string | undefined>(undefined);
  protected readonly searchText = signal('');
  private readonly query = toSignal(
    toObservable(this.searchText).pipe(
      debounceTime(searchPauseMs),
      map((text) => text.trim()),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  private readonly filtered = computed(() => !!this.category() || !!this.query());

  /** The first page again for another vehicle or filter, and after a delete or restore. */
  protected readonly history = loader({
    params: () => ({
      vehicleId: this.vehicle().id,
      category: this.category(),
      q: this.query() || undefined,
      changes: this.deletion.changes(),
    }),
    request: ({ vehicleId, category, q }) => this.api.list({ vehicleId, category, q, pageSize }).pipe(map(firstPage)),
    failure: 'The service records could not be loaded.',
  });

  protected readonly records = computed(() => this.history.value()?.items);
  /** No record at all (not just none that matches). */
  protected readonly empty = computed(() => this.records()?.length === 0 && !this.filtered());
  protected readonly remaining = computed(() => remainingOf(this.history.value()));
  protected readonly count = computed(() => {
    const total = this.history.value()?.total ?? 0;
    const records = total === 1 ? '1 service record' : `${total} service records`;
    return this.filtered() ? `${records} match` : records;
  });
  /** Every category the history has shown so far, so a custom one stays in the filter once picked. */
  private readonly seenCategories = linkedSignal<MaintenanceRecord[] | undefined, string[]>({
    source: this.records,
    computation: (records, previous) => [
      ...new Set([...(previous?.value ?? []), ...(records ?? []).map((record) => record.category)]),
    ],
  });
  protected readonly categoryOptions = computed(() => filterCategories(this.seenCategories(), this.category()));

  constructor() {
    this.currentUser.ensureLoaded();
  }

  protected loadMore(): void {
    const pages = this.history.value()?.pages ?? 0;
    const { id: vehicleId } = this.vehicle();
    const more = this.api.list({
      vehicleId,
      category: this.category(),
      q: this.query() || undefined,
      pageSize,
      page: pages + 1,
    });
    this.history.extend(more, withNextPage);
  }

  protected clearFilters(): void {
    this.category.set(undefined);
    this.searchText.set('');
  }

  protected delete({ record, name }: { record: MaintenanceRecord; name: string }): void {
    this.deletion.delete(record, name).subscribe();
  }
}
