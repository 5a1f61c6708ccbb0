import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** One number of a summary: its label, the value and, under it, a note. */
export interface SummaryTile {
  label: string;
  value: string;
  /** Under the value: what it covers, or what a missing one waits for. */
  note?: string;
  /** The summary's main number, on the primary container colour. */
  lead?: boolean;
}

/** A summary in numbers (a vehicle's costs, its fuel): labelled values as tiles in a grid. */
@Component({
  selector: 'mvp-summary-tiles',
  template: `
    <dl class="tiles">
      @for (tile of tiles(); track tile.label) {
        <div class="tile" [class.lead]="tile.lead">
          <dt>{{ tile.label }}</dt>
          <dd>
            <span class="value">{{ tile.value }}</span>
            @if (tile.note) {
              <span class="note">{{ tile.note }}</span>
            }
          </dd>
        </div>
      }
    </dl>
  `,
  styles: `
    :host {
      display: block;
    }
    .tiles {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 200px), 1fr));
      gap: 12px;
      margin: 0;
      @media (max-width: 599.98px) {
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 8px;
      }
    }
    .tile {
      display: flex;
      flex-direction: column;
      gap: 4px;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container);
    }
    .lead {
      background: var(--mat-sys-primary-container);
      dt,
      .value,
      .note {
        color: var(--mat-sys-on-primary-container);
      }
    }
    dt {
      font: var(--mat-sys-label-large);
      letter-spacing: var(--mat-sys-label-large-tracking);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      display: flex;
      flex-direction: column;
      margin: 0;
    }
    .value {
      font: var(--mat-sys-title-large);
      letter-spacing: var(--mat-sys-title-large-tracking);
      color: var(--mat-sys-on-surface);
      font-variant-numeric: tabular-nums;
      overflow-wrap: anywhere;
    }
    .note {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SummaryTiles {
  readonly tiles = input.required<readonly SummaryTile[]>();
}
