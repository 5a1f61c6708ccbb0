/**
 * The documents feature's public surface for other web features: the "Attachments" section of the
 * service record and fill-up forms, the attachments a record shows, and the storage use (Settings).
 * (The vehicle page's Documents tab loads `pages/vehicle-documents-tab` lazily, by a dynamic import
 * that stays a split point.)
 */
export { AttachedDocuments } from './components/attached-documents';
export { DocumentAttachments } from './components/document-attachments';
export { StorageUsage } from './components/storage-usage';
export { DocumentsApi } from './data/documents-api';
export type { DocumentLinks, DocumentUsage } from './data/document';
export type { UploadOutcome } from './data/document-uploads';
export { attachmentFailureText } from './data/upload-outcome';
export { formatBytes } from './data/document-format';
