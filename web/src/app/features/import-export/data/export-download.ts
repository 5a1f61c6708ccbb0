import { DOCUMENT } from '@angular/common';
import { HttpErrorResponse, HttpEventType } from '@angular/common/http';
import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Subscription } from 'rxjs';
import { CurrentUser } from '../../../core/auth/current-user';
import { describeError } from '../../../core/problem';
import { exportFileName } from './export-file';
import { ImportExportApi } from './import-export-api';

/**
 * "Export everything": the zip fetched with the user's token (a plain link would carry none), the
 * bytes counted as they arrive, then saved under `motovaultpro-export-YYYY-MM-DD.zip`. Provide it
 * per section: leaving the page stops a download still running.
 */
@Injectable()
export class ExportDownload {
  private readonly api = inject(ImportExportApi);
  private readonly page = inject(DOCUMENT);
  private readonly snackBar = inject(MatSnackBar);
  private readonly me = inject(CurrentUser).me;
  private running?: Subscription;

  /** Bytes received so far, while the download runs; undefined otherwise. */
  readonly received = signal<number | undefined>(undefined);
  readonly problem = signal<string | undefined>(undefined);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.running?.unsubscribe());
  }

  start(): void {
    if (this.running && !this.running.closed) return;
    this.problem.set(undefined);
    this.received.set(0);
    this.running = this.api.exportAll().subscribe({
      next: (event) => {
        if (event.type === HttpEventType.DownloadProgress) this.received.set(event.loaded);
        else if (event.type === HttpEventType.Response && event.body) this.save(event.body);
      },
      error: async (error: unknown) => {
        this.received.set(undefined);
        this.problem.set(await exportProblemText(error));
      },
      complete: () => this.received.set(undefined),
    });
  }

  cancel(): void {
    this.running?.unsubscribe();
    this.received.set(undefined);
  }

  private save(zip: Blob): void {
    const url = URL.createObjectURL(zip);
    const link = this.page.createElement('a');
    link.href = url;
    link.download = exportFileName(this.me()?.timeZone);
    link.click();
    // The browser has taken the file once the click's task is done.
    setTimeout(() => URL.revokeObjectURL(url));
    this.snackBar.open('Export downloaded', undefined, { duration: 4000 });
  }
}

/** The API's problem (a blob, as the request asked for one) or the network's, as a sentence. */
async function exportProblemText(error: unknown): Promise<string> {
  const fallback = 'The export could not be downloaded. Try again.';
  if (error instanceof HttpErrorResponse && error.error instanceof Blob) {
    try {
      const body: unknown = JSON.parse(await error.error.text());
      return describeError(new HttpErrorResponse({ error: body, status: error.status }), fallback);
    } catch {
      return fallback;
    }
  }
  return describeError(error, fallback);
}
