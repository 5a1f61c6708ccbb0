import 'reflect-metadata';
import { ConfigError, openDatabaseTarget, createRootLogger, redactUrl, runMigrationsExclusively } from '@mvp/common';
import { DataSource } from 'typeorm';
import { loadApiConfig } from './core/config/api.config';
import { buildDataSourceOptions } from './core/database/data-source-options';
import { apiMigrations } from './migrations';

/** `npm run migrate`: applies pending migrations to the configured (or embedded) database, then exits. */
async function migrate(): Promise<void> {
  const config = loadApiConfig();
  const log = createRootLogger({ service: 'migrate', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const target = await openDatabaseTarget(config, log, { embeddedMode: 'attach-or-run', command: 'migrate' });
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
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : `Migration failed: ${(error as Error).message}`}\n`,
  );
  process.exit(1);
});
