import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedPostgresServer } from '@mvp/common/database/embedded-postgres.server';
import { Client } from 'pg';
import { freePort } from './servers';

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
      description: `PostgreSQL ${version} at ${redact(configuredUrl)} (DATABASE_URL)`,
      createDatabase: (label) => createDatabase(configuredUrl, label),
      stop: async () => undefined,
    };
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'mvp-bench-pg-'));
  const port = await freePort();
  const quiet = { info: () => undefined, warn: log, debug: () => undefined };
  const embedded = new EmbeddedPostgresServer({ dataDir, port, database: 'postgres', log: quiet });
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
    createDatabase: (label) => createDatabase(embedded.url, label),
    stop: async () => {
      await embedded.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function createDatabase(serverUrl: string, label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `mvp_bench_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await onAdmin(serverUrl, (client) => client.query(`create database ${client.escapeIdentifier(name)}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      onAdmin(serverUrl, (client) =>
        client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`),
      ).then(() => undefined),
  };
}

async function serverVersion(url: string): Promise<string> {
  const result = await onAdmin(url, (client) => client.query<{ server_version: string }>('show server_version'));
  return result.rows[0].server_version.split(' ')[0];
}

async function onAdmin<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The URL without its password, for the results. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
