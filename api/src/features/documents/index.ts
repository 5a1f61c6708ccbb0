/**
 * The documents capsule's public surface. So far only the storage of document bytes: import
 * `DocumentsModule` and inject `DOCUMENT_STORAGE` (a `DocumentStorage`).
 */
export { DocumentsModule } from './documents.module';
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
