import { Injectable, computed, inject, signal } from '@angular/core';
import { ReminderDeletion } from './reminder-deletion';

/**
 * Goes up whenever reminders change here (added, edited, deleted, restored): every list of them
 * (the dashboard's, a vehicle's) reloads when it does.
 */
@Injectable({ providedIn: 'root' })
export class ReminderChanges {
  private readonly saves = signal(0);
  private readonly deletion = inject(ReminderDeletion);

  readonly version = computed(() => this.saves() + this.deletion.changes());

  saved(): void {
    this.saves.update((count) => count + 1);
  }
}
