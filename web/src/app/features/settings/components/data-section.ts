import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatCard } from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { CurrentUser } from '../../../core/auth/current-user';
import { formatBytes } from '../../documents';
import { ExportDownload } from '../../import-export';

/** Your data: "Export everything" (the zip, with the bytes received so far) and the way to the import wizard. */
@Component({
  selector: 'mvp-data-section',
  imports: [MatAnchor, MatButton, MatCard, MatIcon, MatProgressBar, RouterLink],
  providers: [ExportDownload],
  template: `
    <section aria-labelledby="data-settings-heading">
      <mat-card appearance="outlined">
        <h2 id="data-settings-heading">Your data</h2>
        <p class="section-intro">Take everything with you, or bring history over from another app.</p>
        <div class="row">
          <span class="row-label">
            Export everything
            <span class="row-hint">One zip: all your records as JSON and spreadsheets, and your documents.</span>
          </span>
          @if (download.received() === undefined) {
            <button mat-stroked-button type="button" (click)="download.start()">
              <mat-icon aria-hidden="true">download</mat-icon>
              Export everything
            </button>
          } @else {
            <button mat-button type="button" (click)="download.cancel()">Cancel export</button>
          }
        </div>
        @if (download.received() !== undefined) {
          <mat-progress-bar mode="indeterminate" aria-label="Downloading the export" />
          <p class="status" role="status">Downloading: {{ received() }} so far</p>
        }
        @if (download.problem(); as problem) {
          <p class="problem" role="alert">{{ problem }}</p>
        }
        <div class="row">
          <span class="row-label">
            Import
            <span class="row-hint"
              >Fill-ups and service records from Fuelly, LubeLogger, Fuelio, Drivvo, Hammond or a CSV.</span
            >
          </span>
          <a mat-stroked-button routerLink="/import">
            <mat-icon aria-hidden="true">upload_file</mat-icon>
            Import from another app
          </a>
        </div>
      </mat-card>
    </section>
  `,
  styleUrl: './settings-section.scss',
  styles: `
    .status {
      margin: 8px 0 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .problem {
      margin: 8px 0 0;
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DataSection {
  protected readonly download = inject(ExportDownload);
  private readonly me = inject(CurrentUser).me;
  protected readonly received = computed(() => formatBytes(this.download.received() ?? 0, this.me()?.locale));
}
