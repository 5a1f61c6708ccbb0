import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isProcessAlive } from '@mvp/common';
import { Client } from 'pg';
import { ApiProcess, startApiProcess } from '../support/api-process';
import { freePort } from '../support/free-port';
import { HealthWatch, watchHealth } from '../support/health-watch';
import { signUp } from '../support/oidc-login';
import { PostgresProcess, startPostgresProcess } from '../support/postgres-process';
import { postmasterPidIn } from '../support/postmaster-pid';
import { startWriteLoad, WriteLoad, WriteLoadReport } from '../support/write-load';
import { RedisServer, startRedisServer } from './support/redis-server';

async function untilDead(pid: number): Promise<void> {
  while (isProcessAlive(pid)) await new Promise((done) => setTimeout(done, 20));
}

/** Signs up a new account through the embedded issuer (HTTP only, no command to start). */
async function accountToken(api: ApiProcess): Promise<string> {
  return (await signUp(api.url, { email: `outage-${randomUUID()}@example.com`, password: 'correct horse battery' }))
    .accessToken;
}

/** Every write that was answered 2xx is in the database, once each. */
async function expectAllCreated(databaseUrl: string, report: WriteLoadReport): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const found = await client.query<{ count: string }>(
      'select count(*) from public.vehicles where id = any($1::uuid[])',
      [report.createdIds],
    );
    expect(new Set(report.createdIds).size).toBe(report.createdIds.length);
    expect(Number(found.rows[0].count)).toBe(report.createdIds.length);
    return report.createdIds.length;
  } finally {
    await client.end();
  }
}

/**
 * After the database is back: 20 more writes, then the load and the health watch stop. Every
 * answer was a success or a 503 (never a 500, never a dropped connection); returns what the load saw.
 */
async function finishOutage(api: ApiProcess, load: WriteLoad, health: HealthWatch): Promise<WriteLoadReport> {
  await load.succeeded(20);
  const report = await load.stop();
  const healthSeen = await health.stop();
  expect(unexpectedErrors(api)).toEqual([]);
  expect(Object.keys(report.statuses).filter((status) => status !== '201' && status !== '503')).toEqual([]);
  expect(report.networkErrors).toBe(0);
  expect(Object.keys(healthSeen).filter((status) => status !== '200' && status !== '503')).toEqual([]);
  return report;
}

/** What the API logged as unexpected (the 500s), with the error's message, to read when a test fails. */
function unexpectedErrors(api: ApiProcess): string[] {
  return api
    .logs()
    .filter((entry) => entry.msg === 'Unexpected error')
    .map((entry) => {
      const error = entry.err as { type?: string; message?: string } | undefined;
      return `${error?.type}: ${error?.message}`;
    });
}

/** The figure the closing note asks for; speed is reported, never asserted. */
function reportOutage(label: string, seconds: number, report: WriteLoadReport): void {
  console.log(
    `database restarted (${label}): healthy ${seconds.toFixed(2)} s after the kill; writes answered ${JSON.stringify(report.statuses)}, ` +
      `${report.createdIds.length} acknowledged, all ${report.createdIds.length} in the database`,
  );
}

describe('fault: PostgreSQL restarted under a write load', () => {
  // A Redis of the test's own, so nothing here touches the shared servers.
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(() => redis?.stop());

  it('restarts the embedded PostgreSQL killed under a write load: 503s meanwhile, every 2xx write kept', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mvp-outage-embedded-'));
    const env = {
      DATABASE_URL: undefined,
      DATA_DIR: dataDir,
      EMBEDDED_DB_PORT: String(await freePort()),
      REDIS_URL: redis.url,
    };
    let api: ApiProcess | undefined;
    let load: WriteLoad | undefined;
    let health: HealthWatch | undefined;
    try {
      api = await startApiProcess({ dataDir, env: { ...env, SERVE_WEB: 'false' } });
      const token = await accountToken(api);
      load = startWriteLoad(api.url, token);
      await load.succeeded(20);

      const killed = postmasterPidIn(dataDir)!;
      health = watchHealth(api.url);
      const killedAt = performance.now();
      process.kill(killed, 'SIGKILL');
      await untilDead(killed);
      // Healthy again means a new postmaster answers: wait for its pid, then for a 200 after it.
      for (;;) {
        const current = postmasterPidIn(dataDir);
        if (current !== undefined && current !== killed && isProcessAlive(current)) break;
        await new Promise((done) => setTimeout(done, 20));
      }
      const healthyAt = await health.next(200);
      const report = await finishOutage(api, load, health);
      const messages = api.logs().map((entry) => String(entry.msg));
      expect(messages).toContain('Embedded PostgreSQL stopped unexpectedly (SIGKILL); starting it again');
      expect(messages.some((message) => message.startsWith('Embedded PostgreSQL is running again'))).toBe(true);

      const password = readFileSync(join(dataDir, 'secrets', 'embedded-postgres-password'), 'utf8').trim();
      await expectAllCreated(
        `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${env.EMBEDDED_DB_PORT}/motovaultpro`,
        report,
      );
      reportOutage('embedded', (healthyAt - killedAt) / 1000, report);
      expect(await api.stop()).toBe(0);
    } finally {
      // Also when an expectation failed: a load or a watch left running would keep Jest from exiting.
      await load?.stop();
      await health?.stop();
      await api?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('rides out a restart of an external PostgreSQL (DATABASE_URL): 503 problems while down, back by itself', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mvp-outage-external-'));
    const port = await freePort();
    let postgres: PostgresProcess | undefined;
    let api: ApiProcess | undefined;
    let load: WriteLoad | undefined;
    let health: HealthWatch | undefined;
    try {
      postgres = await startPostgresProcess(dataDir, port);
      api = await startApiProcess({ databaseUrl: postgres.url, env: { SERVE_WEB: 'false', REDIS_URL: redis.url } });
      const token = await accountToken(api);
      load = startWriteLoad(api.url, token);
      await load.succeeded(20);

      // Down and staying down: nothing restarts it until this test does.
      const killed = postmasterPidIn(dataDir)!;
      await postgres.killSupervisor();
      health = watchHealth(api.url);
      const killedAt = performance.now();
      process.kill(killed, 'SIGKILL');
      await untilDead(killed);
      await health.next(503);

      const down = await fetch(`${api.url}/api/vehicles`, { headers: { authorization: `Bearer ${token}` } });
      expect(down.status).toBe(503);
      expect(down.headers.get('content-type')).toContain('application/problem+json');
      expect(down.headers.get('retry-after')).toBe('5');
      expect(await down.json()).toMatchObject({
        type: 'urn:motovaultpro:problem:service-unavailable',
        status: 503,
        detail: 'The database is not reachable right now. Try again in a moment.',
      });

      postgres = await startPostgresProcess(dataDir, port);
      const upAt = performance.now();
      const healthyAt = await health.next(200);
      const report = await finishOutage(api, load, health);
      await expectAllCreated(postgres.url, report);
      reportOutage(
        `external (held down by the test; back ${((healthyAt - upAt) / 1000).toFixed(2)} s after the server was up again)`,
        (healthyAt - killedAt) / 1000,
        report,
      );
    } finally {
      await load?.stop();
      await health?.stop();
      await api?.stop();
      await postgres?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
