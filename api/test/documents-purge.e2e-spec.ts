import { JobsService } from '../src/core/jobs/jobs.service';
import { documentKey } from '../src/features/documents';
import { documentsPurgeQueue, DocumentsPurgeService } from '../src/features/documents/domain/documents-purge.service';
import { useCapsuleApi } from './support/capsule-api';
import { documentBackends, useDocumentBackend } from './support/document-backends';
import { startInProcessApi } from './support/in-process-api';
import { ApiSchema } from './support/json-call';
import { waitFor } from './support/local-receivers';

type Document = ApiSchema<'DocumentDto'>;

describe.each(documentBackends)('documents purge (%s)', (name) => {
  const backend = useDocumentBackend(name);
  // No background jobs here, so each run below is the only one; the last test starts a replica that works them.
  const capsule = useCapsuleApi({ label: `documents-purge-${name}`, env: () => backend.env() });
  const { call } = capsule;
  const purge = () => capsule.api.app.get(DocumentsPurgeService).run();

  /** A document of alice's with its storage key. */
  const upload = async (text = 'a receipt') => {
    const form = new FormData();
    form.append('file', new Blob([text]), 'receipt.txt');
    const created = await call<Document>('POST', '/api/documents', form);
    expect(created.status).toBe(201);
    const { rows } = await capsule.db.query<{ user_id: string }>('select user_id from public.documents where id = $1', [
      created.body.id,
    ]);
    return { id: created.body.id, key: documentKey(rows[0].user_id, created.body.id) };
  };
  /** Deleted through the API, then its deletion moved `days` into the past. */
  const deletedDaysAgo = async (document: { id: string }, days: number) => {
    expect((await call('DELETE', `/api/documents/${document.id}`)).status).toBe(204);
    await capsule.db.query('update public.documents set deleted_at = now() - make_interval(days => $2) where id = $1', [
      document.id,
      days,
    ]);
  };
  const hasRow = async (document: { id: string }) =>
    (await capsule.db.query('select 1 from public.documents where id = $1', [document.id])).rowCount === 1;
  const hasBytes = async (document: { key: string }) => (await backend.files()).includes(document.key);
  const kept = async (document: { id: string; key: string }) => ({
    row: await hasRow(document),
    bytes: await hasBytes(document),
  });

  it('purges what was deleted more than the retention (30 days) ago: bytes, row and thumbnail; keeps the rest', async () => {
    const live = await upload();
    const recent = await upload();
    await deletedDaysAgo(recent, 29);
    const old = await upload();
    await deletedDaysAgo(old, 31);
    const withThumbnail = await upload();
    await deletedDaysAgo(withThumbnail, 45);
    await capsule.db.query(
      `insert into public.document_thumbnails (document_id, media_type, width, height, bytes)
       values ($1, 'image/webp', 1, 1, '\\x00')`,
      [withThumbnail.id],
    );

    expect(await purge()).toEqual({ purged: 2, failed: 0 });

    expect(await kept(old)).toEqual({ row: false, bytes: false });
    expect(await kept(withThumbnail)).toEqual({ row: false, bytes: false });
    const thumbnails = await capsule.db.query('select 1 from public.document_thumbnails where document_id = $1', [
      withThumbnail.id,
    ]);
    expect(thumbnails.rowCount).toBe(0);
    expect(await kept(live)).toEqual({ row: true, bytes: true });
    expect(await kept(recent)).toEqual({ row: true, bytes: true });

    expect((await call('POST', `/api/documents/${old.id}/restore`)).status).toBe(404);
    expect((await call('POST', `/api/documents/${recent.id}/restore`)).status).toBe(200);
    expect(await purge()).toEqual({ purged: 0, failed: 0 });
  });

  it('purges a row whose bytes are already gone; a row that fails to go stays, without bytes, for the next run', async () => {
    const bytesGone = await upload();
    await deletedDaysAgo(bytesGone, 31);
    await backend.storage().delete(bytesGone.key);
    const stuck = await upload();
    await deletedDaysAgo(stuck, 31);
    // A real failure of the row's delete, after its bytes are gone.
    await capsule.db.query(`
      create function refuse_delete_for_test() returns trigger language plpgsql as $$
        begin raise exception 'refused for the test'; end $$;
      create trigger refuse_delete before delete on public.documents
        for each row when (old.id = '${stuck.id}') execute function refuse_delete_for_test()`);

    try {
      expect(await purge()).toEqual({ purged: 1, failed: 1 });
      expect(await kept(bytesGone)).toEqual({ row: false, bytes: false });
      expect(await kept(stuck)).toEqual({ row: true, bytes: false });
    } finally {
      await capsule.db.query('drop trigger refuse_delete on public.documents; drop function refuse_delete_for_test()');
    }

    expect(await purge()).toEqual({ purged: 1, failed: 0 });
    expect(await kept(stuck)).toEqual({ row: false, bytes: false });
  });

  it('purges each document once when several runs go at the same time', async () => {
    const documents = [];
    for (let index = 0; index < 6; index += 1) {
      const document = await upload(`receipt ${index}`);
      await deletedDaysAgo(document, 40);
      documents.push(document);
    }

    const runs = await Promise.all([purge(), purge(), purge()]);

    expect(runs.reduce((sum, run) => sum + run.purged, 0)).toBe(6);
    expect(runs.every((run) => run.failed === 0)).toBe(true);
    for (const document of documents) expect(await kept(document)).toEqual({ row: false, bytes: false });
  });

  it('runs as the documents.purge job, as its schedule sends it', async () => {
    const old = await upload();
    await deletedDaysAgo(old, 31);
    const replica = await startInProcessApi({
      databaseUrl: capsule.database.url,
      imports: [],
      jobs: true,
      env: { ...capsule.issuer.apiEnv(), ...backend.env() },
    });
    try {
      await replica.app.get(JobsService).send(documentsPurgeQueue, {});
      await waitFor('the purge job to remove the row', async () => !(await hasRow(old)));
      expect(await hasBytes(old)).toBe(false);
      const { rows } = await capsule.db.query<{ cron: string }>('select cron from pgboss.schedule where name = $1', [
        documentsPurgeQueue.name,
      ]);
      expect(rows).toEqual([{ cron: '23 * * * *' }]);
    } finally {
      await replica.close();
    }
  });
});
