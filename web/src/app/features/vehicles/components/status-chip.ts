import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { labelOf, statusOptions } from '../data/vehicle-options';
import { VehicleStatus } from '../data/vehicle';

/** Active, Stored or Sold, as a small tonal label. */
@Component({
  selector: 'mvp-status-chip',
  template: `{{ label() }}`,
  host: { '[class]': "'status-' + status()" },
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      height: 24px;
      padding: 0 10px;
      border-radius: var(--mat-sys-corner-small);
      font: var(--mat-sys-label-medium);
      letter-spacing: var(--mat-sys-label-medium-tracking);
      white-space: nowrap;
    }
    :host(.status-active) {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    :host(.status-stored) {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    :host(.status-sold) {
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusChip {
  readonly status = input.required<VehicleStatus>();
  protected readonly label = computed(() => labelOf(statusOptions, this.status()) ?? this.status());
}
