import { RouteScopingCheck } from '../src/core/identity/scoping/route-scoping.check';
import { useCapsuleApi } from './support/capsule-api';
import { createNotesTable, NotesModule } from './fixtures/notes.module';
import { runCrossUserMatrix } from './support/cross-user-matrix';

describe('user scoping: every user table query carries the caller’s user id', () => {
  const capsule = useCapsuleApi({ label: 'scoping', imports: [NotesModule], setupSql: createNotesTable });

  const call = async (token: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${capsule.api.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: (await response.text()) || undefined };
  };

  it('started only because every route of the app is public, scoped or says why it is neither', () => {
    const routes = capsule.api.app.get(RouteScopingCheck).routes();
    const kindOf = (route: string) => routes.find((entry) => entry.route.startsWith(route))?.kind;
    expect(kindOf('GET /health | /api/health ')).toBe('public');
    expect(kindOf('GET /api/vehicles ')).toBe('scoped');
    expect(kindOf('POST /api/fuel-logs ')).toBe('scoped');
    expect(kindOf('GET /api/test-notes ')).toBe('scoped');
    expect(kindOf('GET /api/vehicles/catalog/years ')).toBe('unscoped');
    expect(routes.filter((route) => route.kind === 'neither' || route.kind === 'public and scoped')).toEqual([]);
  });

  it('runs the full cross-user matrix on a capsule built on UserScopedRepository', async () => {
    const id = await runCrossUserMatrix({
      baseUrl: capsule.api.url,
      owner: capsule.alice,
      intruder: capsule.bob,
      path: '/api/test-notes',
      createBody: { title: 'Alice’s note', body: 'private' },
      updateBody: { title: 'Bob was here' },
      restore: true,
    });
    const row = await capsule.db.query('select title, body, deleted_at from test_notes where id = $1', [id]);
    expect(row.rows).toEqual([{ title: 'Alice’s note', body: 'private', deleted_at: null }]);
  });

  it('lists only the caller’s live records, paged', async () => {
    for (const title of ['one', 'two', 'three']) await call(capsule.bob, 'POST', '/api/test-notes', { title });
    const gone = JSON.parse((await call(capsule.bob, 'POST', '/api/test-notes', { title: 'gone' })).body!).id as string;
    expect((await call(capsule.bob, 'DELETE', `/api/test-notes/${gone}`)).status).toBe(204);
    const page = JSON.parse((await call(capsule.bob, 'GET', '/api/test-notes?page=1&pageSize=2')).body!);
    expect(page).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page.items).toHaveLength(2);
    const second = JSON.parse((await call(capsule.bob, 'GET', '/api/test-notes?page=2&pageSize=2')).body!);
    expect(second.items.map((note: { title: string }) => note.title)).toEqual(['one']);
  });

  it('answers a malformed id with the same 404 as a missing one', async () => {
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      const answer = await call(
        capsule.alice,
        method,
        '/api/test-notes/not-a-uuid',
        method === 'PATCH' ? { title: 'x' } : undefined,
      );
      expect(answer.status).toBe(404);
    }
    expect((await call(capsule.alice, 'POST', '/api/test-notes/not-a-uuid/restore')).status).toBe(404);
  });

  it('never lets a body move a record to another user', async () => {
    const created = JSON.parse((await call(capsule.alice, 'POST', '/api/test-notes', { title: 'mine' })).body!);
    const bobId = (await capsule.db.query(`select id from users where sub = 'fake|bob'`)).rows[0].id as string;
    const answer = await call(capsule.alice, 'PATCH', `/api/test-notes/${created.id}`, {
      title: 'still mine',
      userId: bobId,
    });
    expect(answer.status).toBe(400);
    const row = await capsule.db.query('select user_id from test_notes where id = $1', [created.id]);
    expect(row.rows[0].user_id).not.toBe(bobId);
  });

  it('lets nobody in without a token', async () => {
    const response = await fetch(`${capsule.api.url}/api/test-notes`);
    expect(response.status).toBe(401);
  });
});
