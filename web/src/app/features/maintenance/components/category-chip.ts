import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { categoryLabel } from '../data/maintenance-categories';

/** A record's category as a small tonal label: a built-in one by name, the user's own capitalised. */
@Component({
  selector: 'mvp-category-chip',
  template: `{{ label() }}`,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      height: 24px;
      padding: 0 10px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-label-medium);
      letter-spacing: var(--mat-sys-label-medium-tracking);
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CategoryChip {
  /** The category's key, as the API stores it. */
  readonly category = input.required<string>();

  protected readonly label = computed(() => categoryLabel(this.category()));
}
