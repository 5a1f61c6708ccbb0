import { DatabaseKeys } from '../config/config-keys';
import { databaseTls, DatabaseTls, urlForTls } from './database-tls';
import { EmbeddedDatabaseInUse, EmbeddedPostgresOptions, EmbeddedPostgresServer } from './embedded-postgres.server';

/** Where the service's database is: a configured server, or an embedded one it runs itself. */
export interface DatabaseTarget {
  url: string;
  /** node-postgres's `ssl` option for every connection to it (`url` then sets no TLS parameter that overrides it). */
  ssl: DatabaseTls;
  poolSize: number;
  embedded?: EmbeddedPostgresServer;
}

export function isDatabaseConfigured(config: DatabaseKeys): boolean {
  return Boolean(config.DATABASE_URL || config.DATABASE_HOST);
}

/**
 * With no database configured, `run` owns the embedded server (the API does: refused when a live
 * process owns the folder), `attach` waits for the owner's server (the platform does), and
 * `attach-or-run` attaches when the folder has a live owner and otherwise runs (and later stops)
 * a server of its own (one-off commands: admin, migrate, catalog import).
 */
export type EmbeddedMode = 'run' | 'attach' | 'attach-or-run';

export interface DatabaseTargetOptions {
  embeddedMode: EmbeddedMode;
  /** Who is opening it, for the owner lock and messages: `api`, `platform`, `admin`, … */
  command: string;
  /** Where people open the app (the API's PUBLIC_URL), named to a second start that is refused. */
  appUrl?: string;
  /** Where `postgres-ca.crt` is, when DATABASE_SSL is on: the config's SECRETS_DIR (`secretsDirOf`). */
  secretsDir: string;
}

/** How long a one-off waits for an owner's server that is starting or being restarted. */
const oneOffAttachTimeoutMs = 60_000;
const serviceAttachTimeoutMs = 180_000;

export async function openDatabaseTarget(
  config: DatabaseKeys & { DATA_DIR: string },
  log: EmbeddedPostgresOptions['log'],
  options: DatabaseTargetOptions,
): Promise<DatabaseTarget> {
  if (config.DATABASE_URL || config.DATABASE_HOST) {
    const ssl = databaseTls(config.DATABASE_SSL, options.secretsDir);
    const url = configuredUrl(config);
    return { url: ssl ? urlForTls(url) : url, ssl, poolSize: config.DATABASE_POOL_SIZE };
  }
  const common = { ssl: false as const, poolSize: config.DATABASE_POOL_SIZE };
  const embedded = new EmbeddedPostgresServer({
    dataDir: config.DATA_DIR,
    port: config.EMBEDDED_DB_PORT,
    database: config.DATABASE_NAME,
    log,
    command: options.command,
    appUrl: options.appUrl,
  });
  const attach = async (timeoutMs: number): Promise<DatabaseTarget> => {
    log.info(`Attaching to the embedded PostgreSQL that the data folder's owner runs`);
    await embedded.attach(timeoutMs);
    return { url: embedded.url, ...common };
  };
  if (options.embeddedMode === 'attach') return attach(serviceAttachTimeoutMs);
  if (options.embeddedMode === 'attach-or-run' && embedded.liveOwner()) return attach(oneOffAttachTimeoutMs);
  try {
    await embedded.start();
  } catch (error) {
    // Another process claimed the folder between the look and the claim: use its server.
    if (options.embeddedMode === 'attach-or-run' && error instanceof EmbeddedDatabaseInUse) {
      return attach(oneOffAttachTimeoutMs);
    }
    throw error;
  }
  return { url: embedded.url, ...common, embedded };
}

/** DATABASE_URL, or the URL the DATABASE_HOST settings describe. */
function configuredUrl(config: DatabaseKeys): string {
  if (config.DATABASE_URL) return config.DATABASE_URL;
  const credentials = config.DATABASE_PASSWORD
    ? `${encodeURIComponent(config.DATABASE_USER)}:${encodeURIComponent(config.DATABASE_PASSWORD)}`
    : encodeURIComponent(config.DATABASE_USER);
  return `postgres://${credentials}@${config.DATABASE_HOST}:${config.DATABASE_PORT}/${encodeURIComponent(config.DATABASE_NAME)}`;
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
