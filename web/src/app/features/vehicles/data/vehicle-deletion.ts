import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { UndoableDeletion } from '../../../core/undo/undoable-deletion';
import { Vehicle } from './vehicle';
import { VehiclesApi } from './vehicles-api';

/** Deletes a vehicle with an Undo; the garage and the detail page reload on `changes`. */
@Injectable({ providedIn: 'root' })
export class VehicleDeletion extends UndoableDeletion {
  private readonly api = inject(VehiclesApi);

  /** Deletes, then offers Undo; emits once deleted, errors if the delete failed. */
  delete(vehicle: Vehicle): Observable<void> {
    const name = `“${vehicle.displayName}”`;
    return this.deleteWithUndo(this.api.remove(vehicle.id), () => this.api.restore(vehicle.id), {
      deleted: `${name} deleted`,
      restored: (restored) => `“${restored.displayName}” is back in your garage`,
      deleteFailed: `${name} could not be deleted.`,
      restoreFailed: `${name} could not be restored.`,
    });
  }
}
