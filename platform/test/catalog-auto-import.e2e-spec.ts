import { ClientProxy } from '@nestjs/microservices';
import { Client } from 'pg';
import { firstValueFrom } from 'rxjs';
import { PlatformError, platformPatterns } from '../src/contract';
import { createTestDatabase, TestDatabase } from '../../api/test/support/test-database';
import { PlatformProcess, startPlatformProcess, tcpClientFor } from './support/platform-process';

interface Health {
  catalog: { version: number | null; importing: boolean };
}

describe('a platform started on an empty database', () => {
  let database: TestDatabase;
  let platform: PlatformProcess;
  let client: ClientProxy;

  beforeAll(async () => {
    database = await createTestDatabase('platform_auto_import');
    platform = await startPlatformProcess({ databaseUrl: database.url });
    client = tcpClientFor(platform);
  });

  afterAll(async () => {
    await client?.close();
    await platform?.stop();
    await database?.drop();
  });

  const health = async () => (await (await fetch(`${platform.httpUrl}/health`)).json()) as Health;
  const years = () =>
    firstValueFrom(client.send<number[]>(platformPatterns.years, { apiKey: platform.apiKey, payload: {} }));

  it('imports the catalog in the background, answering unavailable meanwhile', async () => {
    expect(await health()).toMatchObject({ catalog: { version: null, importing: true } });
    const refusal = await years().then(
      () => undefined,
      (error: PlatformError) => error,
    );
    expect(refusal).toMatchObject({ code: 'unavailable' });
    expect(refusal?.message).toMatch(/being imported/);

    let state = await health();
    for (
      let waited = 0;
      (state.catalog.version === null || state.catalog.importing) && waited < 240_000;
      waited += 1_000
    ) {
      await new Promise((done) => setTimeout(done, 1_000));
      state = await health();
    }
    expect(state.catalog).toEqual({ version: 1, importing: false });
    expect(await years()).toContain(2020);
    const printed = platform.output().join('\n');
    expect(printed).toMatch(/motorcycle/);
    expect(printed).toMatch(/Catalog version 1 imported/);
  }, 300_000);

  it('picks up a new catalog version as soon as an import commits one', async () => {
    const db = new Client({ connectionString: database.url });
    await db.connect();
    try {
      await db.query('begin');
      await db.query('update vehicles.catalog_version set version = version + 1');
      await db.query('notify catalog_version');
      await db.query('commit');
    } finally {
      await db.end();
    }
    let state = await health();
    for (let waited = 0; state.catalog.version !== 2 && waited < 5_000; waited += 100) {
      await new Promise((done) => setTimeout(done, 100));
      state = await health();
    }
    expect(state.catalog.version).toBe(2);
    expect(platform.output().join('\n')).toMatch(/dropping the catalog cache/);
  });
});
