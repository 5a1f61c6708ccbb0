import { Inject, Injectable } from '@nestjs/common';
import { API_CONFIG, ApiConfig } from '../../../core/config/api.config';
import type { RequestScope } from '../../../core/identity/scoping/request-scope';
import type { Page } from '../../../core/identity/scoping/user-scoped-repository';
import type { DocumentEntity } from '../data/document.entity';
import { DocumentListRepository, DocumentRow } from '../data/document-list.query';
import { DocumentsRepository } from '../data/documents.repository';
import type { DocumentFields, DocumentListQuery, DocumentUsage } from './document-fields';
import { DocumentLinksService } from './document-links.service';
import { quotaExceeded } from './document-problems';

/** A user's documents as rows: listing, describing, attaching, deleting and restoring. The bytes are `DocumentUploadsService`'s. */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly repository: DocumentsRepository,
    private readonly listed: DocumentListRepository,
    private readonly links: DocumentLinksService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** A page of the caller's documents as list rows (numbers and ISO text, ready to send). */
  async list(scope: RequestScope, query: DocumentListQuery): Promise<Page<DocumentRow>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    const { rows, total } = await this.listed.page({ ...query, userId: scope.userId, page, pageSize });
    return { items: rows, total, page, pageSize };
  }

  /** The caller's live documents in id order, up to `limit` after the id `after` (null: from the first): a keyset page for the export. */
  exportPage(scope: RequestScope, after: string | null, limit: number): Promise<DocumentEntity[]> {
    return scope.of(this.repository.documents).pageAfter(after, limit);
  }

  get(scope: RequestScope, id: string): Promise<DocumentEntity> {
    return scope.of(this.repository.documents).findOne(id);
  }

  async update(scope: RequestScope, id: string, patch: DocumentFields): Promise<DocumentEntity> {
    const documents = scope.of(this.repository.documents);
    const current = await documents.findOne(id);
    const linksChange = ['vehicleId', 'maintenanceRecordId', 'fuelLogId'].some(
      (field) => patch[field as keyof DocumentFields] !== undefined,
    );
    const links = linksChange
      ? await this.links.resolve(scope, {
          // Attached to another record or fill-up without a vehicle named: it goes with that one's vehicle.
          vehicleId: patch.vehicleId !== undefined ? patch.vehicleId : attachesAnew(patch) ? null : current.vehicleId,
          maintenanceRecordId:
            patch.maintenanceRecordId === undefined ? current.maintenanceRecordId : patch.maintenanceRecordId,
          fuelLogId: patch.fuelLogId === undefined ? current.fuelLogId : patch.fuelLogId,
        })
      : {};
    return documents.update(id, {
      ...defined({ title: patch.title, kind: patch.kind, expiresOn: patch.expiresOn, notes: patch.notes }),
      ...links,
    });
  }

  async remove(scope: RequestScope, id: string): Promise<void> {
    await scope.of(this.repository.documents).softDelete(id);
  }

  /** Brings a deleted document back while its file is kept (see the purge); it counts against the quota again. */
  async restore(scope: RequestScope, id: string): Promise<DocumentEntity> {
    return this.repository.withUserLock(scope.userId, async (manager) => {
      const documents = scope.of(this.repository.documents.within(manager));
      const before = await this.repository.usage(scope.userId, manager);
      const restored = await documents.restore(id);
      const after = await this.repository.usage(scope.userId, manager);
      // Rolled back with the transaction: a restore that would pass the quota changes nothing.
      if (after > before && after > this.config.DOCUMENTS_QUOTA_BYTES) {
        throw quotaExceeded(before, this.config.DOCUMENTS_QUOTA_BYTES);
      }
      return restored;
    });
  }

  async usage(scope: RequestScope): Promise<DocumentUsage> {
    return {
      usedBytes: await this.repository.usage(scope.userId),
      quotaBytes: this.config.DOCUMENTS_QUOTA_BYTES,
      maxFileBytes: this.config.DOCUMENTS_MAX_BYTES,
    };
  }
}

function attachesAnew(patch: DocumentFields): boolean {
  return Boolean(patch.maintenanceRecordId || patch.fuelLogId);
}

function defined<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
