import { randomUUID } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import { ApiProcess, startApiProcess } from '../support/api-process';
import { callJson, Problem } from '../support/json-call';
import { signUp } from '../support/oidc-login';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { RedisServer, startRedisServer } from './support/redis-server';
import { describeTotals, RouteLoad, startRouteLoad, totals } from './support/route-load';
import { canMount, SmallDisk, smallDisk } from './support/small-disk';

const diskBytes = 2 * 1_048_576;

/** A plain-text file of about `bytes` (text is an accepted type whatever its size). */
function receipt(bytes: number): FormData {
  const form = new FormData();
  const text = 'fuel receipt line\n'.repeat(Math.ceil(bytes / 18));
  form.append('file', new Blob([text], { type: 'text/plain' }), 'receipt.txt');
  return form;
}

/** Every file under `dir` (not `.instance-id`), relative to it, with its size. */
async function filesUnder(dir: string, prefix = ''): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const path = join(prefix, entry.name);
    if (entry.isDirectory()) for (const [inner, size] of await filesUnder(dir, path)) found.set(inner, size);
    else if (path !== '.instance-id') found.set(path, (await stat(join(dir, path))).size);
  }
  return found;
}

const describeAsRoot = canMount ? describe : describe.skip;
if (!canMount) console.log('Disk-full fault test not run: mounting its small tmpfs needs root.');

describeAsRoot('fault: the documents disk full', () => {
  let disk: SmallDisk | undefined;
  let database: TestDatabase | undefined;
  let db: Client | undefined;
  let redis: RedisServer | undefined;
  let api: ApiProcess | undefined;
  let load: RouteLoad | undefined;

  afterEach(async () => {
    await load?.stop();
    await api?.stop();
    await db?.end();
    await Promise.all([database?.drop(), redis?.stop()]);
    await disk?.release();
  });

  it('answers 507 problem details, keeps serving, and leaves no row without its file nor a partial file', async () => {
    [disk, database, redis] = await Promise.all([
      smallDisk(diskBytes),
      createTestDatabase('fault_disk'),
      startRedisServer(),
    ]);
    db = new Client({ connectionString: database.url });
    await db.connect();
    api = await startApiProcess({
      databaseUrl: database.url,
      env: { SERVE_WEB: 'false', REDIS_URL: redis.url, DOCUMENTS_DIR: disk.dir },
    });
    const { accessToken } = await signUp(api.url, {
      email: `disk-${randomUUID()}@example.com`,
      password: 'correct horse battery staple',
    });
    // A few fit before the disk is full.
    const uploadBytes = 300_000;
    load = startRouteLoad(api.url, accessToken, [
      { name: 'upload', method: 'POST', path: '/api/documents', body: () => receipt(uploadBytes) },
      { name: 'list documents', path: '/api/documents' },
      { name: 'me', path: '/api/me' },
    ]);
    load.phase('filling');
    await load.answered('upload', 507, 10);
    await load.answered('list documents', 200, 10);
    const full = await callJson<Problem>(api.url, accessToken, 'POST', '/api/documents', receipt(uploadBytes));
    await load.stop();

    expect(full.status).toBe(507);
    expect(full.type).toContain('application/problem+json');
    expect(full.body).toMatchObject({
      type: 'urn:motovaultpro:problem:document-storage-full',
      status: 507,
      detail: expect.stringContaining('nothing was saved'),
    });
    const filling = load.counts.filling;
    expect(Object.keys(filling.upload).filter((status) => status !== '201' && status !== '507')).toEqual([]);
    expect(totals(filling, ['list documents', 'me']).serverErrors).toBe(0);
    expect(load.notProblemJson).toEqual([]);

    // Nothing half-written: each row has its whole file, each file its row, nothing spooled or in flight.
    const rows = await db.query<{ id: string; user_id: string; size_bytes: string }>(
      'select id, user_id, size_bytes from public.documents',
    );
    const files = await filesUnder(disk.dir);
    const expected = new Map(rows.rows.map((row) => [`${row.user_id}/${row.id}`, Number(row.size_bytes)]));
    expect(files).toEqual(expected);
    expect(rows.rows.map((row) => row.id).sort()).toEqual([...load.createdIds].sort());
    expect((await db.query('select 1 from public.document_uploads')).rowCount).toBe(0);

    // Our own export brings its documents' bytes: importing it into a second account needs room it cannot have.
    const exported = await fetch(`${api.url}/api/export`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(exported.status).toBe(200);
    const archive = Buffer.from(await exported.arrayBuffer());
    const second = await signUp(api.url, {
      email: `disk-${randomUUID()}@example.com`,
      password: 'correct horse battery staple',
    });
    const importForm = new FormData();
    importForm.append('format', 'motovaultpro');
    importForm.append('file', new Blob([archive], { type: 'application/zip' }), 'motovaultpro-export.zip');
    const refusedImport = await callJson<Problem>(api.url, second.accessToken, 'POST', '/api/import', importForm);
    expect(refusedImport.status).toBe(507);
    expect(refusedImport.body).toMatchObject({ type: 'urn:motovaultpro:problem:document-storage-full', status: 507 });
    expect((await db.query('select 1 from public.import_jobs')).rowCount).toBe(0);
    expect(await filesUnder(disk.dir)).toEqual(expected);
    expect((await db.query('select 1 from public.document_uploads')).rowCount).toBe(0);

    const unexpected = api.logs().filter((entry) => entry.msg === 'Unexpected error');
    expect(unexpected).toEqual([]);

    console.log(
      `disk full (a ${diskBytes / 1_048_576} MB tmpfs): uploads ${JSON.stringify(filling.upload)}, ` +
        `other routes ${describeTotals(totals(filling, ['list documents', 'me']))}; ` +
        `${rows.rowCount} documents, ${files.size} files, 0 partial, 0 uploads in flight; ` +
        `an import of the ${archive.length}-byte export answered ${refusedImport.status}, no job kept`,
    );
  });
});
