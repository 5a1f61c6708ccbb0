import { CacheModule } from '@nestjs/cache-manager';
import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { runMigrationsExclusively } from '@mvp/common';
import { DataSource } from 'typeorm';
import { ReportCache } from './caching/report-cache';
import { API_CONFIG } from './config/api.config';
import { buildDataSourceOptions } from './database/data-source-options';
import { DataVersions } from './database/data-versions/data-versions';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';
import { JobsService } from './jobs/jobs.service';
import { ApiMetrics } from './metrics/api-metrics';
import { MetricsSources } from './metrics/metrics-sources';
import { API_RUNTIME, ApiRuntime } from './runtime';

/**
 * Cross-cutting wiring: config, database (and its data versions), caches, background jobs, health and
 * metrics, available to every capsule.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(runtime: ApiRuntime, migrations: Parameters<typeof buildDataSourceOptions>[1]): DynamicModule {
    const { config } = runtime;
    const poolLog = new Logger('Database');
    return {
      module: CoreModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...buildDataSourceOptions(runtime.database, migrations, (error) =>
              poolLog.warn(`Pool error: ${error.message}`),
            ),
            autoLoadEntities: true,
            retryAttempts: 0,
          }),
          // Migrations under a lock: replicas starting together on one database take turns.
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            try {
              await runMigrationsExclusively(dataSource);
            } catch (error) {
              await dataSource.destroy();
              throw error;
            }
            return dataSource;
          },
        }),
        CacheModule.register({ isGlobal: true, stores: [runtime.cache.keyv], ttl: config.CACHE_TTL_SECONDS * 1000 }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: API_RUNTIME, useValue: runtime },
        { provide: API_CONFIG, useValue: config },
        { provide: ApiMetrics, useValue: runtime.metrics },
        HealthService,
        JobsService,
        MetricsSources,
        DataVersions,
        {
          provide: ReportCache,
          useValue: new ReportCache({
            maxSize: config.REPORT_CACHE_MB * 1024 * 1024,
            observe: (keyspace, hit) => runtime.metrics.observeCacheGet(keyspace, hit),
          }),
        },
      ],
      exports: [API_RUNTIME, API_CONFIG, JobsService, ApiMetrics, DataVersions, ReportCache],
    };
  }
}
