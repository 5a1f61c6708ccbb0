import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';

/**
 * The progress bar of a page, section or card that loads. It keeps its 4px whether or not a load
 * runs, so nothing below it jumps.
 */
@Component({
  selector: 'mvp-load-progress',
  imports: [MatProgressBar],
  template: `
    @if (active()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="label()" />
    }
  `,
  styles: `
    :host {
      display: block;
      height: 4px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadProgress {
  readonly active = input.required<boolean>();
  /** What the bar says while it runs: "Loading your vehicles". */
  readonly label = input.required<string>();
}
