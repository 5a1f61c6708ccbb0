import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import { CurrentUser } from '../../../core/auth/current-user';
import { StoredDocument } from '../data/document';
import { DocumentDeletion } from '../data/document-deletion';
import { DocumentDialogs } from '../data/document-dialogs';
import { DocumentFiles } from '../data/document-files';
import { Expiry, expiresSoonDays, expiryOf, formatBytes, kindLabel } from '../data/document-format';
import { DocumentThumbnail } from './document-thumbnail';
import { ExpiryChip } from './expiry-chip';

interface DocumentRow {
  document: StoredDocument;
  /** "Receipt · oil-change.jpg · 48 kB". */
  facts: string;
  expiry?: Expiry;
}

/**
 * Documents, one row each: thumbnail or icon (opens it), title, kind, file name and size, the
 * expiry (with a chip when it is close) and, with `showLinks`, the service record or fill-up it
 * belongs to. Download always; Edit and Delete (with Undo) when `editable`. Needs `DocumentFiles`
 * from its page.
 */
@Component({
  selector: 'mvp-document-list',
  imports: [DocumentThumbnail, ExpiryChip, MatIcon, MatIconButton, MatMenu, MatMenuItem, MatMenuTrigger, RouterLink],
  templateUrl: './document-list.html',
  styleUrl: './document-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentList {
  private readonly files = inject(DocumentFiles);
  private readonly dialogs = inject(DocumentDialogs);
  private readonly deletion = inject(DocumentDeletion);
  private readonly currentUser = inject(CurrentUser);

  readonly documents = input.required<readonly StoredDocument[]>();
  /** What the list is called, for screen readers: "Documents", "Attachments". */
  readonly label = input.required<string>();
  /** Today on the user's calendar ('YYYY-MM-DD'): what an expiry is measured from. */
  readonly today = input.required<string>();
  readonly locale = input<string>();
  /** Links to the service record or fill-up a document belongs to (not on that record's own form). */
  readonly showLinks = input(false);
  readonly editable = input(true);

  /** The user's due-soon days, so the chip and the due list agree. */
  private readonly soonDays = computed(() => this.currentUser.me()?.dueSoonDays ?? expiresSoonDays);

  protected readonly rows = computed<DocumentRow[]>(() =>
    this.documents().map((document) => ({
      document,
      facts: [kindLabel(document.kind), document.fileName, formatBytes(document.sizeBytes, this.locale())].join(' · '),
      expiry: expiryOf(document.expiresOn, this.today(), this.locale(), this.soonDays()),
    })),
  );

  protected open(document: StoredDocument): void {
    void this.dialogs.open(document, this.files, this.locale());
  }

  protected download(document: StoredDocument): void {
    void this.dialogs.download(document, this.files);
  }

  protected edit(document: StoredDocument): void {
    void this.dialogs.edit(document);
  }

  protected delete(document: StoredDocument): void {
    // A failure is told in the snack bar.
    this.deletion.delete(document).subscribe({ error: () => undefined });
  }
}
