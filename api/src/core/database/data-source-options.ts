import type { DatabaseTarget } from '@mvp/common';
import type { DataSourceOptions } from 'typeorm';
import { apiMigrations } from './migrations';

export function buildDataSourceOptions(target: DatabaseTarget, onPoolError: (error: Error) => void): DataSourceOptions {
  return {
    type: 'postgres',
    url: target.url,
    ...(target.ssl ? { ssl: true } : {}),
    poolSize: target.poolSize,
    extra: { connectionTimeoutMillis: 5_000 },
    poolErrorHandler: onPoolError,
    applicationName: 'motovaultpro-api',
    migrations: apiMigrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
  };
}
