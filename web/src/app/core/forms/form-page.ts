import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { LoadProblem } from '../loading/load-problem';
import { LoadProgress } from '../loading/load-progress';
import { Loader } from '../loading/loader';

/**
 * The frame of a form page (add or edit a record): the way back, the heading with its `[intro]`,
 * the progress of what the form needs loaded and, in place of the content, its problem. The page
 * projects its form (ending in `mvp-form-actions`) and any empty state.
 */
@Component({
  selector: 'mvp-form-page',
  imports: [LoadProblem, LoadProgress, MatButton, MatIcon, RouterLink],
  template: `
    <a mat-button class="back" [routerLink]="backLink()">
      <mat-icon aria-hidden="true">arrow_back</mat-icon>
      {{ backLabel() }}
    </a>
    <header class="mvp-page-header">
      <h1>{{ heading() }}</h1>
      <ng-content select="[intro]" />
    </header>

    <mvp-load-progress class="progress" [active]="loader().loading()" [label]="loadingLabel()" />

    @if (loader().problem()) {
      <mvp-load-problem [loader]="loader()" />
    } @else {
      <ng-content />
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .back {
      margin: -8px 0 8px -12px;
    }
    .progress {
      margin-bottom: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FormPage {
  /** Where Back and Cancel go: the screen the form was opened from. */
  readonly backLink = input.required<readonly unknown[]>();
  readonly backLabel = input.required<string>();
  readonly heading = input.required<string>();
  /** What the form needs before it shows (the user's vehicles). */
  readonly loader = input.required<Pick<Loader<unknown>, 'loading' | 'problem' | 'retry'>>();
  /** What the progress bar says while it loads. */
  readonly loadingLabel = input.required<string>();
}
