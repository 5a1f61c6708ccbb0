import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { UndoableDeletion } from '../../../core/undo/undoable-deletion';
import { Reminder } from './reminder';
import { RemindersApi } from './reminders-api';

/** Deletes a reminder with an Undo; the lists reload on `ReminderChanges`. */
@Injectable({ providedIn: 'root' })
export class ReminderDeletion extends UndoableDeletion {
  private readonly api = inject(RemindersApi);

  /** Deletes, then offers Undo. Errors if the delete failed. */
  delete(reminder: Reminder): Observable<void> {
    const title = reminder.title;
    return this.deleteWithUndo(this.api.remove(reminder.id), () => this.api.restore(reminder.id), {
      deleted: `“${title}” deleted`,
      restored: () => `“${title}” restored`,
      deleteFailed: `“${title}” could not be deleted.`,
      restoreFailed: `“${title}” could not be restored.`,
    });
  }
}
