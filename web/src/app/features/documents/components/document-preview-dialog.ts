import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { DomSanitizer } from '@angular/platform-browser';
import { Observable, catchError, from, map, of, startWith, switchMap } from 'rxjs';
import { LoadProgress } from '../../../core/loading/load-progress';
import { describeError } from '../../../core/problem';
import { StoredDocument } from '../data/document';
import { DocumentFiles } from '../data/document-files';
import { formatBytes, previewKindOf } from '../data/document-format';

export interface DocumentPreviewData {
  document: StoredDocument;
  /** The page's cache of files (the dialog shows what the page may already hold). */
  files: DocumentFiles;
  locale?: string;
}

/** The most of a text file the dialog shows; the rest is a download away. */
const textShown = 200_000;

type Shown =
  { state: 'loading' } | { state: 'failed'; problem: string } | { state: 'ready'; url: string; text?: string };

/** A document opened: an image, a PDF in the browser's viewer, or text; with Download and Close. */
@Component({
  selector: 'mvp-document-preview-dialog',
  imports: [LoadProgress, MatButton, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle, MatIcon],
  templateUrl: './document-preview-dialog.html',
  styleUrl: './document-preview-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentPreviewDialog {
  private readonly sanitizer = inject(DomSanitizer);
  protected readonly data = inject<DocumentPreviewData>(MAT_DIALOG_DATA);
  protected readonly document = this.data.document;
  protected readonly kind = previewKindOf(this.document);
  protected readonly facts = `${this.document.fileName} · ${formatBytes(this.document.sizeBytes, this.data.locale)}`;
  private readonly attempt = signal(0);
  protected readonly downloading = signal(false);
  protected readonly downloadProblem = signal<string | undefined>(undefined);

  protected readonly shown = toSignal(
    toObservable(this.attempt).pipe(switchMap(() => this.load().pipe(startWith<Shown>({ state: 'loading' })))),
    { initialValue: { state: 'loading' } as Shown },
  );
  /** Our own object URL of a PDF-typed blob: the browser's PDF viewer shows it in the frame. */
  protected readonly frameUrl = computed(() => {
    const shown = this.shown();
    return shown.state === 'ready' && this.kind === 'pdf'
      ? this.sanitizer.bypassSecurityTrustResourceUrl(shown.url)
      : undefined;
  });

  protected download(): void {
    this.downloading.set(true);
    this.downloadProblem.set(undefined);
    this.data.files.download(this.document).subscribe({
      next: () => this.downloading.set(false),
      error: (error: unknown) => {
        this.downloading.set(false);
        this.downloadProblem.set(describeError(error, 'The file could not be downloaded.'));
      },
    });
  }

  protected retry(): void {
    this.attempt.update((count) => count + 1);
  }

  private load(): Observable<Shown> {
    if (this.kind === 'download') return of<Shown>({ state: 'ready', url: '' });
    const failed = (error: unknown) =>
      of<Shown>({ state: 'failed', problem: describeError(error, 'The file could not be loaded.') });
    if (this.kind === 'text') {
      return this.data.files.content(this.document).pipe(
        switchMap((blob) => from(blob.slice(0, textShown).text())),
        map((text): Shown => ({ state: 'ready', url: '', text })),
        catchError(failed),
      );
    }
    return this.data.files.contentUrl(this.document).pipe(
      map((url): Shown => ({ state: 'ready', url })),
      catchError(failed),
    );
  }
}
