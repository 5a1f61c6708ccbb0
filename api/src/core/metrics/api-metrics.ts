import { withTimeout } from '@mvp/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** What the pg pool reports of itself (pg's `Pool`). */
export interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** How a call to the platform ended: answered, refused with a reason, or not answered at all. */
export type PlatformOutcome = 'ok' | 'invalid' | 'not_found' | 'unavailable' | 'unauthorized' | 'unreachable';

const prefix = 'motovaultpro_';
const queueReadTimeoutMs = 2_000;
const platformFailures = new Set<PlatformOutcome>(['unavailable', 'unauthorized', 'unreachable']);

/**
 * The API's Prometheus metrics, in a registry of their own (one per running API, so several can
 * share a process in tests). Labels are route patterns, queue names, platform message patterns and
 * cache key spaces: a bounded set, never ids or raw URLs.
 */
export class ApiMetrics {
  readonly registry = new Registry();
  private readonly requestDuration: Histogram<'method' | 'route' | 'status_class'>;
  private readonly requestErrors: Counter<'method' | 'route' | 'status'>;
  private readonly cacheGets: Counter<'keyspace' | 'result'>;
  private readonly platformDuration: Histogram<'pattern' | 'outcome'>;
  private readonly platformFailures: Counter<'pattern' | 'outcome'>;
  private readonly jobFailures: Counter<'queue'>;
  /** Children of the request histogram by `method route status_class`: a label lookup costs more than a Map hit. */
  private readonly requestSeries = new Map<string, ReturnType<ApiMetrics['requestDuration']['labels']>>();
  private pool?: PoolCounts;
  private queueDepths?: () => Promise<Map<string, number>>;

  constructor() {
    const registers = [this.registry];
    this.requestDuration = new Histogram({
      name: `${prefix}http_request_duration_seconds`,
      help: 'Time from request to response, by method, route pattern and status class (2xx, 4xx, ...)',
      labelNames: ['method', 'route', 'status_class'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.requestErrors = new Counter({
      name: `${prefix}http_request_errors_total`,
      help: 'Answers with a 4xx or 5xx status, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.cacheGets = new Counter({
      name: `${prefix}cache_gets_total`,
      help: 'Reads of the app cache (Redis or memory), by key space and result (hit or miss)',
      labelNames: ['keyspace', 'result'],
      registers,
    });
    this.platformDuration = new Histogram({
      name: `${prefix}platform_call_duration_seconds`,
      help: 'Calls to the platform service (catalog, VIN decoding), by message pattern and outcome',
      labelNames: ['pattern', 'outcome'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.platformFailures = new Counter({
      name: `${prefix}platform_call_failures_total`,
      help: 'Platform calls that got no usable answer (unreachable, timed out, unavailable, key refused)',
      labelNames: ['pattern', 'outcome'],
      registers,
    });
    this.jobFailures = new Counter({
      name: `${prefix}job_failures_total`,
      help: 'Background job runs whose handler failed in this process, by queue (each is retried per its queue)',
      labelNames: ['queue'],
      registers,
    });
    this.definePoolGauges(registers);
    this.defineQueueGauge(registers);
  }

  /** Node's own metrics (CPU, memory, event loop lag, GC), named `motovaultpro_process_*` and `motovaultpro_nodejs_*`. */
  collectProcessMetrics(): void {
    collectDefaultMetrics({ register: this.registry, prefix });
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    const statusClass = status >= 500 ? '5xx' : status >= 400 ? '4xx' : status >= 300 ? '3xx' : '2xx';
    const key = `${method} ${route} ${statusClass}`;
    let series = this.requestSeries.get(key);
    if (!series) {
      series = this.requestDuration.labels(method, route, statusClass);
      this.requestSeries.set(key, series);
    }
    series.observe(seconds);
    if (status >= 400) this.requestErrors.labels(method, route, String(status)).inc();
  }

  observeCacheGet(keyspace: string, hit: boolean): void {
    this.cacheGets.labels(keyspace, hit ? 'hit' : 'miss').inc();
  }

  observePlatformCall(pattern: string, outcome: PlatformOutcome, seconds: number): void {
    this.platformDuration.labels(pattern, outcome).observe(seconds);
    if (platformFailures.has(outcome)) this.platformFailures.labels(pattern, outcome).inc();
  }

  countJobFailures(queue: string, count: number): void {
    this.jobFailures.labels(queue).inc(count);
  }

  /** The pool whose connections the gauges report at each scrape. */
  watchPool(pool: PoolCounts): void {
    this.pool = pool;
  }

  /** Reads the queues' waiting jobs at each scrape. */
  watchQueues(depths: () => Promise<Map<string, number>>): void {
    this.queueDepths = depths;
  }

  private definePoolGauges(registers: Registry[]): void {
    const gauges: [name: string, help: string, read: (pool: PoolCounts) => number][] = [
      ['db_pool_connections', 'Connections the database pool holds, idle or in use', (pool) => pool.totalCount],
      ['db_pool_idle_connections', 'Connections of the database pool not in use', (pool) => pool.idleCount],
      ['db_pool_waiting_requests', 'Queries waiting for a free connection of the pool', (pool) => pool.waitingCount],
    ];
    const watchedPool = () => this.pool;
    for (const [name, help, read] of gauges) {
      new Gauge({
        name: `${prefix}${name}`,
        help,
        registers,
        collect() {
          const pool = watchedPool();
          if (pool) this.set(read(pool));
        },
      });
    }
  }

  private defineQueueGauge(registers: Registry[]): void {
    const readDepths = () => {
      const depths = this.queueDepths?.();
      return depths && withTimeout(depths, queueReadTimeoutMs, 'no answer').catch(() => undefined);
    };
    new Gauge({
      name: `${prefix}job_queue_depth`,
      help: 'Jobs waiting in each background job queue (queued or waiting for a retry), across all replicas',
      labelNames: ['queue'],
      registers,
      // A scrape while the database is away still answers in time, without this gauge.
      async collect() {
        const depths = await readDepths();
        this.reset();
        for (const [queue, depth] of depths ?? []) this.labels(queue).set(depth);
      },
    });
  }
}
