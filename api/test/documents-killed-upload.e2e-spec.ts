import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { adminAccountToken } from './support/admin-command';
import { ApiProcess, startApiProcess } from './support/api-process';
import { documentBackends, filesUnder, useDocumentBackend } from './support/document-backends';
import { waitFor } from './support/local-receivers';
import { startSlowUpload } from './support/slow-upload';
import { createTestDatabase, TestDatabase } from './support/test-database';

// Text (so the upload is accepted) past the first 4100 bytes the type is decided on, so bytes reach the spool file.
const someText = Buffer.from('fuel receipt line\n'.repeat(4000));

describe.each(documentBackends)('the API killed mid-upload (%s)', (name) => {
  const backend = useDocumentBackend(name);
  let database: TestDatabase;
  let db: Client;
  let dataDir: string;
  let token: string;
  let api: ApiProcess | undefined;

  const start = async () => {
    api = await startApiProcess({ databaseUrl: database.url, dataDir, env: { SERVE_WEB: 'false', ...backend.env() } });
    return api;
  };

  beforeAll(async () => {
    database = await createTestDatabase(`documents_killed_${name}`);
    dataDir = await mkdtemp(join(tmpdir(), 'mvp-killed-upload-'));
    token = await adminAccountToken({ DATABASE_URL: database.url }, 'kim@example.com');
    db = new Client({ connectionString: database.url });
    await db.connect();
    await start();
  });
  afterAll(async () => {
    await api?.stop();
    await db?.end();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const count = async (table: string) => Number((await db.query(`select count(*) from public.${table}`)).rows[0].count);
  /** What an upload may leave: rows, uploads in flight, and files (stored, spooled in `.tmp/`, in the bucket). */
  const leftovers = async () => ({
    documents: await count('documents'),
    uploads: await count('document_uploads'),
    files: await backend.files(),
  });
  const spooledBytes = async () => {
    const spool = join(backend.documentsDir, '.tmp');
    const sizes = await Promise.all(
      (await filesUnder(spool)).map(async (path) => (await stat(join(spool, path))).size),
    );
    return sizes.reduce((sum, size) => sum + size, 0);
  };
  /** SIGKILL, then the same API again over the same database and `DOCUMENTS_DIR`, until healthy. */
  const killAndRestart = async () => {
    expect(await api!.stop('SIGKILL')).toBeNull();
    const restarted = await start();
    expect((await fetch(`${restarted.url}/health`)).status).toBe(200);
    return restarted;
  };
  const removedLeftoversLogged = (restarted: ApiProcess) =>
    restarted.logs().some((entry) => String(entry.msg).includes('a stopped process left unfinished'));

  it('leaves no row and no file when killed while the file streams in', async () => {
    const upload = startSlowUpload(api!.url, token);
    await upload.sendFileBytes(someText);
    await waitFor(
      'the upload to be spooling its bytes',
      async () => (await count('document_uploads')) === 1 && (await spooledBytes()) > 0,
    );
    expect((await leftovers()).files).toEqual([expect.stringMatching(/^\.tmp\/[0-9a-f-]+\.part$/)]);

    const restarted = await killAndRestart();

    await expect(upload.answer).rejects.toThrow();
    expect(await leftovers()).toEqual({ documents: 0, uploads: 0, files: [] });
    expect(removedLeftoversLogged(restarted)).toBe(true);
  });

  it('leaves no row and no file when killed after the file is stored, before its row is written', async () => {
    const upload = startSlowUpload(api!.url, token);
    await upload.sendFileBytes(someText);
    await upload.endFile();
    const stored = await waitFor('the file to be stored, its upload still in flight', async () => {
      const { rows } = await db.query<{ user_id: string; id: string }>(
        'select user_id, id from public.document_uploads',
      );
      const key = rows[0] && `${rows[0].user_id}/${rows[0].id}`;
      // Stored, and (S3) its spool file removed after the PutObject.
      const files = key ? await backend.files() : [];
      return files.includes(key) && !files.some((path) => path.startsWith('.tmp/')) ? key : undefined;
    });
    expect(await leftovers()).toEqual({ documents: 0, uploads: 1, files: [stored] });

    const restarted = await killAndRestart();

    await expect(upload.answer).rejects.toThrow();
    expect(await leftovers()).toEqual({ documents: 0, uploads: 0, files: [] });
    expect(removedLeftoversLogged(restarted)).toBe(true);
  });

  it('takes uploads again after the restart', async () => {
    const upload = startSlowUpload(api!.url, token);
    await upload.sendFileBytes(someText);
    await upload.endFile();
    const answer = await upload.finish();
    expect(answer.status).toBe(201);
    const { id } = JSON.parse(answer.body) as { id: string };
    expect(await leftovers()).toEqual({
      documents: 1,
      uploads: 0,
      files: [expect.stringMatching(new RegExp(`/${id}$`))],
    });
  });
});
