import { Inject, Injectable } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CacheStores, ProbeResult, readAppVersion, timedProbe } from '@mvp/common';
import { DataSource } from 'typeorm';
import { API_RUNTIME, ApiRuntime } from '../runtime';
import { pgPoolOf } from '@mvp/common';

export class ProbeReport {
  @ApiProperty({ enum: ['up', 'down'] }) status: 'up' | 'down';
  @ApiPropertyOptional({ description: 'Round trip of the probe, when it answered' }) latencyMs?: number;
  @ApiPropertyOptional({ description: 'Why it is down' }) error?: string;
  @ApiPropertyOptional({ enum: ['redis', 'memory'], description: 'The cache only: which store serves it' })
  store?: 'redis' | 'memory';
  [detail: string]: unknown;
}

export class HealthChecks {
  @ApiProperty({ type: ProbeReport }) database: ProbeResult;
  @ApiProperty({ type: ProbeReport }) cache: ProbeResult;
}

export class HealthReport {
  // `ok` and `degraded` (the cache is down: requests are served, uncached) are a 200; without the
  // database the report is the 503 problem's `checks`.
  @ApiProperty({ enum: ['ok', 'degraded'] }) status: 'ok' | 'degraded' | 'error';
  @ApiProperty() service: string;
  @ApiProperty() version: string;
  @ApiProperty({ description: 'Seconds since the process started' }) uptime: number;
  @ApiProperty({ type: HealthChecks }) checks: HealthChecks;
}

@Injectable()
export class HealthService {
  private readonly cache: CacheStores;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(API_RUNTIME) runtime: ApiRuntime,
  ) {
    this.cache = runtime.cache;
  }

  /** The pg pool under TypeORM: a reachability probe needs no query runner or entity events. */
  private get pool(): { query(sql: string): Promise<unknown> } {
    return pgPoolOf(this.dataSource);
  }

  async check(): Promise<HealthReport> {
    const [database, cache] = await Promise.all([
      timedProbe(() => this.pool.query('select 1'), 2_000),
      this.cache.probe(),
    ]);
    const status = database.status === 'down' ? 'error' : cache.status === 'down' ? 'degraded' : 'ok';
    return {
      status,
      service: 'api',
      version: appVersion,
      uptime: Math.round(process.uptime()),
      checks: { database, cache },
    };
  }
}

const appVersion = readAppVersion('api');
