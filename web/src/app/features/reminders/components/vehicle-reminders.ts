import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCard } from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { ReminderVehicle } from '../data/reminder';
import { ReminderDialogs } from './reminder-dialogs';
import { RemindersPanel } from './reminders-panel';

/** A vehicle's reminders, with "Add from templates" and "Add reminder". */
@Component({
  selector: 'mvp-vehicle-reminders',
  imports: [MatButton, MatCard, MatIcon, RemindersPanel],
  template: `
    <mat-card appearance="outlined" class="card">
      <section aria-labelledby="vehicle-reminders-heading">
        <header class="header">
          <h2 id="vehicle-reminders-heading">Reminders</h2>
          <div class="actions">
            <button mat-stroked-button type="button" (click)="pickTemplates()">
              <mat-icon aria-hidden="true">playlist_add</mat-icon>
              Add from templates
            </button>
            <button mat-button type="button" (click)="add()">
              <mat-icon aria-hidden="true">add</mat-icon>
              Add reminder
            </button>
          </div>
        </header>
        <mvp-reminders-panel [vehicleId]="vehicle().id">
          <p empty class="empty">
            No reminders yet. Start from the usual schedules (oil, tires, inspection), or add your own.
          </p>
        </mvp-reminders-panel>
      </section>
    </mat-card>
  `,
  styles: `
    :host {
      display: block;
    }
    .card {
      padding: 16px 20px 8px;
    }
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px 16px;
      margin-bottom: 4px;
    }
    h2 {
      margin: 0;
      font: var(--mat-sys-title-medium);
      letter-spacing: var(--mat-sys-title-medium-tracking);
      color: var(--mat-sys-on-surface);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .empty {
      margin: 8px 0 12px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VehicleReminders {
  private readonly dialogs = inject(ReminderDialogs);

  readonly vehicle = input.required<ReminderVehicle>();

  protected pickTemplates(): void {
    void this.dialogs.pickTemplates(this.vehicle());
  }

  protected add(): void {
    void this.dialogs.add(this.vehicle());
  }
}
