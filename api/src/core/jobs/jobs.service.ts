import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { pgPoolOf } from '@mvp/common';
import PgBoss from 'pg-boss';
import { DataSource, EntityManager } from 'typeorm';
import { API_CONFIG, ApiConfig } from '../config/api.config';
import { ApiMetrics } from '../metrics/api-metrics';
import type { JobQueue } from './job-queue';

/** pg-boss keeps its tables here, apart from the app's own (and migrates them itself on start). */
export const jobsSchema = 'pgboss';

export interface JobContext {
  id: string;
  queue: string;
}

export type JobHandler<Data extends object> = (data: Data, job: JobContext) => Promise<void>;

export interface WorkOptions {
  /** Jobs fetched at once; each is handled on its own (default 1). */
  batchSize?: number;
  /** How often an idle worker looks for jobs (default 2 s, at least 0.5 s). */
  pollingIntervalSeconds?: number;
}

export interface SendOptions {
  /** Not before this instant. */
  startAfter?: Date;
  /**
   * Queue the job inside this transaction: it exists only if the transaction commits (and a worker
   * sees it only after the commit).
   */
  manager?: EntityManager;
}

interface Registration {
  queue: JobQueue<object>;
  handler: JobHandler<object>;
  options: WorkOptions;
}

interface Schedule {
  queue: JobQueue<object>;
  cron: string;
  data: object;
  timeZone: string;
}

const stopTimeoutMs = 10_000;
const queueCreationLock = "hashtext('motovaultpro:job-queues')";

