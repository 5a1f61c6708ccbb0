import { ChangeDetectionStrategy, Component, input } from '@angular/core';

export interface LegendEntry {
  label: string;
  colour: string;
  /** A bar's square swatch or a line's stroke. */
  shape: 'box' | 'line';
}

/**
 * A chart's legend as text under it, in place of Chart.js's Legend plugin: its bytes would push the
 * shared chart chunk over its budget, and real text is read by screen readers and scales with zoom.
 * The canvas's own aria-label already names each series, so the list is hidden from them.
 */
@Component({
  selector: 'mvp-chart-legend',
  template: `
    <ul aria-hidden="true">
      @for (entry of entries(); track entry.label) {
        <li>
          <span class="swatch" [class.line]="entry.shape === 'line'" [style.background]="entry.colour"></span>
          {{ entry.label }}
        </li>
      }
    </ul>
  `,
  styles: `
    ul {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: 4px 16px;
      margin: 8px 0 0;
      padding: 0;
      list-style: none;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    li {
      display: flex;
      align-items: center;
      gap: 6px;
    }
    .swatch {
      width: 12px;
      height: 12px;
      border-radius: 2px;
    }
    .swatch.line {
      height: 2px;
      border-radius: 1px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChartLegend {
  readonly entries = input.required<LegendEntry[]>();
}
