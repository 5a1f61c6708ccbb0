import { HttpEventType } from '@angular/common/http';
import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { Subscription } from 'rxjs';
import { ColumnMapping } from './column-mapping';
import { headerOfFile } from './csv-header';
import { ImportExportApi } from './import-export-api';
import { ImportCommitResult, ImportFormat, ImportJob, ImportUploadFields } from './import-job';
import { StepProblem, importMaxBytes, stepProblemOf, tooLargeText } from './import-problems';

/** What the generic CSV's mapping step adds to the upload: the mapping and how the file writes its cells. */
export type MappingFields = Pick<ImportUploadFields, 'distanceUnit' | 'volumeUnit' | 'currency' | 'decimalComma'> & {
  mapping: ColumnMapping;
};

export interface UploadState {
  readonly running: boolean;
  /** Per cent of the file sent; undefined until the browser knows, 100 while the API reads it. */
  readonly percent?: number;
  readonly problem?: StepProblem;
}

export interface CommitState {
  readonly running: boolean;
  readonly problem?: StepProblem;
  readonly result?: ImportCommitResult;
}

/**
 * The import wizard's state, one per page: the format and vehicle, the file (and its header for a
 * generic CSV), the upload and its job (the preview), the commit and its result. Leaving the page
 * aborts an upload still running.
 */
@Injectable()
export class ImportWizard {
  private readonly api = inject(ImportExportApi);
  private running?: Subscription;

  readonly format = signal<ImportFormat | undefined>(undefined);
  /** Where records the file does not place go; '' for none. */
  readonly vehicleId = signal('');
  readonly file = signal<File | undefined>(undefined);
  /** A generic CSV's column names, read in the browser from its first line. */
  readonly header = signal<readonly string[] | undefined>(undefined);
  readonly upload = signal<UploadState>({ running: false });
  readonly job = signal<ImportJob | undefined>(undefined);
  readonly commit = signal<CommitState>({ running: false });

  readonly isCsv = computed(() => this.format() === 'csv');
  readonly committed = computed(() => this.commit().result !== undefined);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.running?.unsubscribe());
  }

  chooseFormat(format: ImportFormat): void {
    if (format === this.format()) return;
    this.format.set(format);
    this.forgetFile();
  }

  /** Another vehicle: a preview made for the one before must be uploaded again. */
  chooseVehicle(vehicleId: string): void {
    if (vehicleId === this.vehicleId()) return;
    this.vehicleId.set(vehicleId);
    this.forgetUpload();
  }

  async chooseFile(file: File | undefined): Promise<void> {
    this.forgetFile();
    this.file.set(file);
    if (file && this.isCsv()) {
      const header = await headerOfFile(file);
      if (this.file() === file) this.header.set(header);
    }
  }

  /** Sends the file with its fields; true once the API has read it (the preview is in `job`). */
  send(mapping?: MappingFields): Promise<boolean> {
    const file = this.file();
    const format = this.format();
    this.running?.unsubscribe();
    if (!file || !format) return Promise.resolve(false);
    // Our own export may be larger: it holds the documents (the API takes up to their quota more).
    if (format !== 'motovaultpro' && file.size > importMaxBytes) {
      // The API would refuse it only after the bytes, by closing the connection: a network error.
      this.upload.set({ running: false, problem: { message: tooLargeText, fields: [], lines: [] } });
      return Promise.resolve(false);
    }
    const fields: ImportUploadFields = {
      format,
      vehicleId: this.vehicleId() || undefined,
      ...mapping,
      mapping: mapping && JSON.stringify(mapping.mapping),
    };
    this.job.set(undefined);
    this.commit.set({ running: false });
    this.upload.set({ running: true });
    return new Promise((resolve) => {
      this.running = this.api.upload(file, fields).subscribe({
        next: (event) => {
          if (event.type === HttpEventType.UploadProgress && event.total) {
            this.upload.set({ running: true, percent: Math.round((100 * event.loaded) / event.total) });
          } else if (event.type === HttpEventType.Response && event.body) {
            this.job.set(event.body);
            this.upload.set({ running: false });
            resolve(true);
          }
        },
        error: (error: unknown) => {
          this.upload.set({ running: false, problem: stepProblemOf(error, 'The file could not be uploaded.') });
          resolve(false);
        },
      });
      this.running.add(() => resolve(false));
    });
  }

  /** Imports the previewed file; true once it is in (the counts are in `commit`). */
  confirm(skipBadRows: boolean, vehicleId: string): Promise<boolean> {
    const job = this.job();
    if (!job) return Promise.resolve(false);
    this.commit.set({ running: true });
    const body = { skipBadRows: skipBadRows || undefined, vehicleId: vehicleId || undefined };
    return new Promise((resolve) => {
      this.running = this.api.commit(job.id, body).subscribe({
        next: (result) => {
          this.commit.set({ running: false, result });
          resolve(true);
        },
        error: (error: unknown) => {
          this.commit.set({ running: false, problem: stepProblemOf(error, 'The file could not be imported.') });
          resolve(false);
        },
      });
    });
  }

  private forgetFile(): void {
    this.forgetUpload();
    this.file.set(undefined);
    this.header.set(undefined);
  }

  private forgetUpload(): void {
    this.running?.unsubscribe();
    this.upload.set({ running: false });
    this.job.set(undefined);
    this.commit.set({ running: false });
  }
}
