import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom } from 'rxjs';
import { describeError } from '../../../core/problem';
import type { DocumentPreviewData } from '../components/document-preview-dialog';
import { StoredDocument } from './document';
import { DocumentChanges } from './document-changes';
import { DocumentFiles } from './document-files';
import { previewKindOf } from './document-format';

/**
 * Opens a document (the preview dialog, or a download for what browsers cannot show) and the edit
 * dialog. Each dialog is its own chunk, fetched when first opened.
 */
@Injectable({ providedIn: 'root' })
export class DocumentDialogs {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly changes = inject(DocumentChanges);

  async open(document: StoredDocument, files: DocumentFiles, locale?: string): Promise<void> {
    if (previewKindOf(document) === 'download') return this.download(document, files);
    const { DocumentPreviewDialog } = await import('../components/document-preview-dialog');
    this.dialog.open<unknown, DocumentPreviewData>(DocumentPreviewDialog, {
      width: '960px',
      maxWidth: 'calc(100vw - 32px)',
      data: { document, files, locale },
    });
  }

  download(document: StoredDocument, files: DocumentFiles): Promise<void> {
    return firstValueFrom(files.download(document)).catch((error: unknown) => {
      this.snackBar.open(describeError(error, `“${document.title}” could not be downloaded.`), 'Dismiss', {
        duration: 8000,
      });
    });
  }

  async edit(document: StoredDocument): Promise<void> {
    const { DocumentEditDialog } = await import('../components/document-edit-dialog');
    const ref = this.dialog.open<unknown, StoredDocument, StoredDocument>(DocumentEditDialog, {
      width: '560px',
      maxWidth: 'calc(100vw - 32px)',
      data: document,
    });
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    this.changes.changed();
    this.snackBar.open(`“${saved.title}” saved`, undefined, { duration: 4000 });
  }
}
