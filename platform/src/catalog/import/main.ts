import 'reflect-metadata';
import {
  ConfigError,
  describeDatabaseTlsFailure,
  openDatabaseTarget,
  pgPoolOf,
  runMigrationsExclusively,
  secretsDirOf,
} from '@mvp/common';
import { createPlatformDataSource } from '../../database/data-source';
import { loadPlatformConfig } from '../../platform.config';
import { runCatalogImport } from './run-catalog-import';

/**
 * `npm run catalog:import [-- --force]`: (re)builds the catalog from the bundled vPIC data. The
 * platform also runs this file as a child process on first start, so its own memory stays small.
 */
async function main(): Promise<void> {
  const force = process.argv.includes('--force');
  const config = loadPlatformConfig();
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const quiet = { info: say, warn: say, debug: () => undefined };
  const database = await openDatabaseTarget(config, quiet, {
    embeddedMode: 'attach-or-run',
    command: 'catalog:import',
    secretsDir: secretsDirOf(),
  });
  const dataSource = createPlatformDataSource(
    database,
    (error) => say(`Pool error: ${error.message}`),
    'motovaultpro-catalog-import',
  );
  try {
    await dataSource.initialize();
    await runMigrationsExclusively(dataSource);
    const outcome = await runCatalogImport(pgPoolOf(dataSource), { dataDir: config.DATA_DIR, force, log: say });
    if (outcome.skipped) {
      say(`The catalog is up to date (version ${outcome.version}, ${outcome.source}); --force imports it again`);
    }
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError
      ? error.message
      : (describeDatabaseTlsFailure(error) ?? `Catalog import failed: ${(error as Error).stack ?? String(error)}`);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
