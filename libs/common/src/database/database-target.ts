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

export async function openDatabaseTarget(
  config: DatabaseKeys & { DATA_DIR: string },
  log: EmbeddedPostgresOptions['log'],
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
