import { randomUUID } from 'node:crypto';
import { createCatalogTestDatabase } from '../../../platform/test/support/catalog-database';
import { apiEnvFor, PlatformProcess, startPlatformProcess } from '../../../platform/test/support/platform-process';
import { ApiProcess, startApiProcess } from '../support/api-process';
import { callJson, Problem } from '../support/json-call';
import { signUp } from '../support/oidc-login';
import { TestDatabase } from '../support/test-database';
import { RedisServer, startRedisServer } from './support/redis-server';
import { describeTotals, RouteLoad, everydayRoutes, startRouteLoad, totals } from './support/route-load';

const accordVin = '1HGCM82633A004352';
const platformRoutes = ['catalog makes', 'decode VIN'];
const otherRoutes = ['me', 'list vehicles', 'add vehicle', 'health'];

describe('fault: the platform service killed under load', () => {
  let database: TestDatabase | undefined;
  let redis: RedisServer | undefined;
  let platform: PlatformProcess | undefined;
  let api: ApiProcess | undefined;
  let load: RouteLoad | undefined;

  afterEach(async () => {
    await load?.stop();
    await api?.stop();
    await platform?.stop();
    await redis?.stop();
    await database?.drop();
  });

  it('answers everything else normally, catalog and VIN with 503 problems, and both again once it is back', async () => {
    [database, redis] = await Promise.all([createCatalogTestDatabase('fault_platform'), startRedisServer()]);
    const shared = { REDIS_URL: redis.url, CACHE_NAMESPACE: `mvp-fault-platform-${randomUUID()}` };
    platform = await startPlatformProcess({
      databaseUrl: database.url,
      env: { ...shared, CATALOG_AUTO_IMPORT: 'false' },
    });
    api = await startApiProcess({
      databaseUrl: database.url,
      env: { ...shared, ...apiEnvFor(platform), SERVE_WEB: 'false' },
    });
    const { accessToken } = await signUp(api.url, {
      email: `platform-${randomUUID()}@example.com`,
      password: 'correct horse battery staple',
    });
    // The API keeps catalog lists a minute: cycling through the years asks the platform for new ones too.
    let year = 1990;
    load = startRouteLoad(api.url, accessToken, [
      ...everydayRoutes(),
      { name: 'health', path: '/health' },
      {
        name: 'catalog makes',
        path: () => `/api/vehicles/catalog/makes?year=${(year = year >= 2025 ? 1990 : year + 1)}`,
      },
      { name: 'decode VIN', path: `/api/vehicles/vin/${accordVin}` },
    ]);
    await load.succeededOnEveryRoute(5);

    load.phase('platform stopping');
    // A catalog or VIN request sent before may be mid-call when the platform dies: let those finish first.
    await load.settled('before');
    const { tcpPort, apiKey } = platform;
    await platform.stop('SIGKILL');
    platform = undefined;
    load.phase('platform down');
    const notAskedBefore = await callJson<Problem>(
      api.url,
      accessToken,
      'GET',
      '/api/vehicles/catalog/makes?year=1985',
    );
    expect(notAskedBefore.status).toBe(503);
    expect(notAskedBefore.type).toContain('application/problem+json');
    expect(notAskedBefore.body).toMatchObject({ type: 'urn:motovaultpro:problem:service-unavailable', status: 503 });
    // Enough traffic to say "everything else answers normally": 20 answers on each route.
    await load.answered('decode VIN', 503, 20);
    for (const route of otherRoutes) await load.answered(route, route === 'add vehicle' ? 201 : 200, 20);

    load.phase('platform restarting');
    platform = await startPlatformProcess({
      databaseUrl: database.url,
      tcpPort,
      apiKey,
      env: { ...shared, CATALOG_AUTO_IMPORT: 'false' },
    });
    load.phase('platform back');
    const upAt = performance.now();
    await load.succeededOnEveryRoute(5);
    const recoveredIn = (performance.now() - upAt) / 1000;
    // Until the API's client has reconnected, a catalog or VIN request may still get a 503; after, none.
    load.phase('recovered');
    await load.succeededOnEveryRoute(5);
    await load.stop();

    const down = load.counts['platform down'];
    const byStatus = (route: string) => JSON.stringify(down[route] ?? {});
    console.log(
      `platform down: other routes ${describeTotals(totals(down, otherRoutes))}; ` +
        `catalog ${byStatus('catalog makes')} (a 200 is a list asked in the last minute, from the API's cache), VIN ${byStatus('decode VIN')}; ` +
        `back: ${describeTotals(totals(load.counts['platform back']))}, every route answering 2xx ${recoveredIn.toFixed(2)} s after the platform was up; then ${describeTotals(totals(load.counts.recovered))}, no API restart`,
    );
    for (const phase of ['platform stopping', 'platform down', 'platform restarting', 'platform back']) {
      const other = totals(load.counts[phase], otherRoutes);
      expect({ phase, notOk: other.requests - other.ok }).toEqual({ phase, notOk: 0 });
    }
    expect(Object.keys(down['decode VIN'])).toEqual(['503']);
    expect(Object.keys(down['catalog makes']).filter((status) => status !== '200' && status !== '503')).toEqual([]);
    expect(totals(down, platformRoutes).serverErrors).toBeGreaterThan(0);
    for (const phase of ['before', 'recovered']) expect(totals(load.counts[phase]).serverErrors).toBe(0);
    expect(load.notProblemJson).toEqual([]);
  });
});
