import type { DatabaseTarget } from '@mvp/common';
import { DataSource } from 'typeorm';
import { platformMigrations } from './migrations';

/** TypeORM only runs the platform's migrations; queries go through its pg pool (`pgPoolOf`). */
export function createPlatformDataSource(
  target: DatabaseTarget,
  onPoolError: (error: Error) => void,
  applicationName = 'motovaultpro-platform',
): DataSource {
  return new DataSource({
    type: 'postgres',
    url: target.url,
    ...(target.ssl ? { ssl: target.ssl } : {}),
    poolSize: target.poolSize,
    extra: { connectionTimeoutMillis: 5_000 },
    poolErrorHandler: onPoolError,
    applicationName,
    migrations: platformMigrations,
    migrationsTableName: 'platform_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
  });
}
