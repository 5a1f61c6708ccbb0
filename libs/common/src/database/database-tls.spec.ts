import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, DatabaseError } from 'pg';
import { ConfigError } from '../config/config-error';
import { DatabaseKeys } from '../config/config-keys';
import { openDatabaseTarget } from './database-target';
import { databaseTls, describeDatabaseTlsFailure, postgresCaFileName, urlForTls } from './database-tls';

/** node-postgres's `ssl` for a connection made the way TypeORM and our clients make one (never connected). */
function sslOf(connectionString: string, ssl: unknown): unknown {
  const client = new Client({ connectionString, ssl } as ConstructorParameters<typeof Client>[0]);
  return (client as unknown as { connectionParameters: { ssl: unknown } }).connectionParameters.ssl;
}

describe('databaseTls', () => {
  let secretsDir: string;
  let caPem: string;

  beforeAll(() => {
    const keysDir = mkdtempSync(join(tmpdir(), 'mvp-ca-'));
    execFileSync('openssl', [
      'req',
      ...['-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1'],
      ...['-subj', '/CN=Test CA', '-keyout', join(keysDir, 'ca.key'), '-out', join(keysDir, 'ca.crt')],
    ]);
    caPem = readFileSync(join(keysDir, 'ca.crt'), 'utf8');
    rmSync(keysDir, { recursive: true, force: true });
  });
  beforeEach(() => (secretsDir = mkdtempSync(join(tmpdir(), 'mvp-secrets-'))));
  afterEach(() => rmSync(secretsDir, { recursive: true, force: true }));

  it('is off when DATABASE_SSL is off, whatever the secrets folder holds', () => {
    writeFileSync(join(secretsDir, postgresCaFileName), caPem);
    expect(databaseTls(false, secretsDir)).toBe(false);
  });

  it("verifies against Node's default CAs when there is no CA file", () => {
    expect(databaseTls(true, secretsDir)).toEqual({ rejectUnauthorized: true });
  });

  it('verifies against the CA file in the secrets folder', () => {
    writeFileSync(join(secretsDir, postgresCaFileName), caPem);
    expect(databaseTls(true, secretsDir)).toEqual({ rejectUnauthorized: true, ca: caPem });
  });

  it('refuses a CA file that cannot be read, naming it', () => {
    const caFile = join(secretsDir, postgresCaFileName);
    mkdirSync(caFile);
    expect(() => databaseTls(true, secretsDir)).toThrow(ConfigError);
    expect(() => databaseTls(true, secretsDir)).toThrow(`Configuration error: ${caFile} (the CA for DATABASE_SSL)`);
  });

  it('refuses a CA file that holds no certificate, naming it', () => {
    const caFile = join(secretsDir, postgresCaFileName);
    writeFileSync(caFile, 'not a certificate\n');
    expect(() => databaseTls(true, secretsDir)).toThrow(
      `${caFile} (the CA for DATABASE_SSL) must hold a PEM certificate`,
    );
  });
});

describe('urlForTls', () => {
  const url = 'postgres://mvp:p%40ss@db.internal:5432/motovaultpro';

  it('leaves a URL without TLS parameters as it is', () => {
    expect(urlForTls(url)).toBe(url);
    expect(urlForTls(`${url}?application_name=x`)).toBe(`${url}?application_name=x`);
  });

  it.each(['sslmode=disable', 'sslmode=no-verify', 'sslmode=prefer', 'ssl=0', 'ssl=true&uselibpqcompat=true'])(
    'drops %s, keeping the rest',
    (parameters) => {
      expect(urlForTls(`${url}?${parameters}&application_name=x`)).toBe(`${url}?application_name=x`);
    },
  );

  it('refuses certificate files named in the URL', () => {
    expect(() => urlForTls(`${url}?sslrootcert=/tmp/ca.crt`)).toThrow(
      /DATABASE_URL must not set sslrootcert with DATABASE_SSL on: put the CA in SECRETS_DIR\/postgres-ca.crt/,
    );
  });

  it('keeps node-postgres from weakening the verification', () => {
    const ssl = { rejectUnauthorized: true, ca: 'CA' };
    // What the parameters do when left in: node-postgres takes them over the options it is given.
    expect(sslOf(`${url}?sslmode=disable`, ssl)).toBe(false);
    expect(sslOf(`${url}?sslmode=no-verify`, ssl)).toEqual({ rejectUnauthorized: false });
    for (const parameters of ['sslmode=disable', 'sslmode=no-verify', 'sslmode=require', 'ssl=0']) {
      expect(sslOf(urlForTls(`${url}?${parameters}`), ssl)).toBe(ssl);
    }
  });
});

