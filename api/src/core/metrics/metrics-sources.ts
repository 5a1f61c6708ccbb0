import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { pgPoolOf } from '@mvp/common';
import { DataSource } from 'typeorm';
import { JobsService } from '../jobs/jobs.service';
import { ApiMetrics } from './api-metrics';

/** Points the metrics read at each scrape at what Nest built: the pg pool under TypeORM and the job queues. */
@Injectable()
export class MetricsSources implements OnApplicationBootstrap {
  constructor(
    private readonly metrics: ApiMetrics,
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
  ) {}

  onApplicationBootstrap(): void {
    this.metrics.watchPool(pgPoolOf(this.dataSource));
    this.metrics.watchQueues(() => this.jobs.queueDepths());
  }
}
