import { HttpErrorResponse, HttpEventType } from '@angular/common/http';
import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { Subscription } from 'rxjs';
import { CurrentUser } from '../../../core/auth/current-user';
import { loader } from '../../../core/loading/loader';
import { problemOf } from '../../../core/problem';
import { StoredDocument, UploadFields } from './document';
import { DocumentChanges } from './document-changes';
import { DocumentDeletion } from './document-deletion';
import { DocumentUploadApi } from './document-upload-api';
import { DocumentsApi } from './documents-api';
import { precheckUpload, uploadProblemText } from './upload-checks';

/** One picked file: waiting for its record to be saved, on its way, or refused (with why). */
export interface UploadRow {
  readonly id: number;
  readonly file: File;
  readonly state: 'queued' | 'uploading' | 'failed';
  /** Per cent sent while uploading; undefined until the browser knows. */
  readonly percent?: number;
  readonly problem?: string;
}

/** What `finish` leaves: how many files arrived, and the sentence of each that did not. */
export interface UploadOutcome {
  uploaded: number;
  failed: { fileName: string; problem: string }[];
}

interface Running {
  subscription: Subscription;
  end(document?: StoredDocument): void;
  ended: Promise<StoredDocument | undefined>;
}

/**
 * The files an uploader holds, one row each: sent at once when their fields (what they attach to)
 * are known, else queued until `finish` brings them. Each upload is its own request with its own
 * progress; cancelling unsubscribes, which aborts it. Provide it per uploader component: leaving
 * the page aborts what still runs.
 */
@Injectable()
export class DocumentUploads {
  private readonly api = inject(DocumentUploadApi);
  private readonly documentsApi = inject(DocumentsApi);
  private readonly changes = inject(DocumentChanges);
  private readonly deletion = inject(DocumentDeletion);
  private readonly currentUser = inject(CurrentUser);
  private readonly running = new Map<number, Running>();
  private nextId = 1;
  private readonly rowList = signal<readonly UploadRow[]>([]);

  readonly rows = this.rowList.asReadonly();
  readonly uploading = computed(() => this.rows().some((row) => row.state === 'uploading'));
  readonly queued = computed(() => this.rows().filter((row) => row.state === 'queued').length);
  /** The user's storage: shown under the drop zone, and checked before a file is sent. */
  readonly usage = loader({
    params: () => this.changes.count() + this.deletion.changes(),
    request: () => this.documentsApi.usage(),
    failure: 'Your storage use could not be loaded.',
  });

  constructor() {
    this.currentUser.ensureLoaded();
    inject(DestroyRef).onDestroy(() => {
      for (const { subscription, end } of this.running.values()) {
        subscription.unsubscribe();
        end();
      }
    });
  }

  /** Adds the files: sent at once with `fields`, or queued without them (a record not saved yet). */
  add(files: readonly File[], fields: UploadFields | undefined): void {
    for (const file of files) {
      const problem = precheckUpload(file, this.usage.value(), this.pendingBytes(), this.currentUser.me()?.locale);
      const row: UploadRow = { id: this.nextId++, file, state: problem ? 'failed' : 'queued', problem };
      this.rowList.update((rows) => [...rows, row]);
      if (!problem && fields) this.send(row, fields);
    }
  }

  /**
   * Sends the queued files with `fields` (the record just saved), then waits for every upload to
   * end: a form navigates away only after that, or it would abort them.
   */
  async finish(fields: UploadFields): Promise<UploadOutcome> {
    for (const row of this.rows()) if (row.state === 'queued') this.send(row, fields);
    const documents = await Promise.all([...this.running.values()].map(({ ended }) => ended));
    const failed = this.rows()
      .filter((row) => row.state === 'failed')
      .map((row) => ({ fileName: row.file.name, problem: row.problem ?? '' }));
    return { uploaded: documents.filter(Boolean).length, failed };
  }

  /** Stops an upload (the request is aborted) or drops a queued or refused file. */
  remove(id: number): void {
    const run = this.running.get(id);
    run?.subscription.unsubscribe();
    run?.end();
    this.rowList.update((rows) => rows.filter((row) => row.id !== id));
  }

  private send(row: UploadRow, fields: UploadFields): void {
    let end!: (document?: StoredDocument) => void;
    const ended = new Promise<StoredDocument | undefined>((resolve) => (end = resolve));
    const finished = (document?: StoredDocument) => {
      this.running.delete(row.id);
      end(document);
    };
    this.change(row.id, { state: 'uploading', percent: undefined, problem: undefined });
    let stored: StoredDocument | undefined;
    const subscription = this.api.upload(row.file, fields).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress && event.total) {
          this.change(row.id, { percent: Math.round((100 * event.loaded) / event.total) });
        } else if (event.type === HttpEventType.Response) {
          stored = event.body ?? undefined;
        }
      },
      error: (error: unknown) => {
        const status = error instanceof HttpErrorResponse ? error.status : -1;
        this.change(row.id, { state: 'failed', problem: uploadProblemText(status, problemOf(error)) });
        finished();
      },
      complete: () => {
        this.rowList.update((rows) => rows.filter((each) => each.id !== row.id));
        this.changes.changed();
        finished(stored);
      },
    });
    this.running.set(row.id, { subscription, end: finished, ended });
  }

  private change(id: number, change: Partial<UploadRow>): void {
    this.rowList.update((rows) => rows.map((row) => (row.id === id ? { ...row, ...change } : row)));
  }

  /** Bytes queued or on their way: they count against the quota before they arrive. */
  private pendingBytes(): number {
    return this.rows()
      .filter((row) => row.state !== 'failed')
      .reduce((sum, row) => sum + row.file.size, 0);
  }
}
