import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { DocumentFields, DocumentKind, StoredDocument } from './document';

/** What the edit dialog changes of a document: its description, never its file or links. */
export function createDocumentForm(fb: NonNullableFormBuilder, document: StoredDocument) {
  return fb.group({
    title: [document.title, [Validators.required, Validators.maxLength(200)]],
    kind: [document.kind as DocumentKind],
    expiresOn: [document.expiresOn ?? ''],
    notes: [document.notes ?? '', Validators.maxLength(2000)],
  });
}

export type DocumentForm = ReturnType<typeof createDocumentForm>;

/** The PATCH body: an emptied expiry or notes is cleared (`null`). */
export function documentPatchOf(value: DocumentForm['value']): DocumentFields {
  return {
    title: value.title?.trim(),
    kind: value.kind,
    expiresOn: value.expiresOn || null,
    notes: value.notes?.trim() || null,
  };
}
