import { ChangeDetectionStrategy, Component, effect, input, signal } from '@angular/core';
import type { Chart } from 'chart.js';

export interface LegendEntry {
  label: string;
  colour: string;
  /** A bar's square swatch or a line's stroke. */
  shape: 'box' | 'line';
}

/** What the legend needs of ng2-charts' `BaseChartDirective` (`#name="base-chart"`): its chart, once drawn. */
export interface ChartHolder {
  readonly chart?: Pick<Chart, 'isDatasetVisible' | 'setDatasetVisibility' | 'update'>;
}

/**
 * A chart's legend as text under it, in place of Chart.js's Legend plugin: its bytes would push the
 * shared chart chunk over its budget, and real text is read by screen readers and scales with zoom.
 * Each entry is a toggle button that hides or shows its series (the dataset at the same index), as
 * a click on Chart.js's legend does.
 */
@Component({
  selector: 'mvp-chart-legend',
  template: `
    <ul aria-label="Series shown">
      @for (entry of entries(); track entry.label) {
        <li>
          <button type="button" [attr.aria-pressed]="!hidden().has(entry.label)" (click)="toggle(entry.label)">
            <span class="swatch" [class.line]="entry.shape === 'line'" [style.background]="entry.colour"></span>
            <span class="label">{{ entry.label }}</span>
          </button>
        </li>
      }
    </ul>
  `,
  styles: `
    @use 'ui';

    ul {
      @include ui.bare-list;
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: 0 8px;
      margin-top: 4px;
    }
    button {
      @include ui.interactive;
      position: relative;
      display: flex;
      align-items: center;
      gap: 6px;
      min-height: 24px;
      padding: 2px 4px;
      overflow: hidden;
      border: 0;
      border-radius: var(--mat-sys-corner-extra-small);
      background: none;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
      cursor: pointer;
    }
    button[aria-pressed='false'] {
      .swatch {
        opacity: 0.38;
      }
      .label {
        text-decoration: line-through;
      }
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
  /** One per dataset of the chart, in its order; built from the chart's data, so new data brings new entries. */
  readonly entries = input.required<LegendEntry[]>();
  readonly chart = input.required<ChartHolder>();

  /** Labels of the series the user hid: a series keeps its state through new data and a theme switch. */
  protected readonly hidden = signal<ReadonlySet<string>>(new Set());

  constructor() {
    // Chart.js shows every series again when its datasets are replaced, which brings new entries.
    effect(() => {
      const hidden = this.hidden();
      const chart = this.chart().chart;
      if (!chart) return;
      let changed = false;
      this.entries().forEach((entry, index) => {
        const shown = !hidden.has(entry.label);
        if (chart.isDatasetVisible(index) === shown) return;
        chart.setDatasetVisibility(index, shown);
        changed = true;
      });
      if (changed) chart.update();
    });
  }

  protected toggle(label: string): void {
    this.hidden.update((hidden) => {
      const next = new Set(hidden);
      if (!next.delete(label)) next.add(label);
      return next;
    });
  }
}
