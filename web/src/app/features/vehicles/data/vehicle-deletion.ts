import { Injectable, inject, signal } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Observable, switchMap, tap } from 'rxjs';
import { describeError } from '../../../core/problem';
import { Vehicle } from './vehicle';
import { VehiclesApi } from './vehicles-api';

/** How long the Undo stays on screen. */
const undoMs = 10_000;

/**
 * Deletes a vehicle with an Undo in a snack bar instead of a confirmation. The snack bar outlives
 * the page (a delete from the detail page lands on the garage), so this lives at the root and
 * tells lists to reload through `changes`.
 */
@Injectable({ providedIn: 'root' })
export class VehicleDeletion {
  private readonly api = inject(VehiclesApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly changeCount = signal(0);

  /** Goes up after every delete and restore: lists of vehicles reload when it does. */
  readonly changes = this.changeCount.asReadonly();

  /** Deletes, then offers Undo; completes once deleted, errors if the delete failed. */
  delete(vehicle: Vehicle): Observable<void> {
    return this.api.remove(vehicle.id).pipe(
      tap({
        next: () => {
          this.changeCount.update((count) => count + 1);
          this.offerUndo(vehicle);
        },
        error: (error: unknown) =>
          this.snackBar.open(describeError(error, `“${vehicle.displayName}” could not be deleted.`), 'Dismiss', {
            duration: 8000,
          }),
      }),
    );
  }

  private offerUndo(vehicle: Vehicle): void {
    this.snackBar
      .open(`“${vehicle.displayName}” deleted`, 'Undo', { duration: undoMs })
      .onAction()
      .pipe(switchMap(() => this.api.restore(vehicle.id)))
      .subscribe({
        next: (restored) => {
          this.changeCount.update((count) => count + 1);
          this.snackBar.open(`“${restored.displayName}” is back in your garage`, undefined, { duration: 4000 });
        },
        error: (error: unknown) =>
          this.snackBar.open(describeError(error, `“${vehicle.displayName}” could not be restored.`), 'Dismiss', {
            duration: 8000,
          }),
      });
  }
}
