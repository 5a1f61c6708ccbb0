import { Inject, Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { EntityManager } from 'typeorm';
import { API_CONFIG, ApiConfig } from '../../../core/config/api.config';
import type { RequestScope } from '../../../core/identity/scoping/request-scope';
import type { DocumentKind } from '../data/document.entity';
import { DocumentsRepository } from '../data/documents.repository';
import { quotaExceeded } from './document-problems';
import { DocumentUploadsService, StagedFile } from './document-uploads.service';

export type { StagedFile } from './document-uploads.service';

/** A document as an export describes it, its links already the importing account's ids. */
export interface DocumentToImport {
  title: string;
  kind: DocumentKind;
  fileName: string;
  expiresOn: string | null;
  notes: string | null;
  vehicleId: string | null;
  maintenanceRecordId: string | null;
  fuelLogId: string | null;
  /** What the export said of bytes it did not hold (when `staged` is null; else the staged bytes say). */
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * Documents brought in by an import. The bytes are staged while the file is uploaded, as uploads
 * in flight owned by the import's batch (`import:<job id>`), so a restart keeps them; the rows are
 * written in the import's commit transaction, and the batch's leftovers removed when it is
 * committed or expires. A document the export had no bytes for is restored as one whose file is
 * missing, as it was.
 */
@Injectable()
export class ImportedDocumentsService {
  constructor(
    private readonly uploads: DocumentUploadsService,
    private readonly repository: DocumentsRepository,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  stage(scope: RequestScope, batch: string, fileName: string, source: Readable): Promise<StagedFile> {
    return this.uploads.stage(scope, fileName, source, ownerOf(batch));
  }

  /**
   * Writes the rows in the caller's transaction (links are not looked up again: the import made
   * them in this transaction); the quota counts them all. Returns the new ids in order.
   */
  async createWithin(
    manager: EntityManager,
    scope: RequestScope,
    documents: { staged: StagedFile | null; fields: DocumentToImport }[],
  ): Promise<string[]> {
    if (documents.length === 0) return [];
    await this.repository.lockUser(manager, scope.userId);
    const used = await this.repository.usage(scope.userId, manager);
    const adding = documents.reduce((sum, { staged }) => sum + (staged?.sizeBytes ?? 0), 0);
    if (used + adding > this.config.DOCUMENTS_QUOTA_BYTES) throw quotaExceeded(used, this.config.DOCUMENTS_QUOTA_BYTES);
    const rows = scope.of(this.repository.documents.within(manager));
    const ids: string[] = [];
    for (const { staged, fields } of documents) {
      const { mediaType, sizeBytes, sha256, fileName, ...described } = fields;
      const content = staged
        ? { fileName, mediaType: staged.mediaType, sizeBytes: staged.sizeBytes, sha256: staged.sha256 }
        : { fileName, mediaType, sizeBytes, sha256 };
      const document = await rows.create(
        { ...described, ...content, fileMissingAt: staged ? null : new Date() },
        staged?.id,
      );
      if (staged) await this.repository.endUpload(staged.id, manager);
      ids.push(document.id);
    }
    return ids;
  }

  /** Removes the batch's staged files that no row took (after its commit, or when it expires). */
  discardBatch(batch: string): Promise<number> {
    return this.uploads.discardOwnedBy(ownerOf(batch));
  }
}

const ownerOf = (batch: string) => `import:${batch}`;
