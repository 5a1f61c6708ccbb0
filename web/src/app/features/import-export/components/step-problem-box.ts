import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { StepProblem } from '../data/import-problems';

/** A refused upload or commit: the API's sentence, then each field or line it names. */
@Component({
  selector: 'mvp-step-problem-box',
  template: `
    @let shown = problem();
    <div class="problem" role="alert">
      <p>{{ shown.message }}</p>
      @if (shown.fields.length || shown.lines.length) {
        <ul>
          @for (field of shown.fields; track $index) {
            <li>{{ field }}</li>
          }
          @for (line of shown.lines; track $index) {
            <li>Line {{ line.line }}, {{ line.field }}: {{ line.message }}</li>
          }
        </ul>
      }
    </div>
  `,
  styles: `
    .problem {
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font: var(--mat-sys-body-medium);
    }
    p {
      margin: 0;
    }
    ul {
      margin: 8px 0 0;
      padding-left: 20px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StepProblemBox {
  readonly problem = input.required<StepProblem>();
}
