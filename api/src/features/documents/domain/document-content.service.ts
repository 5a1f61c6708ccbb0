import { Inject, Injectable } from '@nestjs/common';
import type { DocumentEntity } from '../data/document.entity';
import {
  ByteRange,
  DOCUMENT_STORAGE,
  DocumentNotFoundError,
  DocumentRead,
  DocumentStorage,
  documentKey,
} from '../data/storage/document-storage';
import { fileMissing } from './document-problems';

/** The bytes of a document (`DocumentsService.get` finds the caller's), whole or a range; a file the storage has lost is a 410. */
@Injectable()
export class DocumentContentService {
  constructor(@Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage) {}

  /** `DocumentRangeError` (for a 416) when the range starts past the end. */
  async read(document: DocumentEntity, range?: ByteRange): Promise<DocumentRead> {
    try {
      return await this.storage.get(documentKey(document.userId, document.id), range);
    } catch (error) {
      if (error instanceof DocumentNotFoundError) throw fileMissing();
      throw error;
    }
  }
}
