import { randomUUID } from 'node:crypto';
import { createClient } from '@redis/client';
import { ApiProcess, startApiProcess } from '../support/api-process';
import { waitFor } from '../support/local-receivers';
import { signUp } from '../support/oidc-login';
import { StandInServer, startStandIn } from '../support/stand-in-server';
import { RedisServer, startRedisServer } from './support/redis-server';
import { describeTotals, RouteLoad, everydayRoutes, startRouteLoad, totals } from './support/route-load';

/** The health report's `status` once it is `wanted`, and when that answer came. */
async function healthBecomes(apiUrl: string, wanted: { http: number; status: string }): Promise<number> {
  return waitFor(
    `/health to answer ${wanted.http} ${wanted.status}`,
    async () => {
      const response = await fetch(`${apiUrl}/health`);
      const body = (await response.json()) as { status?: string; checks?: unknown };
      return response.status === wanted.http && (body.status ?? '') === wanted.status && performance.now();
    },
    30_000,
  );
}

describe('fault: Redis stopped under load', () => {
  let redis: RedisServer | undefined;
  let overpass: StandInServer | undefined;
  let api: ApiProcess | undefined;
  let load: RouteLoad | undefined;

  afterEach(async () => {
    await load?.stop();
    await api?.stop();
    await Promise.all([redis?.stop(), overpass?.close()]);
  });

  it('keeps answering without the cache, says degraded, and uses Redis again once it is back', async () => {
    redis = await startRedisServer();
    overpass = await startStandIn();
    overpass.answer = () => ({
      json: { elements: [{ type: 'node', id: 1, lat: 52.52, lon: 13.405, tags: { amenity: 'fuel', name: 'Aral' } }] },
    });
    const namespace = `mvp-fault-redis-${randomUUID()}`;
    api = await startApiProcess({
      env: {
        REDIS_URL: redis.url,
        CACHE_NAMESPACE: namespace,
        SERVE_WEB: 'false',
        OVERPASS_URL: `${overpass.url}/api/interpreter`,
        // Every search asks the cache first; a short life makes it ask the stand-in (and write) often.
        STATIONS_CACHE_TTL_SECONDS: '1',
      },
    });
    const { accessToken } = await signUp(api.url, {
      email: `redis-${randomUUID()}@example.com`,
      password: 'correct horse battery staple',
    });
    load = startRouteLoad(api.url, accessToken, [
      ...everydayRoutes(),
      { name: 'search stations', path: '/api/stations/search?lat=52.5201&lng=13.4051&radius=2000' },
    ]);
    await load.succeededOnEveryRoute(10);
    expect((await fetch(`${api.url}/health`)).status).toBe(200);

    load.phase('redis down');
    const killedAt = performance.now();
    await redis.kill();
    const degradedAt = await healthBecomes(api.url, { http: 200, status: 'degraded' });
    const health = (await (await fetch(`${api.url}/health`)).json()) as { checks: Record<string, { status: string }> };
    expect(health.checks).toMatchObject({ database: { status: 'up' }, cache: { status: 'down' } });
    await load.succeededOnEveryRoute(20);

    load.phase('redis back');
    const restartedAt = performance.now();
    await redis.restart();
    const recoveredAt = await healthBecomes(api.url, { http: 200, status: 'ok' });
    await load.succeededOnEveryRoute(20);
    // The cache is written again: a search after the restart left its answer in the new, empty Redis.
    const client = createClient({ url: redis.url });
    await client.connect();
    const cached = await waitFor('a station search cached in the restarted Redis', async () => {
      const keys = await client.keys(`${namespace}:*stations*`);
      return keys.length > 0 && keys;
    });
    await client.close();
    await load.stop();

    const down = totals(load.counts['redis down']);
    const back = totals(load.counts['redis back']);
    console.log(
      `redis down: ${describeTotals(down)}; health degraded (200) after ${((degradedAt - killedAt) / 1000).toFixed(2)} s; ` +
        `back: ${describeTotals(back)}, health ok ${((recoveredAt - restartedAt) / 1000).toFixed(2)} s after the restart, ` +
        `${cached.length} key(s) cached again`,
    );
    for (const phase of ['before', 'redis down', 'redis back']) {
      const sum = totals(load.counts[phase]);
      expect({ phase, serverErrors: sum.serverErrors, clientErrors: sum.clientErrors, noAnswer: sum.noAnswer }).toEqual(
        {
          phase,
          serverErrors: 0,
          clientErrors: 0,
          noAnswer: 0,
        },
      );
    }
    expect(load.notProblemJson).toEqual([]);
  });
});
