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
    :host(.tone-expired) {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    :host(.tone-soon) {
      background: var(--mvp-warning-container);
      color: var(--mvp-on-warning-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExpiryChip {
  /** An expiry with a chip (expired, or soon). */
  readonly expiry = input.required<Expiry>();
}
