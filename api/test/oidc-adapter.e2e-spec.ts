import { DataSource } from 'typeorm';
import { apiMigrations } from '../src/migrations';
import { PostgresOidcAdapter, purgeExpiredOidcPayloads } from '../src/core/identity/issuer/postgres-adapter';
import { createTestDatabase, TestDatabase } from './support/test-database';

describe('the embedded issuer storage adapter', () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('oidc_adapter');
    db = new DataSource({ type: 'postgres', url: database.url, migrations: apiMigrations, logging: false });
    await db.initialize();
    await db.runMigrations();
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('stores, finds, consumes and destroys artifacts per type', async () => {
    const codes = new PostgresOidcAdapter('AuthorizationCode', db);
    const sessions = new PostgresOidcAdapter('Session', db);
    await codes.upsert('c1', { grantId: 'g1', scope: 'openid' }, 60);
    expect(await codes.find('c1')).toEqual({ grantId: 'g1', scope: 'openid' });
    expect(await sessions.find('c1')).toBeUndefined();

    await codes.consume('c1');
    expect((await codes.find('c1'))?.consumed).toEqual(expect.any(Number));

    await sessions.upsert('s1', { uid: 'u1', accountId: 'a' }, 60);
    expect(await sessions.findByUid('u1')).toMatchObject({ accountId: 'a' });
    await sessions.upsert('s1', { uid: 'u1', accountId: 'b' }, 60);
    expect(await sessions.findByUid('u1')).toMatchObject({ accountId: 'b' });
    await sessions.destroy('s1');
    expect(await sessions.find('s1')).toBeUndefined();
  });

  it('revokes everything of a grant', async () => {
    const refreshTokens = new PostgresOidcAdapter('RefreshToken', db);
    const accessTokens = new PostgresOidcAdapter('AccessToken', db);
    await refreshTokens.upsert('r1', { grantId: 'g2' }, 60);
    await accessTokens.upsert('a1', { grantId: 'g2' }, 60);
    await accessTokens.upsert('a2', { grantId: 'other' }, 60);
    await refreshTokens.revokeByGrantId('g2');
    expect(await refreshTokens.find('r1')).toBeUndefined();
    expect(await accessTokens.find('a1')).toBeUndefined();
    expect(await accessTokens.find('a2')).toBeDefined();
  });

  it('never returns expired artifacts, and purges them', async () => {
    const interactions = new PostgresOidcAdapter('Interaction', db);
    await interactions.upsert('old', { uid: 'x' }, 60);
    await db.query(
      "update public.oidc_payloads set expires_at = now() - interval '1 second' where type = 'Interaction' and id = 'old'",
    );
    await interactions.upsert('new', {}, 60);
    expect(await interactions.find('old')).toBeUndefined();
    expect(await purgeExpiredOidcPayloads(db)).toBe(1);
    const left = (await db.query("select id from public.oidc_payloads where type = 'Interaction'")) as Array<{
      id: string;
    }>;
    expect(left.map((row) => row.id)).toEqual(['new']);
  });
});
