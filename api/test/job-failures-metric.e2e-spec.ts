import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { defineQueue } from '../src/core/jobs/job-queue';
import { JobsService } from '../src/core/jobs/jobs.service';
import type { RunningApi } from '../src/start-api';
import { startInProcessApi } from './support/in-process-api';
import { waitFor } from './support/local-receivers';
import { parsePrometheusText, samplesOf } from './support/prometheus-text';
import { createTestDatabase, TestDatabase } from './support/test-database';

const metricsToken = 'metrics-token-for-the-job-failures-test-0123';
const failingQueue = defineQueue<{ attempt: number }>('test.always.fails', { retry: { limit: 0 } });

@Injectable()
class FailingWorker implements OnModuleInit {
  constructor(private readonly jobs: JobsService) {}

  onModuleInit(): void {
    this.jobs.work(
      failingQueue,
      async () => {
        throw new Error('this job always fails');
      },
      { pollingIntervalSeconds: 0.5 },
    );
  }
}

@Module({ providers: [FailingWorker] })
class FailingJobModule {}

describe('metrics: job failures', () => {
  let database: TestDatabase;
  let api: RunningApi;

  beforeAll(async () => {
    database = await createTestDatabase('api_job_failures');
    api = await startInProcessApi({
      databaseUrl: database.url,
      imports: [FailingJobModule],
      jobs: true,
      env: { METRICS_TOKEN: metricsToken },
    });
  });

  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  const failuresCounted = async () => {
    const response = await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
    const samples = parsePrometheusText(await response.text());
    return samplesOf(samples, 'motovaultpro_job_failures_total', { queue: failingQueue.name }).reduce(
      (sum, sample) => sum + sample.value,
      0,
    );
  };

  it('counts each failed job under its queue', async () => {
    expect(await failuresCounted()).toBe(0);
    const jobs = api.app.get(JobsService);
    await jobs.send(failingQueue, { attempt: 1 });
    await jobs.send(failingQueue, { attempt: 2 });
    const counted = await waitFor('two failures to be counted', async () => (await failuresCounted()) >= 2 && 2);
    expect(counted).toBe(2);
    expect(await failuresCounted()).toBe(2);
  });
});
