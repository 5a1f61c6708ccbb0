import { DatabaseKeys } from '../config/config-keys';
import { EmbeddedPostgresOptions, EmbeddedPostgresServer } from './embedded-postgres.server';

/** Where the service's database is: a configured server, or an embedded one it runs itself. */
export interface DatabaseTarget {
  url: string;
  ssl: boolean;
  poolSize: number;
  embedded?: EmbeddedPostgresServer;
}

export function isDatabaseConfigured(config: DatabaseKeys): boolean {
  return Boolean(config.DATABASE_URL || config.DATABASE_HOST);
}

/**
 * With no database configured, `run` starts the embedded server (the API does), `attach` waits for
 * the one the API runs (the platform does), and `attach-or-run` attaches when it is running and
 * starts it otherwise (one-off commands such as the catalog import).
 */
export type EmbeddedMode = 'run' | 'attach' | 'attach-or-run';

export async function openDatabaseTarget(
  config: DatabaseKeys & { DATA_DIR: string },
  log: EmbeddedPostgresOptions['log'],
  embeddedMode: EmbeddedMode = 'run',
): Promise<DatabaseTarget> {
  const common = { ssl: config.DATABASE_SSL, poolSize: config.DATABASE_POOL_SIZE };
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, ...common };
  if (config.DATABASE_HOST) {
    const credentials = config.DATABASE_PASSWORD
      ? `${encodeURIComponent(config.DATABASE_USER)}:${encodeURIComponent(config.DATABASE_PASSWORD)}`
      : encodeURIComponent(config.DATABASE_USER);
    const url = `postgres://${credentials}@${config.DATABASE_HOST}:${config.DATABASE_PORT}/${encodeURIComponent(config.DATABASE_NAME)}`;
    return { url, ...common };
  }
  const embedded = new EmbeddedPostgresServer({
    dataDir: config.DATA_DIR,
    port: config.EMBEDDED_DB_PORT,
    database: config.DATABASE_NAME,
    log,
  });
  if (embeddedMode === 'attach' || (embeddedMode === 'attach-or-run' && embedded.isRunning())) {
    log.info(`Waiting for the embedded PostgreSQL on 127.0.0.1:${config.EMBEDDED_DB_PORT}`);
    await embedded.attach(embeddedMode === 'attach' ? 180_000 : 10_000);
    return { url: embedded.url, ...common, ssl: false };
  }
  await embedded.start();
  return { url: embedded.url, ...common, ssl: false, embedded };
}

/** The URL with its password replaced, for log lines. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
