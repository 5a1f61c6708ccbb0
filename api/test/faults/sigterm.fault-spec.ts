import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { ApiProcess, startApiProcess } from '../support/api-process';
import { waitFor } from '../support/local-receivers';
import { signUp } from '../support/oidc-login';
import { startSlowUpload } from '../support/slow-upload';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { RedisServer, startRedisServer } from './support/redis-server';
import { describeTotals, RouteLoad, everydayRoutes, startRouteLoad, totals } from './support/route-load';

// Text past the first bytes the type is decided on, so the upload is accepted and its bytes reach the spool file.
const someText = Buffer.from('fuel receipt line\n'.repeat(4000));

/** Whether a new TCP connection to the port is refused (nothing listens any more). */
function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

describe('fault: SIGTERM under load', () => {
  let database: TestDatabase | undefined;
  let db: Client | undefined;
  let redis: RedisServer | undefined;
  let api: ApiProcess | undefined;
  let load: RouteLoad | undefined;

  afterEach(async () => {
    await load?.stop();
    await api?.stop('SIGKILL');
    await db?.end();
    await Promise.all([database?.drop(), redis?.stop()]);
  });

  /** The API on a database and Redis of its own, under a load of reads and writes, with an upload in flight. */
  const loadedApiWithUploadInFlight = async () => {
    [database, redis] = await Promise.all([createTestDatabase('fault_sigterm'), startRedisServer()]);
    db = new Client({ connectionString: database.url });
    await db.connect();
    api = await startApiProcess({ databaseUrl: database.url, env: { SERVE_WEB: 'false', REDIS_URL: redis.url } });
    const { accessToken } = await signUp(api.url, {
      email: `sigterm-${randomUUID()}@example.com`,
      password: 'correct horse battery staple',
    });
    load = startRouteLoad(api.url, accessToken, [...everydayRoutes()]);
    await load.succeededOnEveryRoute(10);

    // Its file is spooling, the rest of its body not sent yet.
    const upload = startSlowUpload(api.url, accessToken);
    await upload.sendFileBytes(someText);
    const spool = join(api.dataDir, 'documents', '.tmp');
    await waitFor('the upload to be spooling its bytes', async () => {
      const uploads = await db!.query('select 1 from public.document_uploads');
      return uploads.rowCount === 1 && (await readdir(spool).catch(() => [])).length === 1;
    });
    return { api, load, db, upload };
  };

  it('finishes the requests in flight, refuses new ones and exits within 10 s', async () => {
    const { api, load, db, upload } = await loadedApiWithUploadInFlight();
    load.phase('stopping');
    const exited = new Promise<number | null>((done) => api.process.once('exit', done));
    const signalledAt = performance.now();
    api.process.kill('SIGTERM');
    // New connections are refused while the upload is still open.
    const port = Number(new URL(api.url).port);
    const refusedAt = await waitFor('a new connection to be refused', async () =>
      (await connectionRefused(port)) ? performance.now() : false,
    );
    await upload.endFile();
    const answer = await upload.finish();
    const answeredAt = performance.now();
    const exitCode = await exited;
    const exitedAt = performance.now();
    await load.stop();

    expect(answer.status).toBe(201);
    const documentId = (JSON.parse(answer.body) as { id: string }).id;
    const stopping = load.counts.stopping ?? {};
    const seconds = (at: number) => ((at - signalledAt) / 1000).toFixed(2);
    console.log(
      `sigterm: ${describeTotals(totals(load.counts.before))} before; after the signal ${describeTotals(totals(stopping))} ` +
        `(${JSON.stringify(stopping)}; no answer: ${JSON.stringify(load.failures)}); new connections refused after ${seconds(refusedAt)} s, ` +
        `the upload in flight answered ${answer.status} after ${seconds(answeredAt)} s, exit ${exitCode} after ${seconds(exitedAt)} s`,
    );
    expect(exitCode).toBe(0);
    expect(exitedAt - signalledAt).toBeLessThan(10_000);
    for (const statuses of Object.values(stopping)) {
      expect(Object.keys(statuses).filter((status) => !['0', '200', '201', '503'].includes(status))).toEqual([]);
    }
    expect(load.notProblemJson).toEqual([]);
    // Every acknowledged write, the upload too, is in the database.
    const kept = await db.query<{ count: string }>('select count(*) from public.vehicles where id = any($1::uuid[])', [
      load.createdIds,
    ]);
    expect(Number(kept.rows[0].count)).toBe(load.createdIds.length);
    const documents = await db.query('select 1 from public.documents where id = $1', [documentId]);
    expect(documents.rowCount).toBe(1);
  });

  it('cuts a client that stops sending after the drain, and still exits within 10 s', async () => {
    const { api, load, upload } = await loadedApiWithUploadInFlight();
    load.phase('stopping');
    const exited = new Promise<number | null>((done) => api.process.once('exit', done));
    const signalledAt = performance.now();
    api.process.kill('SIGTERM');
    // The upload never sends the rest of its body: the stop must not wait for it.
    const exitCode = await exited;
    const seconds = (performance.now() - signalledAt) / 1000;
    await load.stop();
    await expect(upload.answer).rejects.toThrow();
    console.log(
      `sigterm with a stalled upload: the upload cut off, exit ${exitCode} after ${seconds.toFixed(2)} s; ` +
        `after the signal ${describeTotals(totals(load.counts.stopping))}`,
    );
    expect(exitCode).toBe(0);
    expect(seconds).toBeLessThan(10);
    const statuses = Object.values(load.counts.stopping ?? {}).flatMap((byStatus) => Object.keys(byStatus));
    expect(statuses.filter((status) => !['0', '200', '201', '503'].includes(status))).toEqual([]);
  });
});
