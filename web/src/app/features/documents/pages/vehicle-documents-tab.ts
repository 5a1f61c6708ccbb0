import { ChangeDetectionStrategy, Component, Signal, computed, inject, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { ROUTER_OUTLET_DATA } from '@angular/router';
import { map } from 'rxjs';
import { CurrentUser } from '../../../core/auth/current-user';
import { LoadProblem } from '../../../core/loading/load-problem';
import { LoadProgress } from '../../../core/loading/load-progress';
import { firstPage, remainingOf, withNextPage } from '../../../core/loading/load-state';
import { loader } from '../../../core/loading/loader';
import { Vehicle } from '../../vehicles';
import { DocumentList } from '../components/document-list';
import { DocumentUploader } from '../components/document-uploader';
import { todayIn } from '../../../core/calendar-day';
import { DocumentChanges } from '../data/document-changes';
import { DocumentDeletion } from '../data/document-deletion';
import { DocumentFiles } from '../data/document-files';
import { DocumentsApi } from '../data/documents-api';

const pageSize = 20;

/**
 * The vehicle detail page's Documents tab: its documents newest first (with those of its service
 * records and fill-ups), twenty at a time, and the uploader.
 */
@Component({
  selector: 'mvp-vehicle-documents-tab',
  imports: [DocumentList, DocumentUploader, LoadProblem, LoadProgress, MatButton, MatIcon],
  providers: [DocumentFiles],
  templateUrl: './vehicle-documents-tab.html',
  styleUrl: './vehicle-documents-tab.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VehicleDocumentsTab {
  protected readonly vehicle = inject(ROUTER_OUTLET_DATA) as Signal<Vehicle>;
  private readonly api = inject(DocumentsApi);
  private readonly changes = inject(DocumentChanges);
  private readonly deletion = inject(DocumentDeletion);
  private readonly currentUser = inject(CurrentUser);
  private readonly uploader = viewChild.required(DocumentUploader);

  protected readonly locale = computed(() => this.currentUser.me()?.locale);
  protected readonly today = computed(() => todayIn(this.currentUser.me()?.timeZone));
  protected readonly uploadFields = computed(() => ({ vehicleId: this.vehicle().id }));

  /** The first page again for another vehicle, and after an upload, edit, delete or restore. */
  protected readonly list = loader({
    params: () => ({ vehicleId: this.vehicle().id, changes: this.changes.count() + this.deletion.changes() }),
    request: ({ vehicleId }) => this.api.list({ vehicleId, pageSize }).pipe(map(firstPage)),
    failure: 'The documents could not be loaded.',
  });
  protected readonly documents = computed(() => this.list.value()?.items);
  protected readonly remaining = computed(() => remainingOf(this.list.value()));
  protected readonly count = computed(() => {
    const total = this.list.value()?.total ?? 0;
    return total === 1 ? '1 document' : `${total} documents`;
  });

  constructor() {
    this.currentUser.ensureLoaded();
  }

  protected choose(): void {
    this.uploader().choose();
  }

  protected loadMore(): void {
    const pages = this.list.value()?.pages ?? 0;
    this.list.extend(this.api.list({ vehicleId: this.vehicle().id, pageSize, page: pages + 1 }), withNextPage);
  }
}