/**
 * Background jobs in a PostgreSQL-backed queue (pg-boss), on the app's own database and pool, so
 * they work on the embedded server and run once across several API replicas.
 *
 * Capsules register in `onModuleInit`: `jobs.work(queue, handler)` and `jobs.schedule(queue, cron)`;
 * the queue starts on application bootstrap and stops (letting running jobs finish) on shutdown.
 * With `JOBS_ENABLED=false` this process works no jobs and runs no schedules, but `send` still
 * queues jobs for the replicas that do.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly registrations: Registration[] = [];
  private readonly schedules: Schedule[] = [];
  private readonly createdQueues = new Map<string, Promise<void>>();
  private queueCreations: Promise<void> = Promise.resolve();
  private readonly workerIds = new Map<string, string[]>();
  private boss?: Promise<PgBoss>;
  private bootstrapped = false;
  readonly enabled: boolean;

  constructor(
    @Inject(API_CONFIG) config: ApiConfig,
    private readonly dataSource: DataSource,
    private readonly metrics: ApiMetrics,
  ) {
    this.enabled = config.JOBS_ENABLED;
  }

  /** Works every job of `queue` in this process (one at a time per worker); a handler that throws is retried per the queue. */
  work<Data extends object>(queue: JobQueue<Data>, handler: JobHandler<Data>, options: WorkOptions = {}): void {
    const registration = { queue, handler: handler as JobHandler<object>, options };
    this.registrations.push(registration);
    if (this.bootstrapped) void this.startWorker(registration).catch((error) => this.report(error));
  }

  /** Sends a job to `queue` at each `cron` tick (5 fields, in `timeZone`, default UTC), once across all replicas. */
  schedule<Data extends object>(queue: JobQueue<Data>, cron: string, data?: Data, timeZone = 'UTC'): void {
    const schedule = { queue, cron, data: data ?? {}, timeZone };
    this.schedules.push(schedule);
    if (this.bootstrapped) void this.startSchedule(schedule).catch((error) => this.report(error));
  }

  /** Queues a job; resolves to its id. */
  async send<Data extends object>(queue: JobQueue<Data>, data: Data, options: SendOptions = {}): Promise<string> {
    const boss = await this.started();
    await this.ensureQueue(boss, queue);
    const id = await boss.send(queue.name, data, {
      retryLimit: queue.retry.limit,
      retryDelay: queue.retry.delaySeconds,
      retryBackoff: queue.retry.backoff,
      expireInSeconds: queue.expireInSeconds,
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
      ...(options.manager ? { db: transactionDb(options.manager) } : {}),
    });
    if (!id) throw new Error(`pg-boss refused a job for ${queue.name}`);
    // A job sent in a transaction is not visible yet; workers find it on their next poll.
    if (!options.manager && !options.startAfter) {
      for (const workerId of this.workerIds.get(queue.name) ?? []) boss.notifyWorker(workerId);
    }
    return id;
  }

  /** Jobs waiting in each queue (queued, or failed and waiting for a retry), across all replicas. */
  async queueDepths(): Promise<Map<string, number>> {
    const boss = await this.started();
    // pg-boss's own queues (`__pgboss__send-it`) are its internals, not ours.
    const queues = (await boss.getQueues()).filter((queue) => !queue.name.startsWith('__pgboss__'));
    const depths = await Promise.all(
      queues.map(async (queue) => [queue.name, await boss.getQueueSize(queue.name)] as const),
    );
    return new Map(depths);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    await this.started();
    this.bootstrapped = true;
    for (const registration of this.registrations) await this.startWorker(registration);
    for (const schedule of this.schedules) await this.startSchedule(schedule);
  }

  async beforeApplicationShutdown(): Promise<void> {
    const boss = await this.boss?.catch(() => undefined);
    this.boss = undefined;
    this.bootstrapped = false;
    await boss?.stop({ graceful: true, wait: true, timeout: stopTimeoutMs, close: false });
  }

  private started(): Promise<PgBoss> {
    this.boss ??= this.start().catch((error: unknown) => {
      this.boss = undefined;
      throw error;
    });
    return this.boss;
  }

  private async start(): Promise<PgBoss> {
    const pool = pgPoolOf(this.dataSource);
    const boss = new PgBoss({
      db: { executeSql: (text, values) => pool.query(text, values) },
      schema: jobsSchema,
      // Maintenance (expiring, archiving) and cron only where jobs run.
      supervise: this.enabled,
      schedule: this.enabled,
    });
    boss.on('error', (error) => this.report(error));
    await boss.start();
    return boss;
  }

  private async startWorker({ queue, handler, options }: Registration): Promise<void> {
    const boss = await this.started();
    await this.ensureQueue(boss, queue);
    let workerId = '';
    workerId = await boss.work<object>(
      queue.name,
      { batchSize: options.batchSize ?? 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
      async (jobs) => {
        const failed: string[] = [];
        for (const job of jobs) {
          try {
            await handler(job.data, { id: job.id, queue: queue.name });
          } catch (error) {
            this.logger.warn(`Job ${job.id} of ${queue.name} failed: ${describe(error)}`);
            failed.push(job.id);
          }
        }
        if (failed.length > 0) {
          this.metrics.countJobFailures(queue.name, failed.length);
          await boss.fail(queue.name, failed);
        }
        // pg-boss waits a polling interval even after a busy fetch; look again at once while there is work.
        if (jobs.length > 0) boss.notifyWorker(workerId);
      },
    );
    this.workerIds.set(queue.name, [...(this.workerIds.get(queue.name) ?? []), workerId]);
  }

  private async startSchedule({ queue, cron, data, timeZone }: Schedule): Promise<void> {
    const boss = await this.started();
    await this.ensureQueue(boss, queue);
    await boss.schedule(queue.name, cron, data, {
      tz: timeZone,
      retryLimit: queue.retry.limit,
      retryDelay: queue.retry.delaySeconds,
      retryBackoff: queue.retry.backoff,
      expireInSeconds: queue.expireInSeconds,
    });
  }

  private ensureQueue(boss: PgBoss, queue: JobQueue<object>): Promise<void> {
    let created = this.createdQueues.get(queue.name);
    if (!created) {
      created = this.createQueueExclusively(boss, queue.name).catch((error: unknown) => {
        this.createdQueues.delete(queue.name);
        throw error;
      });
      this.createdQueues.set(queue.name, created);
    }
    return created;
  }

  /**
   * pg-boss's createQueue adds a partition to its job table without a lock of its own: replicas
   * creating queues at the same moment deadlock. So one creation at a time, in this process (a chain,
   * holding at most one extra connection) and across replicas (an advisory lock).
   */
  private createQueueExclusively(boss: PgBoss, name: string): Promise<void> {
    const creation = this.queueCreations.then(async () => {
      if (await boss.getQueue(name)) return;
      const lockHolder = await pgPoolOf(this.dataSource).connect();
      try {
        await lockHolder.query(`select pg_advisory_lock(${queueCreationLock})`);
        try {
          await boss.createQueue(name, { name });
        } finally {
          await lockHolder.query(`select pg_advisory_unlock(${queueCreationLock})`);
        }
      } finally {
        lockHolder.release();
      }
    });
    this.queueCreations = creation.catch(() => undefined);
    return creation;
  }

  private report(error: unknown): void {
    this.logger.warn(`Job queue: ${describe(error)}`);
  }
}

/** pg-boss's way into a caller's transaction: its statements run on the transaction's connection. */
function transactionDb(manager: EntityManager): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const runner = manager.queryRunner;
      if (!runner) return { rows: await manager.query(text, values) };
      const result = await runner.query(text, values, true);
      return { rows: result.records };
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
