import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import { markDoneLink } from '../data/mark-done-link';
import { Reminder } from '../data/reminder';
import { dueText, estimatedText, scheduleText } from '../data/reminder-format';
import { ReminderChip } from './reminder-chip';

/** One reminder in a list: what, for which vehicle, when it is due and why, "Mark done", Edit and Delete. */
@Component({
  selector: 'mvp-reminder-item',
  imports: [MatButton, MatIcon, MatIconButton, MatMenu, MatMenuItem, MatMenuTrigger, ReminderChip, RouterLink],
  template: `
    @let current = reminder();
    <div class="text">
      <span class="title">{{ current.title }}</span>
      @if (showVehicle()) {
        <a class="vehicle" [routerLink]="['/vehicles', current.vehicleId]">{{ current.vehicleName }}</a>
      }
      <span class="due">{{ due() }}</span>
      @if (estimated(); as estimated) {
        <span class="estimated"><mat-icon aria-hidden="true">trending_up</mat-icon>{{ estimated }}</span>
      }
      <mvp-reminder-chip [status]="current.status" [statusReason]="current.statusReason" />
    </div>
    <div class="actions">
      <a
        mat-stroked-button
        [routerLink]="doneLink().commands"
        [queryParams]="doneLink().queryParams"
        [attr.aria-label]="'Mark ' + current.title + ' done'"
      >
        <mat-icon aria-hidden="true">task_alt</mat-icon>
        Mark done
      </a>
      <button mat-icon-button type="button" [matMenuTriggerFor]="menu" [attr.aria-label]="'More for ' + current.title">
        <mat-icon aria-hidden="true">more_vert</mat-icon>
      </button>
      <mat-menu #menu="matMenu" xPosition="before">
        <button mat-menu-item type="button" (click)="editRequested.emit(current)">
          <mat-icon aria-hidden="true">edit</mat-icon>
          <span>Edit</span>
        </button>
        <button mat-menu-item type="button" (click)="deleteRequested.emit(current)">
          <mat-icon aria-hidden="true">delete</mat-icon>
          <span>Delete</span>
        </button>
      </mat-menu>
    </div>
  `,
  styles: `
    @use 'ui';

    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px 16px;
    }
    .text {
      display: flex;
      flex: 1 1 220px;
      flex-direction: column;
      align-items: flex-start;
      gap: 2px;
      min-width: 0;
    }
    .title {
      font: var(--mat-sys-title-small);
      letter-spacing: var(--mat-sys-title-small-tracking);
      color: var(--mat-sys-on-surface);
      overflow-wrap: anywhere;
    }
    .vehicle,
    .due,
    .estimated {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
    a.vehicle {
      text-decoration: none;
      &:hover,
      &:focus-visible {
        text-decoration: underline;
      }
    }
    .estimated {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      font: var(--mat-sys-body-small);
      mat-icon {
        @include ui.icon-size(16px);
      }
    }
    mvp-reminder-chip {
      margin-top: 4px;
    }
    .actions {
      display: flex;
      flex: none;
      align-items: center;
      gap: 4px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReminderItem {
  readonly reminder = input.required<Reminder>();
  /** Across vehicles: name the reminder's vehicle. */
  readonly showVehicle = input(false);
  readonly locale = input<string>();
  readonly editRequested = output<Reminder>();
  readonly deleteRequested = output<Reminder>();

  protected readonly doneLink = computed(() => markDoneLink(this.reminder()));
  protected readonly due = computed(() =>
    [dueText(this.reminder(), this.locale()), scheduleText(this.reminder(), this.locale())].filter(Boolean).join(' · '),
  );
  protected readonly estimated = computed(() => estimatedText(this.reminder(), this.locale()));
}
