import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The server every test database lives on; `npm test` sets it (embedded when nothing is configured). */
export function testServerUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run the tests with "npm test", which provides one');
  return url;
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Runs `work` on a connection to the maintenance database (`postgres`) of the server at `serverUrl`. */
export async function onServer<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
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

/** A fresh, empty database on the server at `serverUrl`; `drop()` removes it with any open connections. */
export async function createDatabaseOn(serverUrl: string, label: string): Promise<TestDatabase> {
  const name = `mvp_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(5).toString('hex')}`;
  await onServer(serverUrl, (client) => client.query(`create database ${client.escapeIdentifier(name)}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () =>
      onServer(serverUrl, (client) =>
        client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`),
      ).then(() => undefined),
  };
}

/** A fresh database for one test file, on the test server. */
export function createTestDatabase(label = 'e2e'): Promise<TestDatabase> {
  return createDatabaseOn(testServerUrl(), label);
}
