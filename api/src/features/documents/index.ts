/**
 * The documents capsule's public surface: `DocumentsModule` (which the app composes), its rows paged
 * through for the export (`DocumentsService.exportPage`), the storage of document bytes (`DOCUMENT_STORAGE`, `createDocumentStorage`) and the consistency check that
 * `npm run admin -- documents:check` runs.
 */
export { DocumentsModule } from './documents.module';
export { DocumentsService } from './domain/documents.service';
export { ImportedDocumentsService } from './domain/imported-documents.service';
export { documentKinds } from './data/document.entity';
export type { DocumentToImport, StagedFile } from './domain/imported-documents.service';
export {
  DOCUMENT_STORAGE,
  DocumentNotFoundError,
  DocumentRangeError,
  DocumentTooLargeError,
  InvalidDocumentKeyError,
  documentKey,
} from './data/storage/document-storage';
export type {
  ByteRange,
  DocumentRead,
  DocumentStorage,
  StoredContent,
  StoredObject,
} from './data/storage/document-storage';
export { createDocumentStorage } from './data/storage/document-storage.factory';
export { DocumentsCheck, describeDocumentsCheck } from './domain/documents-check';
export type { DocumentsCheckFinding, DocumentsCheckOptions, DocumentsCheckReport } from './domain/documents-check';
