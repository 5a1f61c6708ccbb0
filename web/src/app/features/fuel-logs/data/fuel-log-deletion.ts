import { Injectable, inject, signal } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Observable, switchMap, tap } from 'rxjs';
import { describeError } from '../../../core/problem';
import { FuelLog } from './fuel-log';
import { FuelLogsApi } from './fuel-logs-api';

/** How long the Undo stays on screen. */
const undoMs = 10_000;

/**
 * Deletes a fill-up with an Undo in a snack bar instead of a confirmation. The snack bar may
 * outlive the page, so this lives at the root and tells the history to reload through `changes`.
 */
@Injectable({ providedIn: 'root' })
export class FuelLogDeletion {
  private readonly api = inject(FuelLogsApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly changeCount = signal(0);

  /** Goes up after every delete and restore: histories and statistics reload when it does. */
  readonly changes = this.changeCount.asReadonly();

  /** Deletes, then offers Undo; `label` names the fill-up ("Nov 25 fill-up"). Errors if the delete failed. */
  delete(log: FuelLog, label: string): Observable<void> {
    return this.api.remove(log.id).pipe(
      tap({
        next: () => {
          this.changeCount.update((count) => count + 1);
          this.offerUndo(log, label);
        },
        error: (error: unknown) =>
          this.snackBar.open(describeError(error, `The ${label} could not be deleted.`), 'Dismiss', {
            duration: 8000,
          }),
      }),
    );
  }

  private offerUndo(log: FuelLog, label: string): void {
    this.snackBar
      .open(`${capitalised(label)} deleted`, 'Undo', { duration: undoMs })
      .onAction()
      .pipe(switchMap(() => this.api.restore(log.id)))
      .subscribe({
        next: () => {
          this.changeCount.update((count) => count + 1);
          this.snackBar.open(`${capitalised(label)} restored`, undefined, { duration: 4000 });
        },
        // A later fill-up may now read less than this one: the API says which.
        error: (error: unknown) =>
          this.snackBar.open(describeError(error, `The ${label} could not be restored.`), 'Dismiss', {
            duration: 8000,
          }),
      });
  }
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
