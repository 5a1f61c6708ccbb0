import { Injectable, signal } from '@angular/core';

/**
 * Goes up after every upload and edit (deletions and restores count in `DocumentDeletion.changes`):
 * document lists and the storage usage load again when it does.
 */
@Injectable({ providedIn: 'root' })
export class DocumentChanges {
  private readonly counter = signal(0);
  readonly count = this.counter.asReadonly();

  changed(): void {
    this.counter.update((count) => count + 1);
  }
}
