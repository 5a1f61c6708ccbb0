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

async function onServer<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const admin = new URL(testServerUrl());
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database for one test file, dropped (with any open connections) afterwards. */
export async function createTestDatabase(label = 'e2e'): Promise<TestDatabase> {
  const name = `mvp_${label}_${randomBytes(5).toString('hex')}`;
  await onServer((client) => client.query(`create database ${client.escapeIdentifier(name)}`));
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () =>
      onServer((client) => client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`)).then(
        () => undefined,
      ),
  };
}
