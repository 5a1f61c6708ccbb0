import type { ModuleMetadata } from '@nestjs/common';
import { Client } from 'pg';
import { createCatalogTestDatabase } from '../../../platform/test/support/catalog-database';
import { apiEnvFor, PlatformProcess, startPlatformProcess } from '../../../platform/test/support/platform-process';
import type { RunningApi } from '../../src/start-api';
import { FakeIssuer, startFakeIssuer } from './fake-issuer';
import { startInProcessApi } from './in-process-api';
import { callJson, JsonAnswer } from './json-call';
import { createTestDatabase, TestDatabase } from './test-database';

/** What a capsule's end-to-end test works with, filled in by the `beforeAll` that `useCapsuleApi` registers. */
export interface CapsuleApi {
  database: TestDatabase;
  issuer: FakeIssuer;
  /** The platform service, when the test asked for the catalog. */
  platform?: PlatformProcess;
  api: RunningApi;
  /** A connection to the test's database, to check what was (not) written. */
  db: Client;
  /** Bearer tokens of two users, signed by the fake issuer. */
  alice: string;
  bob: string;
  /** A JSON request as `alice` unless another token is given. */
  call<Body = unknown>(method: string, path: string, body?: unknown, token?: string | null): Promise<JsonAnswer<Body>>;
}

/**
 * Registers the hooks of a capsule's end-to-end test: a fresh database (with the platform's catalog
 * and the platform service when `catalog` is set), a fake issuer, the API in process, two users.
 * Everything is stopped and dropped after the file.
 */
export function useCapsuleApi(options: {
  label: string;
  catalog?: boolean;
  imports?: ModuleMetadata['imports'];
  /** SQL run on the database once the API has migrated it (e.g. a test-only table). */
  setupSql?: string;
  /** Work background jobs in the API (off by default: jobs it queues stay queued). */
  jobs?: boolean;
  /** Extra API settings; a function is called when the API starts (after earlier `beforeAll`s). */
  env?: Record<string, string> | (() => Record<string, string>);
}): CapsuleApi {
  const context = {
    call: <Body>(method: string, path: string, body?: unknown, token: string | null = context.alice) =>
      callJson<Body>(context.api.url, token, method, path, body),
  } as CapsuleApi;

  beforeAll(async () => {
    context.database = await (options.catalog ? createCatalogTestDatabase : createTestDatabase)(options.label);
    context.issuer = await startFakeIssuer();
    if (options.catalog) context.platform = await startPlatformProcess({ databaseUrl: context.database.url });
    context.api = await startInProcessApi({
      databaseUrl: context.database.url,
      imports: options.imports ?? [],
      jobs: options.jobs,
      env: {
        ...context.issuer.apiEnv(),
        ...(context.platform ? apiEnvFor(context.platform) : {}),
        ...(typeof options.env === 'function' ? options.env() : options.env),
      },
    });
    context.db = new Client({ connectionString: context.database.url });
    await context.db.connect();
    if (options.setupSql) await context.db.query(options.setupSql);
    context.alice = await context.issuer.sign({ claims: { sub: 'fake|alice' } });
    context.bob = await context.issuer.sign({ claims: { sub: 'fake|bob' } });
  });

  afterAll(async () => {
    await context.db?.end();
    await context.api?.close();
    await context.platform?.stop();
    await context.issuer?.close();
    await context.database?.drop();
  });

  return context;
}
