import { createTestDatabase, TestDatabase } from '../../api/test/support/test-database';
import { RunningPlatform, startPlatform } from '../src/start-platform';

describe('the platform service HTTP side', () => {
  let database: TestDatabase;
  let platform: RunningPlatform;

  beforeAll(async () => {
    database = await createTestDatabase('platform_health');
    platform = await startPlatform({
      ...process.env,
      DATABASE_URL: database.url,
      REDIS_URL: '',
      PLATFORM_HTTP_PORT: '0',
      PLATFORM_TCP_PORT: '0',
      PLATFORM_VEHICLES_API_KEY: 'health-test-key',
      CATALOG_AUTO_IMPORT: 'false',
      LOG_LEVEL: 'silent',
    });
  });

  afterAll(async () => {
    await platform?.close();
    await database?.drop();
  });

  it('answers /health with the database, the cache and where the catalog stands', async () => {
    const response = await fetch(`${platform.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      service: 'platform',
      checks: { database: { status: 'up' }, cache: { status: 'up', store: 'memory' } },
      catalog: { version: null, importing: false },
    });
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it('answers an unknown route with a 404 problem', async () => {
    const response = await fetch(`${platform.url}/nothing`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('wants the key on its HTTP API', async () => {
    const response = await fetch(`${platform.url}/api/v1/vehicles/years`);
    expect(response.status).toBe(401);
    const keyed = await fetch(`${platform.url}/api/v1/vehicles/years`, {
      headers: { authorization: 'Bearer health-test-key' },
    });
    expect(keyed.status).toBe(503);
    expect(await keyed.json()).toMatchObject({ detail: expect.stringMatching(/not been imported/) });
  });
});
