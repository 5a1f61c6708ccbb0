import { Client } from 'pg';
import type { RunningApi } from '../src/start-api';
import { startInProcessApi } from './support/in-process-api';
import { createNotesTable, NotesModule } from './fixtures/notes.module';
import { runCrossUserMatrix } from './support/cross-user-matrix';
import { FakeIssuer, startFakeIssuer } from './support/fake-issuer';
import { createTestDatabase, TestDatabase } from './support/test-database';

describe('user scoping: every user table query carries the caller’s user id', () => {
  let database: TestDatabase;
  let issuer: FakeIssuer;
  let api: RunningApi;
  let db: Client;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    database = await createTestDatabase('scoping');
    issuer = await startFakeIssuer();
    api = await startInProcessApi({
      databaseUrl: database.url,
      imports: [NotesModule],
      env: issuer.apiEnv(),
    });
    db = new Client({ connectionString: database.url });
    await db.connect();
    await db.query(createNotesTable);
    alice = await issuer.sign({ claims: { sub: 'fake|alice' } });
    bob = await issuer.sign({ claims: { sub: 'fake|bob' } });
  });

  afterAll(async () => {
    await db?.end();
    await api?.close();
    await issuer?.close();
    await database?.drop();
  });

  const call = async (token: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${api.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: (await response.text()) || undefined };
  };

  it('runs the full cross-user matrix on a capsule built on UserScopedRepository', async () => {
    const id = await runCrossUserMatrix({
      baseUrl: api.url,
      owner: alice,
      intruder: bob,
      path: '/api/test-notes',
      createBody: { title: 'Alice’s note', body: 'private' },
      updateBody: { title: 'Bob was here' },
      restore: true,
    });
    const row = await db.query('select title, body, deleted_at from test_notes where id = $1', [id]);
    expect(row.rows).toEqual([{ title: 'Alice’s note', body: 'private', deleted_at: null }]);
  });

  it('lists only the caller’s live records, paged', async () => {
    for (const title of ['one', 'two', 'three']) await call(bob, 'POST', '/api/test-notes', { title });
    const gone = JSON.parse((await call(bob, 'POST', '/api/test-notes', { title: 'gone' })).body!).id as string;
    expect((await call(bob, 'DELETE', `/api/test-notes/${gone}`)).status).toBe(204);
    const page = JSON.parse((await call(bob, 'GET', '/api/test-notes?page=1&pageSize=2')).body!);
    expect(page).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page.items).toHaveLength(2);
    const second = JSON.parse((await call(bob, 'GET', '/api/test-notes?page=2&pageSize=2')).body!);
    expect(second.items.map((note: { title: string }) => note.title)).toEqual(['one']);
  });

  it('answers a malformed id with the same 404 as a missing one', async () => {
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      const answer = await call(
        alice,
        method,
        '/api/test-notes/not-a-uuid',
        method === 'PATCH' ? { title: 'x' } : undefined,
      );
      expect(answer.status).toBe(404);
    }
    expect((await call(alice, 'POST', '/api/test-notes/not-a-uuid/restore')).status).toBe(404);
  });

  it('never lets a body move a record to another user', async () => {
    const created = JSON.parse((await call(alice, 'POST', '/api/test-notes', { title: 'mine' })).body!);
    const bobId = (await db.query(`select id from users where sub = 'fake|bob'`)).rows[0].id as string;
    const answer = await call(alice, 'PATCH', `/api/test-notes/${created.id}`, { title: 'still mine', userId: bobId });
    expect(answer.status).toBe(400);
    const row = await db.query('select user_id from test_notes where id = $1', [created.id]);
    expect(row.rows[0].user_id).not.toBe(bobId);
  });

  it('lets nobody in without a token', async () => {
    const response = await fetch(`${api.url}/api/test-notes`);
    expect(response.status).toBe(401);
  });
});
