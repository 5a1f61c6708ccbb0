/**
 * The documents capsule's public surface: its module, which the app composes, and the storage of
 * document bytes (`DOCUMENT_STORAGE`, a `DocumentStorage`) for tests and the admin command.
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
