import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { databaseTls, DatabaseTls, describeDatabaseTlsFailure, postgresCaFileName } from '@mvp/common';
import { ApiProcess, repoRoot, startApiProcess } from '../../api/test/support/api-process';
import { freePort } from '../../api/test/support/free-port';
import { PlatformProcess, startPlatformProcess } from '../../platform/test/support/platform-process';
import { CertificateAuthority, createCertificateAuthority, issueServerCertificate } from './support/test-certificates';
import { startTlsPostgres, TlsPostgres } from './support/tls-postgres';

/**
 * DATABASE_SSL against a PostgreSQL of its own that takes TLS connections only, with a server
 * certificate from a CA made here: the built API and platform connect (every connection encrypted)
 * with that CA in the secrets folder, and refuse, saying why, with another CA or the system's.
 */
describe('database TLS', () => {
  let workDir: string;
  let postgresDir: string;
  let serverCa: CertificateAuthority;
  let otherCa: CertificateAuthority;
  let postgres: TlsPostgres;

  /** A secrets folder holding `ca` as postgres-ca.crt, or nothing. */
  const secretsWith = (name: string, ca?: CertificateAuthority): string => {
    const dir = join(workDir, 'secrets', name);
    mkdirSync(dir, { recursive: true });
    if (ca) copyFileSync(ca.certFile, join(dir, postgresCaFileName));
    return dir;
  };
  const tlsEnv = (secretsDir: string) => ({ DATABASE_SSL: 'true', SECRETS_DIR: secretsDir, SERVE_WEB: 'false' });

  async function query<Row extends object>(tls: DatabaseTls, sql: string): Promise<Row[]> {
    const client = new Client({
      connectionString: postgres.url,
      ssl: tls || undefined,
      connectionTimeoutMillis: 10_000,
    });
    client.on('error', () => undefined);
    await client.connect();
    try {
      return (await client.query<Row>(sql)).rows;
    } finally {
      await client.end();
    }
  }

  /** Whether every open connection of `applicationName` is encrypted, and how many there are. */
  async function connectionsOf(applicationName: string): Promise<{ total: number; encrypted: number }> {
    const [row] = await query<{ total: number; encrypted: number }>(
      databaseTls(true, secretsWith('trusted', serverCa)),
      `select count(*)::int as total, (count(*) filter (where s.ssl))::int as encrypted
         from pg_stat_activity a join pg_stat_ssl s using (pid)
        where a.application_name = '${applicationName}'`,
    );
    return row;
  }

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'mvp-dbtls-'));
    serverCa = createCertificateAuthority(workDir, 'Database CA');
    otherCa = createCertificateAuthority(workDir, 'Other CA');
    const certificate = issueServerCertificate(workDir, serverCa);
    // A folder of its own under the temp folder, which the server's user (`postgres` under root) can reach.
    postgresDir = mkdtempSync(join(tmpdir(), 'mvp-dbtls-postgres-'));
    postgres = await startTlsPostgres(postgresDir, await freePort(), certificate);
  });

  afterAll(async () => {
    await postgres?.stop();
    rmSync(workDir, { recursive: true, force: true });
    rmSync(postgresDir, { recursive: true, force: true });
  });

  it('is a server that refuses connections without TLS', async () => {
    const refused = await query(false, 'select 1').catch((error: unknown) => error);
    expect(describeDatabaseTlsFailure(refused)).toMatch(/accepts only TLS connections .*: set DATABASE_SSL=true$/);
  });

  it('encrypts a connection made with the built TLS options', async () => {
    const rows = await query<{ ssl: boolean }>(
      databaseTls(true, secretsWith('trusted', serverCa)),
      'select ssl from pg_stat_ssl where pid = pg_backend_pid()',
    );
    expect(rows).toEqual([{ ssl: true }]);
  });

  describe('with the CA in the secrets folder', () => {
    let api: ApiProcess | undefined;
    let platform: PlatformProcess | undefined;

    afterAll(async () => {
      await api?.stop();
      await platform?.stop();
    });

    it('runs the API over TLS, even with sslmode=disable in DATABASE_URL', async () => {
      api = await startApiProcess({
        databaseUrl: `${postgres.url}?sslmode=disable`,
        env: tlsEnv(secretsWith('trusted', serverCa)),
      });
      const health = await fetch(`${api.url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ checks: { database: { status: 'up' } } });

      const connections = await connectionsOf('motovaultpro-api');
      expect(connections.total).toBeGreaterThan(0);
      expect(connections.encrypted).toBe(connections.total);
      // pg-boss runs on the API's pool: its schema is there, created over those connections.
      const [jobs] = await query<{ found: boolean }>(
        databaseTls(true, secretsWith('trusted', serverCa)),
        `select exists (select 1 from information_schema.schemata where schema_name = 'pgboss') as found`,
      );
      expect(jobs.found).toBe(true);
    });

    it('runs the platform over TLS', async () => {
      platform = await startPlatformProcess({
        databaseUrl: postgres.url,
        env: { ...tlsEnv(secretsWith('trusted', serverCa)), CATALOG_AUTO_IMPORT: 'false' },
      });
      expect((await fetch(`${platform.httpUrl}/health`)).status).toBe(200);
      const connections = await connectionsOf('motovaultpro-platform');
      expect(connections.total).toBeGreaterThan(0);
      expect(connections.encrypted).toBe(connections.total);
    });
  });

  it.each([
    ['another CA', () => secretsWith('other', otherCa)],
    ["the system's CAs (no CA file)", () => secretsWith('none')],
  ])('refuses to start the API with %s, naming TLS', async (_name, secretsDir) => {
    const started = startApiProcess({ databaseUrl: postgres.url, env: tlsEnv(secretsDir()) });
    await expect(started).rejects.toThrow(/exit 1\)[\s\S]*TLS certificate was rejected/);
  });

  // pg_dump 15 here refuses this server (PostgreSQL 17) by version; psql, with the scripts' TLS settings, does not.
  it("gives the backup scripts' client tools the same verification", async () => {
    const sslOfScriptConnection = (secretsDir: string) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        const env = { ...process.env, DATABASE_URL: postgres.url, DATABASE_SSL: 'true', SECRETS_DIR: secretsDir };
        const script =
          'source deploy/scripts/common.sh && use_database_tls && ' +
          'psql -X -tA --dbname="$DATABASE_URL" -c "select ssl from pg_stat_ssl where pid = pg_backend_pid()"';
        execFile('bash', ['-c', script], { env, cwd: repoRoot }, (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, stdout: stdout.trim(), stderr }),
        );
      });
    expect(await sslOfScriptConnection(secretsWith('trusted', serverCa))).toMatchObject({ code: 0, stdout: 't' });
    const refused = await sslOfScriptConnection(secretsWith('other', otherCa));
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/certificate verify failed/);
  });
});
