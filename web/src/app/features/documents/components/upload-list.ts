import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { mediaIcon, formatBytes } from '../data/document-format';
import { UploadRow } from '../data/document-uploads';

/**
 * The files an uploader holds, one row each: its progress with Cancel while it goes (or waits for
 * its record), or why it was refused, with Dismiss.
 */
@Component({
  selector: 'mvp-upload-list',
  imports: [MatButton, MatIcon, MatIconButton, MatProgressBar],
  template: `
    <ul class="uploads" aria-label="Uploads">
      @for (row of shown(); track row.id) {
        <li class="upload" [class.failed]="row.state === 'failed'">
          <mat-icon class="icon" aria-hidden="true">{{ row.state === 'failed' ? 'error' : row.icon }}</mat-icon>
          <div class="text">
            <span class="name">{{ row.file.name }}</span>
            @switch (row.state) {
              @case ('uploading') {
                <mat-progress-bar
                  [mode]="row.percent === undefined ? 'indeterminate' : 'determinate'"
                  [value]="row.percent ?? 0"
                  [attr.aria-label]="'Uploading ' + row.file.name"
                />
                <span class="status"
                  >{{ row.size }} · {{ row.percent === undefined ? 'Starting…' : row.percent + ' %' }}</span
                >
              }
              @case ('queued') {
                <span class="status">{{ row.size }} · Uploads once you save</span>
              }
              @case ('failed') {
                <span class="status problem" role="alert">{{ row.problem }}</span>
              }
            }
          </div>
          @if (row.state === 'failed') {
            <button
              mat-icon-button
              type="button"
              [attr.aria-label]="'Dismiss ' + row.file.name"
              (click)="removed.emit(row.id)"
            >
              <mat-icon aria-hidden="true">close</mat-icon>
            </button>
          } @else {
            <button
              mat-button
              type="button"
              [attr.aria-label]="'Cancel ' + row.file.name"
              (click)="removed.emit(row.id)"
            >
              Cancel
            </button>
          }
        </li>
      }
    </ul>
  `,
  styles: `
    @use 'ui';

    .uploads {
      @include ui.bare-list;
    }
    .upload {
      @include ui.divided-row;
      gap: 12px;
      padding: 8px 0;
    }
    .icon {
      flex: none;
      color: var(--mat-sys-on-surface-variant);
    }
    .failed .icon {
      color: var(--mat-sys-error);
    }
    .text {
      @include ui.row-text;
      gap: 4px;
    }
    .name {
      overflow: hidden;
      font: var(--mat-sys-body-large);
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .status {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .problem {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UploadList {
  readonly rows = input.required<readonly UploadRow[]>();
  readonly locale = input<string>();
  /** A row's Cancel or Dismiss: its id. */
  readonly removed = output<number>();

  protected readonly shown = computed(() =>
    this.rows().map((row) => ({
      ...row,
      icon: mediaIcon(row.file.type),
      size: formatBytes(row.file.size, this.locale()),
    })),
  );
}
