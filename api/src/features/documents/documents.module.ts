import { Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { API_CONFIG, ApiConfig } from '../../core/config/api.config';
import { IdentityModule } from '../../core/identity/identity.module';
import { FuelLogsModule } from '../fuel-logs';
import { MaintenanceModule } from '../maintenance';
import { VehiclesModule } from '../vehicles';
import { DocumentsController } from './api/documents.controller';
import { DocumentEntity, DocumentThumbnailEntity, DocumentUploadEntity } from './data/document.entity';
import { DocumentListRepository } from './data/document-list.query';
import { DocumentsPurgeQuery } from './data/documents-purge.query';
import { DocumentsRepository } from './data/documents.repository';
import { createDocumentStorage } from './data/storage/document-storage.factory';
import { DOCUMENT_STORAGE, DocumentStorage } from './data/storage/document-storage';
import { DocumentContentService } from './domain/document-content.service';
import { DocumentExpiriesSource } from './domain/document-expiries.source';
import { DocumentLinksService } from './domain/document-links.service';
import { DocumentThumbnailsService } from './domain/document-thumbnails.service';
import { DocumentUploadsService } from './domain/document-uploads.service';
import { DocumentsPurgeService } from './domain/documents-purge.service';
import { DocumentsService } from './domain/documents.service';
import { ImportedDocumentsService } from './domain/imported-documents.service';

/**
 * Documents: files on disk or in S3, described in PostgreSQL, attached to vehicles, service records
 * and fill-ups. Depends on vehicles, maintenance and fuel-logs, never the reverse.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([DocumentEntity, DocumentUploadEntity, DocumentThumbnailEntity]),
    IdentityModule,
    VehiclesModule,
    MaintenanceModule,
    FuelLogsModule,
  ],
  controllers: [DocumentsController],
  providers: [
    {
      provide: DOCUMENT_STORAGE,
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig): DocumentStorage => createDocumentStorage(config),
    },
    DocumentsRepository,
    DocumentListRepository,
    DocumentsService,
    DocumentUploadsService,
    DocumentContentService,
    DocumentLinksService,
    DocumentThumbnailsService,
    DocumentExpiriesSource,
    DocumentsPurgeQuery,
    DocumentsPurgeService,
    ImportedDocumentsService,
  ],
  exports: [DOCUMENT_STORAGE, DocumentsService, ImportedDocumentsService],
})
export class DocumentsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Documents');

  constructor(@Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage) {}

  async onApplicationBootstrap(): Promise<void> {
    const removed = await this.storage.cleanTemporary();
    if (removed > 0) this.logger.log(`Removed ${removed} leftover(s) of interrupted uploads`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.storage.close();
  }
}
