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
      @include ui.status-chip;
    }
    :host(.tone-overdue) {
      @include ui.status-tone(error);
    }
    :host(.tone-due-soon) {
      @include ui.status-tone(warning);
    }
    :host(.tone-ok) {
      @include ui.status-tone(neutral);
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
