import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { API_CONFIG, ApiConfig } from '../../../core/config/api.config';
import { defineQueue } from '../../../core/jobs/job-queue';
import { JobsService } from '../../../core/jobs/jobs.service';
import { DocumentsPurgeQuery, PurgeableDocument } from '../data/documents-purge.query';
import { DOCUMENT_STORAGE, DocumentStorage, documentKey } from '../data/storage/document-storage';

export const documentsPurgeQueue = defineQueue<Record<string, never>>('documents.purge', {
  retry: { limit: 1, delaySeconds: 300 },
  expireInSeconds: 60 * 60,
});

export interface PurgeRun {
  purged: number;
  /** Documents whose bytes or row could not be removed this time: they stay for the next run. */
  failed: number;
}

/**
 * Deletes for good what was deleted more than `DOCUMENTS_RETENTION_DAYS` ago: the bytes first, then
 * the row, in the transaction that holds the row. A failure in between leaves a row without bytes,
 * still deleted, which the next run takes again (deleting missing bytes is fine); never bytes
 * without a row. Several replicas running it at once each take other rows.
 */
@Injectable()
export class DocumentsPurgeService implements OnModuleInit {
  private readonly logger = new Logger('DocumentsPurge');

  constructor(
    private readonly jobs: JobsService,
    private readonly query: DocumentsPurgeQuery,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.work(documentsPurgeQueue, async () => {
      const run = await this.run();
      if (run.purged > 0) this.logger.log(`Purged ${run.purged} document(s) deleted more than the retention ago`);
      if (run.failed > 0) throw new Error(`${run.failed} document(s) could not be purged; they are tried again`);
    });
    // Retention is counted in days: hourly keeps a file at most an hour past it, and an hour with
    // nothing to purge costs one query on a partial index. Off the full hour, away from other jobs.
    this.jobs.schedule(documentsPurgeQueue, '23 * * * *');
  }

  async run(): Promise<PurgeRun> {
    const result: PurgeRun = { purged: 0, failed: 0 };
    const passedOver: string[] = [];
    for (;;) {
      let claimed: PurgeableDocument | undefined;
      try {
        const purged = await this.query.claimPurgeable(
          this.config.DOCUMENTS_RETENTION_DAYS,
          passedOver,
          async (document, manager) => {
            claimed = document;
            await this.storage.delete(documentKey(document.userId, document.id));
            await this.query.deleteForGood(manager, document.id);
          },
        );
        if (!purged) return result;
        result.purged += 1;
      } catch (error) {
        if (!claimed) throw error;
        passedOver.push(claimed.id);
        result.failed += 1;
        this.logger.warn(`Purging document ${claimed.id} failed: ${(error as Error).message}`);
      }
    }
  }
}
