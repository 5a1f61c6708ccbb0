import { inject, signal } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Observable, map, switchMap, tap } from 'rxjs';
import { describeError } from '../problem';

/** How long the Undo stays on screen. */
const undoMs = 10_000;

/** What the snack bars say about one record. */
export interface DeletionWording<Restored> {
  deleted: string;
  restored(restored: Restored): string;
  deleteFailed: string;
  restoreFailed: string;
}

/**
 * Delete with an Undo in a snack bar instead of a confirmation. The snack bar outlives the page
 * that asked (a delete from a detail page lands on a list), so a feature's deletion service lives
 * at the root, extends this, and tells its lists to reload through `changes`.
 */
export abstract class UndoableDeletion {
  private readonly snackBar = inject(MatSnackBar);
  private readonly changeCount = signal(0);

  /** Goes up after every delete and restore: lists reload when it does. */
  readonly changes = this.changeCount.asReadonly();

  /** Deletes, then offers Undo; emits once deleted, errors if the delete failed. */
  protected deleteWithUndo<Restored>(
    remove: Observable<unknown>,
    restore: () => Observable<Restored>,
    wording: DeletionWording<Restored>,
  ): Observable<void> {
    return remove.pipe(
      tap({
        next: () => {
          this.changed();
          this.offerUndo(restore, wording);
        },
        error: (error: unknown) => this.tellFailure(error, wording.deleteFailed),
      }),
      map((): void => undefined),
    );
  }

  private offerUndo<Restored>(restore: () => Observable<Restored>, wording: DeletionWording<Restored>): void {
    this.snackBar
      .open(wording.deleted, 'Undo', { duration: undoMs })
      .onAction()
      .pipe(switchMap(restore))
      .subscribe({
        next: (restored) => {
          this.changed();
          this.snackBar.open(wording.restored(restored), undefined, { duration: 4000 });
        },
        // The API says why (a later fill-up may now read less than this one, a VIN may be taken again).
        error: (error: unknown) => this.tellFailure(error, wording.restoreFailed),
      });
  }

  private changed(): void {
    this.changeCount.update((count) => count + 1);
  }

  private tellFailure(error: unknown, fallback: string): void {
    this.snackBar.open(describeError(error, fallback), 'Dismiss', { duration: 8000 });
  }
}
