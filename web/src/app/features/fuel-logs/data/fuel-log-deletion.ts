import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { UndoableDeletion } from '../../../core/undo/undoable-deletion';
import { FuelLog } from './fuel-log';
import { FuelLogsApi } from './fuel-logs-api';

/** Deletes a fill-up with an Undo; histories and statistics reload on `changes`. */
@Injectable({ providedIn: 'root' })
export class FuelLogDeletion extends UndoableDeletion {
  private readonly api = inject(FuelLogsApi);

  /** Deletes, then offers Undo; `label` names the fill-up ("Nov 25 fill-up"). Errors if the delete failed. */
  delete(log: FuelLog, label: string): Observable<void> {
    const named = capitalised(label);
    return this.deleteWithUndo(this.api.remove(log.id), () => this.api.restore(log.id), {
      deleted: `${named} deleted`,
      restored: () => `${named} restored`,
      deleteFailed: `The ${label} could not be deleted.`,
      restoreFailed: `The ${label} could not be restored.`,
    });
  }
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
