import { ChangeDetectionStrategy, Component, computed, inject, input, viewChild } from '@angular/core';
import { CurrentUser } from '../../../core/auth/current-user';
import { UploadFields } from '../data/document';
import { DocumentUploads, UploadOutcome } from '../data/document-uploads';
import { StorageUsage } from './storage-usage';
import { UploadList } from './upload-list';
import { UploadZone } from './upload-zone';

/**
 * Drop zone, file picker and camera, the storage use under them, and a row per file with its
 * progress. With `fields` (what the files attach to) each file goes at once; without them (a record
 * not saved yet) the files wait for `finish`.
 */
@Component({
  selector: 'mvp-document-uploader',
  imports: [StorageUsage, UploadList, UploadZone],
  providers: [DocumentUploads],
  template: `
    <mvp-upload-zone [label]="label()" [prompt]="prompt()" (filesPicked)="add($event)">
      @if (uploads.usage.value(); as usage) {
        <mvp-storage-usage class="usage" [usage]="usage" [locale]="locale()" />
      }
    </mvp-upload-zone>
    @if (uploads.rows().length) {
      <mvp-upload-list [rows]="uploads.rows()" [locale]="locale()" (removed)="uploads.remove($event)" />
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .usage {
      width: min(100%, 360px);
      margin-top: 8px;
      text-align: start;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentUploader {
  private readonly currentUser = inject(CurrentUser);
  private readonly zone = viewChild.required(UploadZone);
  protected readonly uploads = inject(DocumentUploads);

  /** What the files attach to, and their kind; none yet: they wait for `finish`. */
  readonly fields = input<UploadFields>();
  readonly label = input('Add documents');
  readonly prompt = input('Drag files here, or');

  protected readonly locale = computed(() => this.currentUser.me()?.locale);
  /** Files on their way or waiting. */
  readonly busy = computed(() => this.uploads.uploading() || this.uploads.queued() > 0);

  /** Opens the file picker. */
  choose(): void {
    this.zone().choose();
  }

  /** Sends what waits with `fields` (the record just saved) and resolves once every upload has ended. */
  finish(fields: UploadFields): Promise<UploadOutcome> {
    return this.uploads.finish(fields);
  }

  protected add(files: File[]): void {
    this.uploads.add(files, this.fields());
  }
}