describe('openDatabaseTarget with DATABASE_SSL', () => {
  let secretsDir: string;
  const log = { info: () => undefined, warn: () => undefined, debug: () => undefined };
  const config = (keys: Partial<DatabaseKeys>): DatabaseKeys & { DATA_DIR: string } => ({
    DATABASE_PORT: 5432,
    DATABASE_USER: 'mvp',
    DATABASE_NAME: 'motovaultpro',
    DATABASE_SSL: true,
    DATABASE_POOL_SIZE: 5,
    EMBEDDED_DB_PORT: 5433,
    DATA_DIR: '/nonexistent',
    ...keys,
  });
  const open = (keys: Partial<DatabaseKeys>) =>
    openDatabaseTarget(config(keys), log, { embeddedMode: 'run', command: 'test', secretsDir });

  beforeEach(() => (secretsDir = mkdtempSync(join(tmpdir(), 'mvp-secrets-'))));
  afterEach(() => rmSync(secretsDir, { recursive: true, force: true }));

  it('gives a configured URL the TLS options, without its sslmode', async () => {
    const target = await open({ DATABASE_URL: 'postgres://mvp@db.internal/motovaultpro?sslmode=no-verify' });
    expect(target).toEqual({
      url: 'postgres://mvp@db.internal/motovaultpro',
      ssl: { rejectUnauthorized: true },
      poolSize: 5,
    });
  });

  it('gives the DATABASE_HOST settings the same', async () => {
    const target = await open({ DATABASE_HOST: 'db.internal', DATABASE_PASSWORD: 'p@ss' });
    expect(target).toEqual({
      url: 'postgres://mvp:p%40ss@db.internal:5432/motovaultpro',
      ssl: { rejectUnauthorized: true },
      poolSize: 5,
    });
  });

  it('connects without TLS when DATABASE_SSL is off', async () => {
    const target = await open({ DATABASE_URL: 'postgres://mvp@db.internal/motovaultpro', DATABASE_SSL: false });
    expect(target.ssl).toBe(false);
  });
});

describe('describeDatabaseTlsFailure', () => {
  const tlsError = (code: string, message: string) => Object.assign(new Error(message), { code });

  it('names DATABASE_SSL and the CA file for a certificate that does not verify', () => {
    const error = tlsError('SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain');
    expect(describeDatabaseTlsFailure(error)).toBe(
      "The database server's TLS certificate was rejected (self-signed certificate in certificate chain): with " +
        'DATABASE_SSL on it must be signed by the CA in SECRETS_DIR/postgres-ca.crt, or by a system CA when that ' +
        'file is absent, and name the host in the database URL',
    );
  });

  it('looks through causes and aggregate errors', () => {
    const error = tlsError('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames");
    expect(describeDatabaseTlsFailure(new Error('wrapped', { cause: error }))).toMatch(/TLS certificate was rejected/);
    expect(describeDatabaseTlsFailure(new AggregateError([error]))).toMatch(/TLS certificate was rejected/);
  });

  it('tells a server without TLS from one that only takes TLS', () => {
    expect(describeDatabaseTlsFailure(new Error('The server does not support SSL connections'))).toMatch(
      /does not accept TLS connections, which DATABASE_SSL asks for/,
    );
    const refused = 'no pg_hba.conf entry for host "127.0.0.1", user "mvp", database "mvp", no encryption';
    const hbaError = Object.assign(new DatabaseError(refused, refused.length, 'error'), { code: '28000' });
    expect(describeDatabaseTlsFailure(hbaError)).toMatch(/accepts only TLS connections .*: set DATABASE_SSL=true$/);
  });

  it('says nothing about other errors', () => {
    expect(describeDatabaseTlsFailure(tlsError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'))).toBeUndefined();
    expect(describeDatabaseTlsFailure('text')).toBeUndefined();
  });
});
