import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { Expiry } from '../data/document-format';

/** "Expired" (the error container) or "Expires soon" (the warning role), each with its own icon. */
@Component({
  selector: 'mvp-expiry-chip',
  imports: [MatIcon],
  template: `
    <mat-icon class="mvp-icon-filled" aria-hidden="true">{{
      expiry().tone === 'expired' ? 'error' : 'schedule'
    }}</mat-icon>
    <span>{{ expiry().chip }}</span>
  `,
  host: { '[class]': "'tone-' + expiry().tone" },
  styles: `
    @use 'ui';

    :host {
      @include ui.status-chip;
    }
    :host(.tone-expired) {
      @include ui.status-tone(error);
    }
    :host(.tone-soon) {
      @include ui.status-tone(warning);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExpiryChip {
  /** An expiry with a chip (expired, or soon). */
  readonly expiry = input.required<Expiry>();
}
