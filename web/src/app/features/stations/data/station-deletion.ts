import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { UndoableDeletion } from '../../../core/undo/undoable-deletion';
import { Station } from './station';
import { StationsApi } from './stations-api';

/** Deletes a saved station with an Undo; the saved list reloads on `changes`. */
@Injectable({ providedIn: 'root' })
export class StationDeletion extends UndoableDeletion {
  private readonly api = inject(StationsApi);

  /** Deletes, then offers Undo; errors if the delete failed. */
  delete(station: Station): Observable<void> {
    return this.deleteWithUndo(this.api.remove(station.id), () => this.api.restore(station.id), {
      deleted: `${station.name} deleted`,
      restored: (restored) => `${restored.name} restored`,
      deleteFailed: `${station.name} could not be deleted.`,
      restoreFailed: `${station.name} could not be restored.`,
    });
  }
}
