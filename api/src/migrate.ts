import 'reflect-metadata';
import {
  ConfigError,
  createRootLogger,
  describeDatabaseTlsFailure,
  openDatabaseTarget,
  redactUrl,
  runMigrationsExclusively,
  secretsDirOf,
} from '@mvp/common';
import { DataSource } from 'typeorm';
import { loadApiConfig } from './core/config/api.config';
import { buildDataSourceOptions } from './core/database/data-source-options';
import { apiMigrations } from './migrations';

/** `npm run migrate`: applies pending migrations to the configured (or embedded) database, then exits. */
async function migrate(): Promise<void> {
  const config = loadApiConfig();
  const log = createRootLogger({ service: 'migrate', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const target = await openDatabaseTarget(config, log, {
    embeddedMode: 'attach-or-run',
    command: 'migrate',
    secretsDir: secretsDirOf(),
  });
  const dataSource = new DataSource(
    buildDataSourceOptions(target, apiMigrations, (error) => log.warn(`Pool error: ${error.message}`)),
  );
  try {
    await dataSource.initialize();
    const applied = await runMigrationsExclusively(dataSource);
    log.info(
      { database: redactUrl(target.url), applied: applied.map((migration) => migration.name) },
      applied.length ? `Applied ${applied.length} migration(s)` : 'The database is up to date',
    );
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await target.embedded?.stop();
  }
}

migrate().catch((error: unknown) => {
  const message =
    error instanceof ConfigError
      ? error.message
      : (describeDatabaseTlsFailure(error) ?? `Migration failed: ${(error as Error).message}`);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
