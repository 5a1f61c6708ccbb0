import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom } from 'rxjs';
import { Reminder, ReminderVehicle } from '../data/reminder';
import { ReminderChanges } from '../data/reminder-changes';
import type { ReminderFormData } from './reminder-form-dialog';

const dialogSize = { width: '640px', maxWidth: 'calc(100vw - 32px)' };

/**
 * Opens the template picker and the reminder form. Each dialog is its own chunk, fetched when first
 * opened, so the dashboard and the vehicle page carry only the lists. Lists reload after a save.
 */
@Injectable({ providedIn: 'root' })
export class ReminderDialogs {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly changes = inject(ReminderChanges);

  async pickTemplates(vehicle: ReminderVehicle): Promise<void> {
    const { TemplatePickerDialog } = await import('./template-picker-dialog');
    const ref = this.dialog.open<unknown, ReminderVehicle, Reminder[]>(TemplatePickerDialog, {
      ...dialogSize,
      data: vehicle,
      autoFocus: 'dialog',
    });
    const added = await firstValueFrom(ref.afterClosed());
    if (!added?.length) return;
    this.changes.saved();
    this.snackBar.open(added.length === 1 ? '1 reminder added' : `${added.length} reminders added`, undefined, {
      duration: 4000,
    });
  }

  add(vehicle: ReminderVehicle): Promise<void> {
    return this.openForm({ vehicle });
  }

  edit(reminder: Reminder): Promise<void> {
    const vehicle = { id: reminder.vehicleId, displayName: reminder.vehicleName, odometerUnit: reminder.odometerUnit };
    return this.openForm({ vehicle, reminder });
  }

  private async openForm(data: ReminderFormData): Promise<void> {
    const { ReminderFormDialog } = await import('./reminder-form-dialog');
    const ref = this.dialog.open<unknown, ReminderFormData, Reminder>(ReminderFormDialog, { ...dialogSize, data });
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    this.changes.saved();
    this.snackBar.open(`“${saved.title}” ${data.reminder ? 'saved' : 'added'} · ${saved.statusReason}`, undefined, {
      duration: 4000,
    });
  }
}
