import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { documentKey } from '../src/features/documents';
import { adminCommand } from './support/admin-command';
import { useCapsuleApi } from './support/capsule-api';
import { documentBackends, useDocumentBackend } from './support/document-backends';
import { ApiSchema } from './support/json-call';
import { waitFor } from './support/local-receivers';
import { SlowUpload, startSlowUpload } from './support/slow-upload';

type Document = ApiSchema<'DocumentDto'>;

describe.each(documentBackends)('npm run admin -- documents:check (%s)', (name) => {
  const backend = useDocumentBackend(name);
  const capsule = useCapsuleApi({ label: `documents-check-${name}`, env: () => backend.env() });
  const { call } = capsule;

  const check = async (...args: string[]) => {
    const result = await adminCommand(
      { DATABASE_URL: capsule.database.url, ...backend.env() },
      'documents:check',
      ...args,
    );
    return { ...result, lines: result.stdout.trim().split('\n') };
  };
  const upload = async (text: string) => {
    const form = new FormData();
    form.append('file', new Blob([text]), 'receipt.txt');
    const created = await call<Document>('POST', '/api/documents', form);
    expect(created.status).toBe(201);
    const { rows } = await capsule.db.query<{ user_id: string }>('select user_id from public.documents where id = $1', [
      created.body.id,
    ]);
    return { id: created.body.id, userId: rows[0].user_id, key: documentKey(rows[0].user_id, created.body.id) };
  };
  const put = (key: string, text: string) =>
    backend.storage().put(key, Readable.from([Buffer.from(text)]), { maxBytes: 1024 });
  const fileMissingAt = async (id: string) =>
    (
      await capsule.db.query<{ file_missing_at: Date | null }>(
        'select file_missing_at from public.documents where id = $1',
        [id],
      )
    ).rows[0].file_missing_at;

  let kept: Awaited<ReturnType<typeof upload>>;
  let lost: Awaited<ReturnType<typeof upload>>;
  let lostWhileDeleted: Awaited<ReturnType<typeof upload>>;
  let strayKey: string;
  let inFlight: SlowUpload;
  let inFlightKey: string;

  it('finds nothing to report when the rows and the files agree, deleted documents included', async () => {
    kept = await upload('kept');
    const deleted = await upload('deleted, kept until the purge');
    expect((await call('DELETE', `/api/documents/${deleted.id}`)).status).toBe(204);

    const result = await check('--older-than', '0');

    expect(result.code).toBe(0);
    expect(result.lines).toEqual(['Checked 2 document rows and 2 stored files: no problems.']);
  });

  it('lists files without a row and rows without a file (exit code 2), skipping an upload in flight and changing nothing', async () => {
    strayKey = documentKey(randomUUID(), randomUUID());
    await put(strayKey, 'bytes nobody owns');
    lost = await upload('lost');
    await backend.storage().delete(lost.key);
    lostWhileDeleted = await upload('lost while deleted');
    expect((await call('DELETE', `/api/documents/${lostWhileDeleted.id}`)).status).toBe(204);
    await backend.storage().delete(lostWhileDeleted.key);
    // A real upload, held open after its file: its bytes are stored and its row not written yet.
    inFlight = startSlowUpload(capsule.api.url, capsule.alice);
    await inFlight.sendFileBytes(Buffer.from('on its way'));
    await inFlight.endFile();
    inFlightKey = await waitFor('the upload in flight to have stored its bytes', async () => {
      const { rows } = await capsule.db.query<{ user_id: string; id: string }>(
        'select user_id, id from public.document_uploads',
      );
      const key = rows[0] && documentKey(rows[0].user_id, rows[0].id);
      // Stored, and (S3) its spool file removed after the PutObject.
      const files = key ? await backend.files() : [];
      return files.includes(key) && !files.some((path) => path.startsWith('.tmp/')) ? key : undefined;
    });
    const filesBefore = await backend.files();

    const result = await check('--older-than', '0');

    expect(result.code).toBe(2);
    expect(result.lines).toEqual([
      expect.stringMatching(new RegExp(`^file without a row: ${strayKey} \\(17 bytes, stored \\d{4}-.+Z\\)$`)),
      `row without a file: document ${lost.id} of user ${lost.userId}`,
      `row without a file: document ${lostWhileDeleted.id} of user ${lostWhileDeleted.userId} (deleted)`,
      'Checked 4 document rows and 4 stored files: 1 file without a row, 2 rows without a file (run with --fix to fix).',
    ]);
    expect(result.stdout).not.toContain(inFlightKey);
    expect(await backend.files()).toEqual(filesBefore);
    expect(await fileMissingAt(lost.id)).toBeNull();

    const withGrace = await check();
    expect(withGrace.code).toBe(2);
    expect(withGrace.stdout).not.toContain(strayKey);
    expect(withGrace.lines.at(-1)).toBe(
      'Checked 4 document rows and 4 stored files: 2 rows without a file (run with --fix to fix); ' +
        '1 file without a row stored in the last 15 min, left for a later run.',
    );
  });

  it('--fix quarantines the stray file and marks the rows: the API shows fileMissing and answers 410', async () => {
    const result = await check('--fix', '--older-than', '0');

    expect(result.code).toBe(0);
    expect(result.lines).toEqual([
      expect.stringMatching(new RegExp(`^file without a row: ${strayKey} .+ → quarantined$`)),
      `row without a file: document ${lost.id} of user ${lost.userId} → marked missing`,
      `row without a file: document ${lostWhileDeleted.id} of user ${lostWhileDeleted.userId} (deleted) → marked missing`,
      'Checked 4 document rows and 4 stored files: 1 file without a row, 2 rows without a file (fixed).',
    ]);
    const files = await backend.files();
    expect(files).toContain(`quarantine/${strayKey}`);
    expect(files).not.toContain(strayKey);
    expect(files).toContain(inFlightKey);
    expect(files).toContain(kept.key);

    expect((await call<Document>('GET', `/api/documents/${lost.id}`)).body.fileMissing).toBe(true);
    expect((await call<Document>('GET', `/api/documents/${kept.id}`)).body.fileMissing).toBe(false);
    const content = await fetch(`${capsule.api.url}/api/documents/${lost.id}/content`, {
      headers: { authorization: `Bearer ${capsule.alice}` },
    });
    expect(content.status).toBe(410);

    const again = await check('--older-than', '0');
    expect(again.code).toBe(0);
    expect(again.lines).toEqual([
      expect.stringMatching(new RegExp(`^row without a file \\(marked missing .+Z\\): document ${lost.id} `)),
      expect.stringMatching(
        new RegExp(`^row without a file \\(marked missing .+Z\\): document ${lostWhileDeleted.id} `),
      ),
      'Checked 4 document rows and 3 stored files: no problems; 2 rows marked missing earlier.',
    ]);
  });

  it('lets the upload in flight finish as if nothing happened', async () => {
    const answer = await inFlight.finish();
    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.body)).toMatchObject({ title: 'Slow receipt', fileMissing: false });
    expect((await check('--older-than', '0')).code).toBe(0);
  });

  it('notices a file put back for a row marked missing, and --fix unmarks it', async () => {
    await put(lost.key, 'lost');

    const found = await check('--older-than', '0');
    expect(found.code).toBe(2);
    expect(found.lines).toContain(`file back for a row marked missing: document ${lost.id} of user ${lost.userId}`);

    const fixed = await check('--fix');
    expect(fixed.code).toBe(0);
    expect(fixed.lines).toContain(
      `file back for a row marked missing: document ${lost.id} of user ${lost.userId} → unmarked`,
    );
    expect(await fileMissingAt(lost.id)).toBeNull();
    const content = await fetch(`${capsule.api.url}/api/documents/${lost.id}/content`, {
      headers: { authorization: `Bearer ${capsule.alice}` },
    });
    expect([content.status, await content.text()]).toEqual([200, 'lost']);
  });

  it('does not report a document the purge is deleting at that moment', async () => {
    const purged = await upload('being purged');
    expect((await call('DELETE', `/api/documents/${purged.id}`)).status).toBe(204);
    // What the purge does: holds the row, deletes the bytes, deletes the row, commits.
    const purge = new Client({ connectionString: capsule.database.url });
    await purge.connect();
    try {
      await purge.query('begin');
      await purge.query('select 1 from public.documents where id = $1 for update', [purged.id]);
      await backend.storage().delete(purged.key);

      const result = await check('--fix', '--older-than', '0');

      expect(result.code).toBe(0);
      expect(result.stdout).not.toContain(purged.id);
      await purge.query('delete from public.documents where id = $1', [purged.id]);
      await purge.query('commit');
    } finally {
      await purge.end();
    }
  });

  it('removes an upload a process left unfinished over a day ago and never came back to', async () => {
    const id = randomUUID();
    const key = documentKey(kept.userId, id);
    await capsule.db.query(
      `insert into public.document_uploads (id, user_id, owner, started_at)
       values ($1, $2, 'a-replica-gone-for-good', now() - interval '2 days')`,
      [id, kept.userId],
    );
    await put(key, 'stored, never described');

    const found = await check('--older-than', '0');
    expect(found.code).toBe(2);
    expect(found.lines).toContainEqual(
      expect.stringMatching(`^upload left unfinished since .* by a-replica-gone-for-good: ${key}$`),
    );
    expect(await backend.storage().stat(key)).not.toBeNull();

    const fixed = await check('--fix', '--older-than', '0');
    expect(fixed.code).toBe(0);
    expect(fixed.lines).toContainEqual(expect.stringMatching(`: ${key} → removed$`));
    expect(await backend.storage().stat(key)).toBeNull();
    const { rows } = await capsule.db.query('select 1 from public.document_uploads where id = $1', [id]);
    expect(rows).toEqual([]);
  });
});
