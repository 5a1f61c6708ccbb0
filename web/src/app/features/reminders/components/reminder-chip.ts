import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { ReminderStatus } from '../data/reminder';
import { capitalised, statusLook } from '../data/reminder-format';

/**
 * A reminder's status as a small tonal label: overdue red, due soon amber, ok neutral, each with
 * its own icon and the API's reason ("Overdue by 312 mi"); the status word is read out first.
 */
@Component({
  selector: 'mvp-reminder-chip',
  imports: [MatIcon],
  template: `
    <mat-icon class="mvp-icon-filled" aria-hidden="true">{{ look().icon }}</mat-icon>
    <span class="mvp-visually-hidden">{{ look().label }}:</span>
    <span>{{ reason() }}</span>
  `,
  host: { '[class]': "'tone-' + look().tone", '[attr.title]': 'look().label' },
  styles: `
    @use 'ui';

    :host {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      height: 24px;
      padding: 0 10px 0 6px;
      border-radius: var(--mat-sys-corner-small);
      font: var(--mat-sys-label-medium);
      letter-spacing: var(--mat-sys-label-medium-tracking);
      white-space: nowrap;
      mat-icon {
        @include ui.icon-size(16px);
      }
    }
    :host(.tone-overdue) {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    :host(.tone-due-soon) {
      background: var(--mvp-warning-container);
      color: var(--mvp-on-warning-container);
    }
    :host(.tone-ok) {
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReminderChip {
  readonly status = input.required<ReminderStatus>();
  /** The API's `statusReason`: "due in 400 mi". */
  readonly statusReason = input.required<string>();

  protected readonly look = computed(() => statusLook(this.status()));
  protected readonly reason = computed(() => capitalised(this.statusReason()));
}
