import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { Loader } from './loader';

/** Where a page shows why its `loader()` failed: the error icon, the sentence, and "Try again". */
@Component({
  selector: 'mvp-load-problem',
  imports: [MatButton, MatIcon],
  host: { role: 'alert' },
  template: `
    <mat-icon aria-hidden="true">error</mat-icon>
    <span>{{ loader().problem() }}</span>
    <button mat-button type="button" (click)="loader().retry()">Try again</button>
  `,
  styles: `
    @use 'ui';

    :host {
      @include ui.problem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadProblem {
  readonly loader = input.required<Pick<Loader<unknown>, 'problem' | 'retry'>>();
}
