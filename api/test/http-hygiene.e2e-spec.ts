import { Body, Controller, Module, Post } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Public } from '../src/core/identity/auth/authenticated-user';
import { Unscoped } from '../src/core/identity/scoping/route-scoping.check';
import { RunningApi, startApi } from '../src/start-api';
import { ApiProcess, repoRoot, startApiProcess } from './support/api-process';
import { useCapsuleApi } from './support/capsule-api';
import { startInProcessApi } from './support/in-process-api';
import { createTestDatabase, TestDatabase } from './support/test-database';

@Controller('api/test-hygiene')
class HygieneController {
  @Unscoped('a test route that only counts the fields it was sent')
  @Post('signed-in')
  signedIn(@Body() body: object) {
    return { received: Object.keys(body).length };
  }

  @Public()
  @Post('open')
  open(@Body() body: object) {
    return { received: Object.keys(body).length };
  }
}

@Module({ controllers: [HygieneController] })
class HygieneModule {}

const allowedOrigin = 'https://dash.example.test';
const writeLimit = 3;

function expectPageSecurityHeaders(response: Response): void {
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).not.toContain("'unsafe-eval'");
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
}

/** An API answer is no page: nothing may load in it or frame it, and other sites may not embed it. */
function expectApiSecurityHeaders(response: Response): void {
  expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
}

function expectProblem(response: Response, status: number): void {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
}

describe('security headers on everything the API serves', () => {
  let api: ApiProcess;

  beforeAll(async () => {
    const index = join(repoRoot, 'dist/web/browser/index.html');
    if (!existsSync(index)) throw new Error(`${index} is missing: run "npm run build:web" first`);
    api = await startApiProcess({ env: { SERVE_WEB: 'true' } });
  });
  afterAll(() => api?.stop());

  it.each([
    ['API JSON', '/api/health', 'application/json', 200],
    ['an error', '/api/vehicles', 'application/problem+json', 401],
    ['an unknown route', '/api/nothing-here', 'application/problem+json', 404],
  ])('%s: the API set', async (_name, path, type, status) => {
    const response = await fetch(`${api.url}${path}`, { headers: { accept: `${type}, */*;q=0.1` } });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain(type);
    expectApiSecurityHeaders(response);
  });

  it.each([
    ["the web app's index", '/', 'text/html', 200],
    ["a client-side route's index", '/settings', 'text/html', 200],
    ["the issuer's discovery document", '/auth/.well-known/openid-configuration', 'application/json', 200],
    ["the issuer's sign-out page", '/auth/session/end', 'text/html', 200],
    ['Swagger UI', '/api/docs', 'text/html', 200],
  ])('%s: the page set', async (_name, path, type, status) => {
    const response = await fetch(`${api.url}${path}`, { headers: { accept: `${type}, */*;q=0.1` } });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain(type);
    expectPageSecurityHeaders(response);
  });

  it("lets in the index's inline code by hash only, and no HSTS over plain HTTP", async () => {
    const response = await fetch(`${api.url}/`, { headers: { accept: 'text/html' } });
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'( '(unsafe-hashes|sha256-[A-Za-z0-9+/=]+)')+;/);
    expect(csp).toContain('img-src ');
    expect(response.headers.get('strict-transport-security')).toBeNull();
    expect(csp).not.toContain('upgrade-insecure-requests');
  });
});

