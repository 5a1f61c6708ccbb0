import { Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { API_CONFIG, ApiConfig } from '../../core/config/api.config';
import { createDocumentStorage } from './data/storage/document-storage.factory';
import { DOCUMENT_STORAGE, DocumentStorage } from './data/storage/document-storage';

/** Documents: for now the storage of their bytes (disk or S3), cleaned of interrupted uploads at start. */
@Module({
  providers: [
    {
      provide: DOCUMENT_STORAGE,
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig): DocumentStorage => createDocumentStorage(config),
    },
  ],
  exports: [DOCUMENT_STORAGE],
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
