import { DataSource, Migration, MigrationExecutor } from 'typeorm';

/** One lock for every service's migrations, so the API and the platform never migrate side by side. */
const migrationsLock = "hashtext('motovaultpro:migrations')";

/**
 * Runs pending migrations (one transaction each) while holding a PostgreSQL advisory lock on the
 * same connection, so replicas starting together on one database apply them one at a time: TypeORM
 * has no lock of its own, and two runners both create the migrations table and apply the first one.
 */
export async function runMigrationsExclusively(dataSource: DataSource): Promise<Migration[]> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query(`select pg_advisory_lock(${migrationsLock})`);
    try {
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'each';
      return await executor.executePendingMigrations();
    } finally {
      await runner.query(`select pg_advisory_unlock(${migrationsLock})`);
    }
  } finally {
    await runner.release();
  }
}
