import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PgBoss from 'pg-boss';
import { createCatalogTestDatabase } from '../../platform/test/support/catalog-database';
import { apiEnvFor, PlatformProcess, startPlatformProcess } from '../../platform/test/support/platform-process';
import { ApiProcess, startApiProcess } from './support/api-process';
import { FakeIssuer, startFakeIssuer } from './support/fake-issuer';
import { freePort } from './support/free-port';
import { ApiSchema, callJson, Problem } from './support/json-call';
import { parsePrometheusText, PrometheusSample, samplesOf } from './support/prometheus-text';
import { StandInServer, startStandIn } from './support/stand-in-server';
import { TestDatabase } from './support/test-database';

const metricsToken = 'metrics-token-for-the-e2e-test-0123456789';
const vin = '1HGCM82633A004352';
const email = 'metrics-owner@example.com';
const fuelStation = { type: 'node', id: 7001, lat: 52.52, lon: 13.405, tags: { amenity: 'fuel', name: 'Aral' } };

/** The metrics text, as a scraper gets it. */
async function scrape(url: string, token?: string): Promise<{ status: number; type: string | null; text: string }> {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

const valueOf = (samples: PrometheusSample[], name: string, labels: Record<string, string> = {}) =>
  samplesOf(samples, name, labels).reduce((sum, sample) => sum + sample.value, 0);

describe('metrics behind the metrics token, on the API port', () => {
  let database: TestDatabase;
  let issuer: FakeIssuer;
  let platform: PlatformProcess;
  let overpass: StandInServer;
  let api: ApiProcess;
  let secretsDir: string;
  let token: string;

  beforeAll(async () => {
    database = await createCatalogTestDatabase('api_metrics');
    [issuer, overpass] = await Promise.all([startFakeIssuer(), startStandIn()]);
    overpass.answer = () => ({ json: { version: 0.6, elements: [fuelStation] } });
    platform = await startPlatformProcess({ databaseUrl: database.url });
    secretsDir = mkdtempSync(join(tmpdir(), 'mvp-metrics-secrets-'));
    writeFileSync(join(secretsDir, 'metrics-token'), `${metricsToken}\n`);
    api = await startApiProcess({
      databaseUrl: database.url,
      env: {
        ...issuer.apiEnv(),
        ...apiEnvFor(platform),
        SECRETS_DIR: secretsDir,
        OVERPASS_URL: `${overpass.url}/api/interpreter`,
        JOBS_ENABLED: 'false',
      },
    });
    token = await issuer.sign({ claims: { sub: 'fake|metrics-owner', email } });
  });

  afterAll(async () => {
    await api?.stop();
    await platform?.stop();
    await Promise.all([issuer?.close(), overpass?.close()]);
    await database?.drop();
    if (secretsDir) rmSync(secretsDir, { recursive: true, force: true });
  });

  it('refuses a scrape without the token, with a wrong one and with a user token: 401 problem details', async () => {
    for (const bearer of [undefined, 'wrong-token', token]) {
      const refused = await scrape(`${api.url}/metrics`, bearer);
      expect({ bearer, status: refused.status, type: refused.type }).toEqual({
        bearer,
        status: 401,
        type: expect.stringContaining('application/problem+json'),
      });
      expect(JSON.parse(refused.text)).toMatchObject({ status: 401, title: 'Unauthorized' });
    }
  });

  it('after some requests, shows route patterns, errors, the pool, cache hits and misses, platform calls and queue depths, and no ids', async () => {
    const call = <Body>(method: string, path: string, body?: unknown) =>
      callJson<Body>(api.url, token, method, path, body);
    const vehicle = await call<ApiSchema<'VehicleDto'>>('POST', '/api/vehicles', {
      vin,
      make: 'Honda',
      model: 'Accord',
      year: 2003,
      odometerUnit: 'mi',
      fuelTypes: ['gasoline'],
    });
    expect(vehicle.status).toBe(201);
    expect((await call('GET', `/api/vehicles/${vehicle.body.id}`)).status).toBe(200);
    const missing = await call<Problem>('GET', '/api/vehicles/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect((await call('GET', '/api/vehicles/catalog/years')).status).toBe(200);
    expect((await call('GET', `/api/vehicles/vin/${vin}`)).status).toBe(200);
    for (let search = 0; search < 2; search += 1) {
      expect((await call('GET', '/api/stations/search?lat=52.5201&lng=13.4051&radius=2000')).status).toBe(200);
    }
    await queueOneJob(database.url, 'documents.purge');

    const scraped = await scrape(`${api.url}/metrics`, metricsToken);
    expect(scraped.status).toBe(200);
    expect(scraped.type).toContain('text/plain; version=0.0.4');
    const samples = parsePrometheusText(scraped.text);

    const requests = 'motovaultpro_http_request_duration_seconds_count';
    const routes = new Set(samplesOf(samples, requests).map((sample) => sample.labels.route));
    expect([...routes]).toEqual(
      expect.arrayContaining(['/api/vehicles', '/api/vehicles/:id', '/api/vehicles/vin/:vin', '/api/stations/search']),
    );
    expect(valueOf(samples, requests, { method: 'GET', route: '/api/vehicles/:id', status_class: '2xx' })).toBe(1);
    expect(valueOf(samples, requests, { method: 'POST', route: '/api/vehicles', status_class: '2xx' })).toBe(1);
    expect(
      valueOf(samples, 'motovaultpro_http_request_errors_total', { route: '/api/vehicles/:id', status: '404' }),
    ).toBe(1);
    expect(valueOf(samples, 'motovaultpro_http_request_errors_total', { route: '/metrics', status: '401' })).toBe(3);

    expect(valueOf(samples, 'motovaultpro_db_pool_connections')).toBeGreaterThanOrEqual(1);
    expect(samplesOf(samples, 'motovaultpro_db_pool_idle_connections')).toHaveLength(1);
    expect(samplesOf(samples, 'motovaultpro_db_pool_waiting_requests')).toHaveLength(1);

    const stationGets = { keyspace: 'stations' };
    expect(valueOf(samples, 'motovaultpro_cache_gets_total', { ...stationGets, result: 'miss' })).toBe(1);
    expect(valueOf(samples, 'motovaultpro_cache_gets_total', { ...stationGets, result: 'hit' })).toBe(1);

    const platformCalls = 'motovaultpro_platform_call_duration_seconds_count';
    expect(valueOf(samples, platformCalls, { pattern: 'catalog.years', outcome: 'ok' })).toBe(1);
    expect(valueOf(samples, platformCalls, { pattern: 'vin.decode', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(samplesOf(samples, 'motovaultpro_platform_call_failures_total')).toEqual([]);

    expect(valueOf(samples, 'motovaultpro_job_queue_depth', { queue: 'documents.purge' })).toBe(1);
    expect(valueOf(samples, 'motovaultpro_process_resident_memory_bytes')).toBeGreaterThan(0);

    for (const secret of [vehicle.body.id, vin, email, 'metrics-owner', token, metricsToken, '00000000-0000']) {
      expect({ secret, found: scraped.text.includes(secret) }).toEqual({ secret, found: false });
    }
  });
});

describe('metrics on a port of their own', () => {
  let api: ApiProcess;
  let metricsUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    api = await startApiProcess({ env: { METRICS_PORT: String(port) } });
    metricsUrl = `http://127.0.0.1:${port}`;
  });

  afterAll(() => api?.stop());

  it('serves /metrics there without a token, and nowhere else', async () => {
    expect((await fetch(`${api.url}/health`)).status).toBe(200);
    const scraped = await scrape(`${metricsUrl}/metrics`);
    expect(scraped.status).toBe(200);
    const samples = parsePrometheusText(scraped.text);
    expect(valueOf(samples, 'motovaultpro_http_request_duration_seconds_count', { route: '/health' })).toBe(1);
    expect(valueOf(samples, 'motovaultpro_db_pool_connections')).toBeGreaterThanOrEqual(1);
    expect(samplesOf(samples, 'motovaultpro_process_cpu_user_seconds_total')).toHaveLength(1);
    expect(samplesOf(samples, 'motovaultpro_job_queue_depth').length).toBeGreaterThan(0);

    const onApiPort = await scrape(`${api.url}/metrics`);
    expect({ status: onApiPort.status, type: onApiPort.type }).toEqual({
      status: 404,
      type: expect.stringContaining('application/problem+json'),
    });
    const elsewhere = await scrape(`${metricsUrl}/health`);
    expect({ status: elsewhere.status, type: elsewhere.type }).toEqual({
      status: 404,
      type: expect.stringContaining('application/problem+json'),
    });
  });
});

/** Queues a job the way another replica would, for a queue this API works no jobs of (JOBS_ENABLED=false). */
async function queueOneJob(databaseUrl: string, queue: string): Promise<void> {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss', supervise: false, schedule: false });
  boss.on('error', () => undefined);
  await boss.start();
  try {
    if (!(await boss.getQueue(queue))) await boss.createQueue(queue, { name: queue });
    expect(await boss.send(queue, {})).toEqual(expect.any(String));
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
