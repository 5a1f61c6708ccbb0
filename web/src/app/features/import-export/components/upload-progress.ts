import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ImportWizard } from '../data/import-wizard';
import { StepProblemBox } from './step-problem-box';

/** The upload's progress (per cent sent, then "Reading the file…" while the API reads it) or its problem. */
@Component({
  selector: 'mvp-upload-progress',
  imports: [MatProgressBar, StepProblemBox],
  template: `
    @let upload = wizard.upload();
    @if (upload.running) {
      @if (upload.percent === undefined || upload.percent >= 100) {
        <mat-progress-bar mode="indeterminate" aria-label="Reading the file" />
        <p class="status" role="status">Reading the file…</p>
      } @else {
        <mat-progress-bar mode="determinate" [value]="upload.percent" aria-label="Uploading the file" />
        <p class="status" role="status">Uploading: {{ upload.percent }} %</p>
      }
    } @else if (upload.problem; as problem) {
      <mvp-step-problem-box [problem]="problem" />
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .status {
      margin: 8px 0 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UploadProgress {
  protected readonly wizard = inject(ImportWizard);
}
