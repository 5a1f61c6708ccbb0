import type { DatabaseTarget } from '@mvp/common';
import type { DataSourceOptions } from 'typeorm';

/** TypeORM's options for the API's database; `migrations` is the app's whole list (`api/src/migrations.ts`). */
export function buildDataSourceOptions(
  target: DatabaseTarget,
  migrations: NonNullable<DataSourceOptions['migrations']>,
  onPoolError: (error: Error) => void,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: target.url,
    ...(target.ssl ? { ssl: target.ssl } : {}),
    poolSize: target.poolSize,
    extra: { connectionTimeoutMillis: 5_000 },
    poolErrorHandler: onPoolError,
    applicationName: 'motovaultpro-api',
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
  };
}
