import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { defineQueue } from '../../../core/jobs/job-queue';
import { JobsService } from '../../../core/jobs/jobs.service';
import { ImportedDocumentsService } from '../../documents';
import { ImportJobsPurgeQuery } from '../data/import-jobs-purge.query';

export const importJobsPurgeQueue = defineQueue<Record<string, never>>('import-jobs.purge', {
  retry: { limit: 1, delaySeconds: 300 },
  expireInSeconds: 60 * 60,
});

/** Removes import jobs past their expiry, with their lines and staged documents, every hour (an expired job is already a 404). */
@Injectable()
export class ImportJobsPurgeService implements OnModuleInit {
  private readonly logger = new Logger('ImportJobsPurge');

  constructor(
    private readonly jobs: JobsService,
    private readonly query: ImportJobsPurgeQuery,
    private readonly documents: ImportedDocumentsService,
  ) {}

  onModuleInit(): void {
    this.jobs.work(importJobsPurgeQueue, async () => {
      const removed = await this.run();
      if (removed > 0) this.logger.log(`Removed ${removed} expired import job(s)`);
    });
    this.jobs.schedule(importJobsPurgeQueue, '41 * * * *');
  }

  /** The documents a job staged (our own export's) are removed first, so none outlives its job. */
  async run(now: Date = new Date()): Promise<number> {
    for (const jobId of await this.query.expiredWithFiles(now)) await this.documents.discardBatch(jobId);
    return this.query.removeExpired(now);
  }
}
