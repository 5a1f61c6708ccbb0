import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { UndoableDeletion } from '../../../core/undo/undoable-deletion';
import { MaintenanceRecord } from './maintenance-record';
import { MaintenanceApi } from './maintenance-api';

/** Deletes a service record with an Undo; the Service tab reloads on `changes`. */
@Injectable({ providedIn: 'root' })
export class MaintenanceRecordDeletion extends UndoableDeletion {
  private readonly api = inject(MaintenanceApi);

  /** Deletes, then offers Undo; `label` names the record ("“Oil change” of Mar 9"). Errors if the delete failed. */
  delete(record: MaintenanceRecord, label: string): Observable<void> {
    return this.deleteWithUndo(this.api.remove(record.id), () => this.api.restore(record.id), {
      deleted: `Service record ${label} deleted`,
      restored: () => `Service record ${label} restored`,
      deleteFailed: `The service record ${label} could not be deleted.`,
      restoreFailed: `The service record ${label} could not be restored.`,
    });
  }
}
