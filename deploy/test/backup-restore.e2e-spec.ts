import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { ApiProcess, repoRoot, startApiProcess } from '../../api/test/support/api-process';
import { callJson } from '../../api/test/support/json-call';
import { signIn, signUp } from '../../api/test/support/oidc-login';
import { createTestDatabase, onServer, TestDatabase, testServerUrl } from '../../api/test/support/test-database';

const backupScript = join(repoRoot, 'deploy/scripts/backup.sh');
const restoreScript = join(repoRoot, 'deploy/scripts/restore.sh');

interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
}

function runScript(script: string, args: string[], env: Record<string, string>): Promise<ScriptRun> {
  return new Promise((resolve) => {
    execFile('bash', [script, ...args], { env: { ...process.env, ...env }, cwd: repoRoot }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const sha256 = (bytes: Buffer | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * backup.sh and restore.sh (local mode) round-trip what the API stores: a database with real data
 * made through the API, and a document's bytes on the disk backend, into a dropped and recreated
 * database and an emptied documents folder.
 */
describe('backup and restore', () => {
  const account = { email: 'riley@example.com', password: 'backup-and-restore-1' };
  let database: TestDatabase;
  let workDir: string;
  let dataDir: string;
  let documentsDir: string;
  let backupsDir: string;
  let api: ApiProcess | undefined;
  let scriptEnv: Record<string, string>;
  /** Row counts when the backup was made. */
  let rowsInBackup: Record<string, number>;

  const startApi = () =>
    startApiProcess({ databaseUrl: database.url, dataDir, env: { SERVE_WEB: 'false', DOCUMENTS_DIR: documentsDir } });

  /** Every table's row count, by schema-qualified name. */
  async function rowCounts(): Promise<Record<string, number>> {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const tables = await client.query<{ name: string }>(
        `select format('%I.%I', schemaname, tablename) as name from pg_tables
          where schemaname not in ('pg_catalog', 'information_schema') order by 1`,
      );
      const counts: Record<string, number> = {};
      for (const { name } of tables.rows) {
        counts[name] = Number((await client.query<{ count: string }>(`select count(*) from ${name}`)).rows[0].count);
      }
      return counts;
    } finally {
      await client.end();
    }
  }

  /** What a user sees through the API: vehicles, fill-ups, documents, and each document's bytes' hash. */
  async function userView(baseUrl: string, token: string) {
    const get = async <Body>(path: string) => {
      const answer = await callJson<Body>(baseUrl, token, 'GET', path);
      expect(answer.status).toBe(200);
      return answer.body;
    };
    const vehicles = (await get<{ items: Array<{ id: string }> }>('/api/vehicles')).items;
    const fillUps = await get<{ items: unknown[] }>(`/api/fuel-logs?vehicleId=${vehicles[0].id}&pageSize=100`);
    const documents = await get<{ items: Array<{ id: string; sha256: string }> }>('/api/documents');
    const contents: Record<string, string> = {};
    for (const document of documents.items) {
      const response = await fetch(`${baseUrl}/api/documents/${document.id}/content`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      contents[document.id] = sha256(new Uint8Array(await response.arrayBuffer()));
    }
    return { vehicles, fillUps: fillUps.items, documents: documents.items, contents };
  }

  beforeAll(async () => {
    database = await createTestDatabase('backup_restore');
    workDir = mkdtempSync(join(tmpdir(), 'mvp-backup-'));
    dataDir = join(workDir, 'data');
    documentsDir = join(dataDir, 'documents');
    backupsDir = join(workDir, 'backups');
    scriptEnv = { DATABASE_URL: database.url, DOCUMENTS_DIR: documentsDir };
  });

  afterAll(async () => {
    await api?.stop();
    await database?.drop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('says how to call them when the arguments are wrong', async () => {
    const noFolder = await runScript(backupScript, [], scriptEnv);
    expect(noFolder.code).toBe(2);
    expect(noFolder.stderr).toMatch(
      /folder to write the backup into is missing[\s\S]*Usage: .*backup\.sh \[--compose\] <folder>/,
    );
    const unknown = await runScript(restoreScript, ['--quick', backupsDir], scriptEnv);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option --quick[\s\S]*Usage: .*restore\.sh \[--compose\] \[--force\]/);
    const notABackup = await runScript(restoreScript, [workDir], scriptEnv);
    expect(notABackup.code).toBe(1);
    expect(notABackup.stderr).toMatch(/has no database\.dump: is it a folder backup\.sh wrote\?/);
    const noDatabase = await runScript(backupScript, [backupsDir], { DATABASE_URL: '' });
    expect(noDatabase.code).toBe(1);
    expect(noDatabase.stderr).toMatch(/DATABASE_URL is not set/);
  });

  it('round-trips the database and the documents', async () => {
    api = await startApi();
    let token = (await signUp(api.url, account)).accessToken;
    const call = async <Body>(path: string, body: unknown) => {
      const answer = await callJson<Body>(api!.url, token, 'POST', path, body);
      expect(answer.status).toBe(201);
      return answer.body;
    };
    const vehicle = await call<{ id: string }>('/api/vehicles', {
      make: 'Honda',
      model: 'Africa Twin',
      year: 2022,
      odometerUnit: 'km',
      initialOdometer: 500,
    });
    for (const day of [1, 2]) {
      await call('/api/fuel-logs', {
        vehicleId: vehicle.id,
        filledAt: `2026-04-0${day}T09:00:00Z`,
        odometer: 500 + day * 300,
        quantity: 14.2,
        quantityUnit: 'l',
        totalCost: 25 + day,
        currency: 'EUR',
      });
    }
    const fileBytes = Buffer.from(`service notes ${randomBytes(2048).toString('hex')}\n`);
    const form = new FormData();
    form.append('title', 'Service notes');
    form.append('kind', 'other');
    form.append('vehicleId', vehicle.id);
    form.append('file', new Blob([fileBytes], { type: 'text/plain' }), 'notes.txt');
    await call('/api/documents', form);

    const before = await userView(api.url, token);
    expect(before.fillUps).toHaveLength(2);
    expect(Object.values(before.contents)).toEqual([sha256(fileBytes)]);
    await api.stop();
    api = undefined;
    rowsInBackup = await rowCounts();

    const backup = await runScript(backupScript, [backupsDir], scriptEnv);
    expect(backup).toEqual({ code: 0, stdout: expect.any(String), stderr: expect.not.stringMatching(/error/i) });
    const backupDir = backup.stdout.trim().split('\n').pop()!;
    expect(backupDir).toMatch(/\/motovaultpro-\d{8}T\d{6}Z$/);
    expect(readdirSync(backupDir).sort()).toEqual(['database.dump', 'documents.tar.gz']);

    // Over the database it came from, restore refuses without --force.
    const refused = await runScript(restoreScript, [backupDir], scriptEnv);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/the database already has \d+ table\(s\).*pass --force/);

    await database.drop();
    await onServer(testServerUrl(), (client) =>
      client.query(`create database ${client.escapeIdentifier(database.name)}`),
    );
    rmSync(documentsDir, { recursive: true, force: true });
    mkdirSync(documentsDir);

    const restored = await runScript(restoreScript, [backupDir], scriptEnv);
    expect(restored).toEqual({ code: 0, stdout: expect.any(String), stderr: expect.not.stringMatching(/error/i) });
    expect(await rowCounts()).toEqual(rowsInBackup);

    api = await startApi();
    token = (await signIn(api.url, account)).accessToken;
    expect(await userView(api.url, token)).toEqual(before);
  });

  it('replaces what is there with --force', async () => {
    await api?.stop();
    api = undefined;
    const [backupName] = readdirSync(backupsDir);
    writeFileSync(join(documentsDir, 'stray-file'), 'not in the backup');

    const forced = await runScript(restoreScript, ['--force', join(backupsDir, backupName)], scriptEnv);
    expect(forced).toEqual({ code: 0, stdout: expect.any(String), stderr: expect.not.stringMatching(/error/i) });
    expect(existsSync(join(documentsDir, 'stray-file'))).toBe(false);
    expect(await rowCounts()).toEqual(rowsInBackup);
    api = await startApi();
    const token = (await signIn(api.url, account)).accessToken;
    expect((await userView(api.url, token)).documents).toHaveLength(1);
  });

  it('leaves the database as it was when the dump breaks off half-way', async () => {
    await api?.stop();
    api = undefined;
    const [backupName] = readdirSync(backupsDir);
    const damaged = join(workDir, 'damaged');
    mkdirSync(damaged);
    const dump = readFileSync(join(backupsDir, backupName, 'database.dump'));
    writeFileSync(join(damaged, 'database.dump'), dump.subarray(0, Math.floor(dump.length * 0.8)));
    copyFileSync(join(backupsDir, backupName, 'documents.tar.gz'), join(damaged, 'documents.tar.gz'));
    const rowsBefore = await rowCounts();

    const failed = await runScript(restoreScript, ['--force', damaged], scriptEnv);
    expect(failed.code).not.toBe(0);
    expect(await rowCounts()).toEqual(rowsBefore);
  });
});
