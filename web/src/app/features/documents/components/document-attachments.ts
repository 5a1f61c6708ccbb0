import { ChangeDetectionStrategy, Component, computed, input, viewChild } from '@angular/core';
import { DocumentKind, DocumentLinks } from '../data/document';
import { UploadOutcome } from '../data/document-uploads';
import { AttachedDocuments } from './attached-documents';
import { DocumentUploader } from './document-uploader';

/**
 * The "Attachments" of a service record or fill-up form: what is attached, and the uploader. For a
 * record being added (`attachedTo` not known yet) the picked files wait; the form calls `finish`
 * with the saved record's id before it navigates away.
 */
@Component({
  selector: 'mvp-document-attachments',
  imports: [AttachedDocuments, DocumentUploader],
  template: `
    @if (attachedTo(); as links) {
      <mvp-attached-documents [query]="links">
        <p empty class="empty">Nothing attached yet.</p>
      </mvp-attached-documents>
    }
    <mvp-document-uploader [fields]="fields()" label="Add attachments" [prompt]="prompt()" />
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .empty {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentAttachments {
  private readonly uploader = viewChild.required(DocumentUploader);

  /** The saved record or fill-up (`{ maintenanceRecordId }`, `{ fuelLogId }`); none while adding one. */
  readonly attachedTo = input<DocumentLinks>();
  /** What the files are, unless the user changes it later. */
  readonly kind = input<DocumentKind>('receipt');
  readonly prompt = input('Drop receipts, invoices or photos here, or');

  protected readonly fields = computed(() => {
    const links = this.attachedTo();
    return links ? { ...links, kind: this.kind() } : undefined;
  });

  /** Files on their way or waiting for the record. */
  readonly busy = computed(() => this.uploader().busy());

  /** Sends what waits, attached to `links` (the record just saved); resolves once every upload has ended. */
  finish(links: DocumentLinks): Promise<UploadOutcome> {
    return this.uploader().finish({ ...links, kind: this.kind() });
  }
}
