import { Inject, Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { CacheStores, ProbeResult, readAppVersion, timedProbe } from '@mvp/common';
import { DataSource } from 'typeorm';
import { API_RUNTIME, ApiRuntime } from '../runtime';
import { pgPoolOf } from '@mvp/common';

export class ProbeReport {
  @ApiProperty({ enum: ['up', 'down'] }) status: 'up' | 'down';
  @ApiProperty({ required: false }) latencyMs?: number;
  @ApiProperty({ required: false }) error?: string;
  [detail: string]: unknown;
}

export class HealthReport {
  @ApiProperty({ enum: ['ok', 'error'] }) status: 'ok' | 'error';
  @ApiProperty() service: string;
  @ApiProperty() version: string;
  @ApiProperty({ description: 'Seconds since the process started' }) uptime: number;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/ProbeReport' } })
  checks: { database: ProbeResult; cache: ProbeResult };
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
    const status = database.status === 'up' && cache.status === 'up' ? 'ok' : 'error';
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