describe('HSTS when people reach the app over HTTPS', () => {
  let database: TestDatabase;
  let api: RunningApi;

  beforeAll(async () => {
    database = await createTestDatabase('hygiene-hsts');
    api = await startInProcessApi({
      databaseUrl: database.url,
      imports: [],
      env: {
        PUBLIC_URL: 'https://garage.example.test',
        MAP_TILE_URL: 'https://{s}.tiles.example.test/{z}/{x}/{y}.png',
      },
    });
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it('sends Strict-Transport-Security on every answer and upgrades insecure requests on pages', async () => {
    const answer = await fetch(`${api.url}/api/health`);
    expect(answer.headers.get('strict-transport-security')).toBe('max-age=15552000');
    const response = await fetch(`${api.url}/api/docs`);
    expect(response.headers.get('strict-transport-security')).toBe('max-age=15552000');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain('upgrade-insecure-requests');
    expect(csp).toContain("img-src 'self' data: blob: https://*.tiles.example.test");
  });
});

describe('body limits, CORS and write limits', () => {
  const capsule = useCapsuleApi({
    label: 'hygiene',
    imports: [HygieneModule],
    env: { CORS_ORIGINS: `${allowedOrigin}, https://other.example.test`, API_WRITE_LIMIT_PER_MINUTE: '1000' },
  });
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${capsule.api.url}${path}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${capsule.alice}`, ...headers },
    });
  const jsonOfSize = (bytes: number) => JSON.stringify({ notes: 'x'.repeat(bytes) });

  it('takes JSON bodies up to 100 KiB and refuses larger ones with a 413 naming the limit', async () => {
    expect((await post('/api/test-hygiene/signed-in', jsonOfSize(90_000))).status).toBe(201);
    const response = await post('/api/test-hygiene/signed-in', jsonOfSize(110_000));
    expectProblem(response, 413);
    expect(await response.json()).toMatchObject({ status: 413, detail: expect.stringContaining('100 KiB') });
  });

  it('gives maintenance records, which may list 100 parts, a larger limit', async () => {
    const fits = await post('/api/maintenance/records', jsonOfSize(300_000));
    expect(fits.status).toBe(400);
    const tooLarge = await post('/api/maintenance/records', jsonOfSize(600_000));
    expectProblem(tooLarge, 413);
    expect(await tooLarge.json()).toMatchObject({ detail: expect.stringContaining('512 KiB') });
  });

  it('answers a configured origin with CORS headers', async () => {
    const response = await fetch(`${capsule.api.url}/api/me`, {
      headers: { origin: allowedOrigin, authorization: `Bearer ${capsule.alice}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(allowedOrigin);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('answers a preflight from a configured origin', async () => {
    const response = await fetch(`${capsule.api.url}/api/vehicles`, {
      method: 'OPTIONS',
      headers: {
        origin: allowedOrigin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(allowedOrigin);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it.each(['https://evil.example.test', 'null', 'https://dash.example.test.evil.test'])(
    'sends no CORS headers to another origin (%s), preflight or not',
    async (origin) => {
      const simple = await fetch(`${capsule.api.url}/api/health`, { headers: { origin } });
      expect(simple.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await fetch(`${capsule.api.url}/api/vehicles`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'DELETE' },
      });
      // Without Access-Control-Allow-Origin the browser refuses the request, whatever else is said.
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    },
  );
});

describe('without CORS_ORIGINS', () => {
  const capsule = useCapsuleApi({ label: 'hygiene-no-cors', imports: [HygieneModule] });

  it('sends no CORS headers at all', async () => {
    const simple = await fetch(`${capsule.api.url}/api/health`, { headers: { origin: allowedOrigin } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${capsule.api.url}/api/vehicles`, {
      method: 'OPTIONS',
      headers: { origin: allowedOrigin, 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.status).toBeGreaterThanOrEqual(400);
  });
});

describe('write limits per user and client address', () => {
  const capsule = useCapsuleApi({
    label: 'hygiene-writes',
    imports: [HygieneModule],
    env: { API_WRITE_LIMIT_PER_MINUTE: String(writeLimit) },
  });
  const write = (path: string, token?: string) =>
    fetch(`${capsule.api.url}${path}`, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });

  it("refuses a user's writes past the limit with a 429 problem and Retry-After; others and reads go on", async () => {
    for (let i = 0; i < writeLimit; i++)
      expect((await write('/api/test-hygiene/signed-in', capsule.alice)).status).toBe(201);
    const refused = await write('/api/test-hygiene/signed-in', capsule.alice);
    expectProblem(refused, 429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toMatchObject({
      type: 'urn:motovaultpro:problem:rate-limited',
      status: 429,
      limit: writeLimit,
    });

    expect((await write('/api/test-hygiene/signed-in', capsule.bob)).status).toBe(201);
    const read = await fetch(`${capsule.api.url}/api/me`, { headers: { authorization: `Bearer ${capsule.alice}` } });
    expect(read.status).toBe(200);
  });

  it('counts callers without a user by their address', async () => {
    for (let i = 0; i < writeLimit; i++) expect((await write('/api/test-hygiene/open')).status).toBe(201);
    expectProblem(await write('/api/test-hygiene/open'), 429);
  });
});

describe('write limits in Redis, shared by replicas', () => {
  const redisUrl = process.env.REDIS_URL;
  const run = redisUrl ? it : it.skip;
  let database: TestDatabase;
  const replicas: RunningApi[] = [];

  beforeAll(async () => {
    if (!redisUrl) return;
    database = await createTestDatabase('hygiene-redis');
    const env = {
      ...process.env,
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      CACHE_NAMESPACE: `mvp-test-writes-${randomUUID()}`,
      API_WRITE_LIMIT_PER_MINUTE: String(writeLimit),
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      SERVE_WEB: 'false',
      JOBS_ENABLED: 'false',
    };
    for (let i = 0; i < 2; i++) replicas.push(await startApi({ env, imports: [HygieneModule] }));
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.close();
    await database?.drop();
  });

  run('one budget across two replicas', async () => {
    const write = (replica: RunningApi) =>
      fetch(`${replica.url}/api/test-hygiene/open`, {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json' },
      });
    const statuses: number[] = [];
    for (let i = 0; i <= writeLimit; i++) statuses.push((await write(replicas[i % 2])).status);
    expect(statuses).toEqual([...Array(writeLimit).fill(201), 429]);
    expect((await write(replicas[0])).status).toBe(429);
    expect((await write(replicas[1])).status).toBe(429);
  });
});
