import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { ApiProcess, startApiProcess } from './support/api-process';

describe('the API process', () => {
  let api: ApiProcess;
  const webDir = mkdtempSync(join(tmpdir(), 'mvp-web-'));
  // As scripts/compress-web.ts leaves them: each text file with its .br and .gz beside it.
  for (const [name, content] of [
    ['index.html', '<!doctype html><title>MotoVaultPro</title><mvp-root></mvp-root>'],
    ['main-ABCD1234.js', 'console.log("app")'],
  ]) {
    writeFileSync(join(webDir, name), content);
    writeFileSync(join(webDir, `${name}.br`), brotliCompressSync(content));
    writeFileSync(join(webDir, `${name}.gz`), gzipSync(content));
  }

  beforeAll(async () => {
    api = await startApiProcess({ env: { WEB_DIST_DIR: webDir } });
  });

  afterAll(async () => {
    expect(await api?.stop()).toBe(0);
  });

  /** Log lines are written asynchronously: wait a little for the one wanted. */
  async function logLine(matches: (entry: Record<string, unknown>) => boolean) {
    for (let waited = 0; waited < 2_000; waited += 50) {
      const found = api.logs().find(matches);
      if (found) return found;
      await new Promise((done) => setTimeout(done, 50));
    }
    return undefined;
  }

  it.each(['/health', '/api/health'])('reports database and cache up at %s', async (path) => {
    const response = await fetch(`${api.url}${path}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { checks: { cache: { store: string } } };
    expect(body).toMatchObject({
      status: 'ok',
      service: 'api',
      version: expect.any(String),
      checks: { database: { status: 'up', latencyMs: expect.any(Number) }, cache: { status: 'up' } },
    });
    expect(body.checks.cache.store).toBe(process.env.REDIS_URL ? 'redis' : 'memory');
  });

  it('honours a well-formed x-request-id and logs it with the request', async () => {
    const response = await fetch(`${api.url}/api/docs-json`, { headers: { 'x-request-id': 'trace-abc-123' } });
    expect(response.headers.get('x-request-id')).toBe('trace-abc-123');
    const line = await logLine((entry) => entry.requestId === 'trace-abc-123');
    expect(line).toMatchObject({
      service: 'api',
      level: 'info',
      req: { method: 'GET', url: '/api/docs-json' },
      res: { statusCode: 200 },
      latencyMs: expect.any(Number),
    });
  });

  it('logs failures at warn, and keeps successful health probes out of the info log', async () => {
    await fetch(`${api.url}/api/health`, { headers: { 'x-request-id': 'probe-1' } });
    await fetch(`${api.url}/api/nothing`, {
      headers: { 'x-request-id': 'miss-1', authorization: 'Bearer secret-token' },
    });
    const miss = await logLine((entry) => entry.requestId === 'miss-1');
    expect(miss).toMatchObject({ level: 'warn', res: { statusCode: 404 } });
    expect(api.logs().some((entry) => entry.requestId === 'probe-1')).toBe(false);
    expect(api.output().join('\n')).not.toContain('secret-token');
  });

  it('makes a request id when there is none, or a malformed one', async () => {
    const fresh = await fetch(`${api.url}/api/health`);
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const malformed = await fetch(`${api.url}/api/health`, { headers: { 'x-request-id': 'has spaces' } });
    expect(malformed.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves Swagger UI and the OpenAPI document', async () => {
    const ui = await fetch(`${api.url}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
    const document = (await (await fetch(`${api.url}/api/docs-json`)).json()) as { info: object; servers: object };
    // The running API serves what docs/openapi.json (built in preview mode) says, its own version and URL aside.
    const committed = JSON.parse(readFileSync(join(__dirname, '../../docs/openapi.json'), 'utf8'));
    expect({ ...document, info: committed.info, servers: committed.servers }).toEqual(committed);
    expect(document.servers).toEqual([{ url: api.url }]);
  });

  it('serves the web app for client-side routes on the same origin', async () => {
    for (const path of ['/', '/settings', '/vehicles/123?tab=fuel']) {
      const response = await fetch(`${api.url}${path}`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<mvp-root>');
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it.each([
    { accepts: 'gzip, deflate, br', encoding: 'br', as: 'brotli' },
    { accepts: 'gzip, deflate', encoding: 'gzip', as: 'gzip' },
    { accepts: 'identity', encoding: null, as: 'plain' },
  ])('sends web files as $as to a client accepting "$accepts", cached by hash', async ({ accepts, encoding }) => {
    const asset = await fetch(`${api.url}/main-ABCD1234.js`, { headers: { 'accept-encoding': accepts } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-encoding')).toBe(encoding);
    expect(asset.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await asset.text()).toBe('console.log("app")');

    for (const path of ['/', '/settings']) {
      const page = await fetch(`${api.url}${path}`, { headers: { accept: 'text/html', 'accept-encoding': accepts } });
      expect(page.headers.get('content-encoding')).toBe(encoding);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(page.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(await page.text()).toContain('<mvp-root>');
    }
  });

  it('keeps /api, /health and /auth misses as 404 problems, never the web app', async () => {
    for (const path of ['/api/nothing', '/health/deep', '/auth/nothing', '/api']) {
      const response = await fetch(`${api.url}${path}`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    const missingAsset = await fetch(`${api.url}/settings`, { method: 'POST', headers: { accept: 'text/html' } });
    expect(missingAsset.status).toBe(404);
  });
});

describe('a bad configuration', () => {
  it('stops startup with one line naming the key', async () => {
    await expect(startApiProcess({ env: { PORT: 'abc' }, readyTimeoutMs: 10_000 })).rejects.toThrow(
      /exit 1\):\nConfiguration error: PORT must be a port number \(got "abc"\)$/,
    );
  });

  it('names the database URL without echoing its password', async () => {
    const failure = startApiProcess({ databaseUrl: 'mysql://root:hunter2@db/app', readyTimeoutMs: 10_000 });
    await expect(failure).rejects.toThrow(/Configuration error: DATABASE_URL must be a postgres:\/\/ URL/);
    await expect(failure).rejects.not.toThrow(/hunter2/);
  });
});

describe('a cache that is down', () => {
  it('keeps the API up and /health a 200 that says degraded, naming the cache', async () => {
    const api = await startApiProcess({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    try {
      const response = await fetch(`${api.url}/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        status: 'degraded',
        checks: { database: { status: 'up' }, cache: { status: 'down', store: 'redis' } },
      });
    } finally {
      expect(await api.stop()).toBe(0);
    }
  });
});
