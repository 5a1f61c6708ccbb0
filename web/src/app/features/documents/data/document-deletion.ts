import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { UndoableDeletion } from '../../../core/undo/undoable-deletion';
import { StoredDocument } from './document';
import { DocumentsApi } from './documents-api';

/** Deletes a document with an Undo; lists and the storage usage reload on `changes`. */
@Injectable({ providedIn: 'root' })
export class DocumentDeletion extends UndoableDeletion {
  private readonly api = inject(DocumentsApi);

  /** Deletes, then offers Undo; errors if the delete failed. */
  delete(document: StoredDocument): Observable<void> {
    const name = `“${document.title}”`;
    return this.deleteWithUndo(this.api.remove(document.id), () => this.api.restore(document.id), {
      deleted: `${name} deleted`,
      restored: (restored) => `“${restored.title}” restored`,
      deleteFailed: `${name} could not be deleted.`,
      // The API says why (the restore would go over the quota).
      restoreFailed: `${name} could not be restored.`,
    });
  }
}
