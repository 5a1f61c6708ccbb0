import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ImportJob } from '../data/import-job';
import { PreviewFormat, previewRows } from '../data/preview-rows';

/** The first records as they will be saved, with the bad lines among them highlighted. */
@Component({
  selector: 'mvp-preview-table',
  template: `
    <div class="scroller">
      <table aria-label="Preview">
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Kind</th>
            <th scope="col">Date</th>
            <th scope="col">Vehicle</th>
            <th scope="col">Odometer</th>
            <th scope="col">Quantity</th>
            <th scope="col">Cost</th>
            <th scope="col">Title or station</th>
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.line + row.kind + $index) {
            @if (row.problems.length) {
              <tr class="bad">
                <td>{{ row.line }}</td>
                <td colspan="7">{{ row.problems.join('; ') }}</td>
              </tr>
            } @else {
              <tr>
                <td>{{ row.line }}</td>
                <td>{{ row.kind }}</td>
                <td>{{ row.date }}</td>
                <td>{{ row.vehicle }}</td>
                <td class="number">{{ row.odometer }}</td>
                <td class="number">{{ row.amount }}</td>
                <td class="number">{{ row.cost }}</td>
                <td>{{ row.detail }}</td>
              </tr>
            }
          } @empty {
            <tr>
              <td colspan="8">No records read.</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .scroller {
      overflow-x: auto;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font: var(--mat-sys-body-medium);
    }
    th,
    td {
      padding: 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: start;
      white-space: nowrap;
    }
    th {
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .number {
      text-align: end;
    }
    .bad td {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      white-space: normal;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PreviewTable {
  readonly job = input.required<ImportJob>();
  readonly format = input<PreviewFormat>({});

  protected readonly rows = computed(() => previewRows(this.job(), this.format()));
}
