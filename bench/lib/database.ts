import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedPostgresServer } from '@mvp/common/database/embedded-postgres.server';
import { redactUrl } from '@mvp/common/database/database-target';
import { createDatabaseOn, onServer } from '../../api/test/support/test-database';
import { freePort } from '../../api/test/support/free-port';

/** The PostgreSQL server the bench runs on: `DATABASE_URL`'s, or an embedded one in a temp folder. */
export interface DatabaseServer {
  /** For the results, without a password. */
  description: string;
  /** A fresh, empty database for one scenario; `drop()` removes it with any open connections. */
  createDatabase(label: string): Promise<{ url: string; drop(): Promise<void> }>;
  stop(): Promise<void>;
}

export async function openDatabaseServer(
  configuredUrl: string | undefined,
  log: (line: string) => void,
): Promise<DatabaseServer> {
  if (configuredUrl) {
    const version = await serverVersion(configuredUrl);
    return {
      description: `PostgreSQL ${version} at ${redactUrl(configuredUrl)} (DATABASE_URL)`,
      createDatabase: (label) => createDatabaseOn(configuredUrl, `bench_${label}`),
      stop: async () => undefined,
    };
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'mvp-bench-pg-'));
  const port = await freePort();
  const quiet = { info: () => undefined, warn: log, debug: () => undefined };
  const embedded = new EmbeddedPostgresServer({ dataDir, port, database: 'postgres', log: quiet, command: 'bench' });
  log(`Starting an embedded PostgreSQL in ${dataDir} on port ${port} (DATABASE_URL is unset)`);
  try {
    await embedded.start();
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const version = await serverVersion(embedded.url);
  return {
    description: `embedded PostgreSQL ${version} on 127.0.0.1:${port}, temp folder (DATABASE_URL unset)`,
    createDatabase: (label) => createDatabaseOn(embedded.url, `bench_${label}`),
    stop: async () => {
      await embedded.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function serverVersion(url: string): Promise<string> {
  const result = await onServer(url, (client) => client.query<{ server_version: string }>('show server_version'));
  return result.rows[0].server_version.split(' ')[0];
}
