import { ChangeDetectionStrategy, Component, computed, inject, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatStepperNext } from '@angular/material/stepper';
import { CurrentUser } from '../../../core/auth/current-user';
import { formatBytes } from '../../documents';
import { importFormats } from '../data/import-formats';
import { ImportWizard } from '../data/import-wizard';
import { UploadProgress } from './upload-progress';

/**
 * Step 2: the file. A generic CSV's header is read here (its mapping comes next and goes with the
 * upload); any other format is uploaded from here, with its progress.
 */
@Component({
  selector: 'mvp-file-step',
  imports: [MatButton, MatIcon, MatStepperNext, UploadProgress],
  template: `
    @let chosen = wizard.file();
    <p class="intro">{{ hint() }}</p>
    <input
      #picker
      class="picker"
      type="file"
      [accept]="accept()"
      (change)="picked(picker)"
      aria-label="File to import"
    />
    <div class="actions">
      <button mat-stroked-button type="button" [disabled]="wizard.upload().running" (click)="picker.click()">
        <mat-icon aria-hidden="true">upload_file</mat-icon>
        Choose file
      </button>
    </div>
    @if (chosen) {
      <p class="file">{{ chosen.name }} · {{ size() }}</p>
    }
    @if (wizard.isCsv()) {
      @if (chosen && wizard.header()?.length === 0) {
        <p class="problem" role="alert">The file’s first line has no column names: is it a CSV?</p>
      }
      <div class="actions">
        <button mat-flat-button type="button" matStepperNext [disabled]="!wizard.header()?.length">Next</button>
      </div>
    } @else {
      <div class="actions">
        <button mat-flat-button type="button" [disabled]="!chosen || wizard.upload().running" (click)="upload()">
          Upload and preview
        </button>
      </div>
      <mvp-upload-progress />
    }
  `,
  styleUrl: './import-step.scss',
  styles: `
    .picker {
      display: none;
    }
    .file {
      margin: 0;
      font: var(--mat-sys-body-large);
      overflow-wrap: anywhere;
    }
    .problem {
      margin: 0;
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FileStep {
  /** The file is uploaded and read: the preview is ready. */
  readonly uploaded = output();

  protected readonly wizard = inject(ImportWizard);
  private readonly currentUser = inject(CurrentUser);
  private readonly info = computed(() => {
    const format = this.wizard.format();
    return format ? importFormats[format] : undefined;
  });
  protected readonly hint = computed(() => this.info()?.file ?? 'Pick the format first.');
  protected readonly accept = computed(() => this.info()?.accept ?? '');
  protected readonly size = computed(() => formatBytes(this.wizard.file()?.size ?? 0, this.currentUser.me()?.locale));

  protected picked(picker: HTMLInputElement): void {
    void this.wizard.chooseFile(picker.files?.[0]);
    // Picking the same file again after a change must fire `change` again.
    picker.value = '';
  }

  protected async upload(): Promise<void> {
    if (await this.wizard.send()) this.uploaded.emit();
  }
}
