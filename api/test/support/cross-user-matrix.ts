export interface CrossUserMatrix {
  /** The API's base URL, e.g. `http://127.0.0.1:41234`. */
  baseUrl: string;
  /** Bearer tokens (JWT or read-write API token) of two different users. */
  owner: string;
  intruder: string;
  /** The collection, e.g. `/api/vehicles`; records live at `${path}/{id}`. */
  path: string;
  /** JSON, or a `FormData` for a multipart upload. */
  createBody: unknown;
  /** The change the intruder tries; leave out when the resource cannot be changed. */
  updateBody?: unknown;
  updateMethod?: 'PATCH' | 'PUT';
  /** Whether `POST ${path}/{id}/restore` exists. */
  restore?: boolean;
  /** Fields that may differ after the owner's own delete and restore (default `updatedAt`). */
  volatileFields?: string[];
}

type Json = Record<string, unknown>;

/**
 * The cross-user matrix for a user-scoped resource: the owner creates a record; the intruder lists
 * (the record is absent), reads, updates, deletes and restores it by id (each a 404 problem); the
 * owner's record is unchanged afterwards. With `restore`, the owner deletes it, the intruder's
 * restore is a 404 and leaves it deleted, and the owner restores it. Returns the record's id.
 */
export async function runCrossUserMatrix(matrix: CrossUserMatrix): Promise<string> {
  const call = async (token: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${matrix.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined || body instanceof FormData ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined || body instanceof FormData ? (body as FormData | undefined) : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, type: response.headers.get('content-type'), body: text ? JSON.parse(text) : {} };
  };
  const expectNotFound = (answer: Awaited<ReturnType<typeof call>>, what: string) => {
    expect({ what, status: answer.status }).toEqual({ what, status: 404 });
    expect(answer.type).toContain('application/problem+json');
  };
  const volatile = matrix.volatileFields ?? ['updatedAt'];
  const stable = (record: Json) =>
    Object.fromEntries(Object.entries(record).filter(([key]) => !volatile.includes(key)));

  const created = await call(matrix.owner, 'POST', matrix.path, matrix.createBody);
  expect(created.status).toBe(201);
  const id = (created.body as Json).id as string;
  expect(typeof id).toBe('string');
  const recordPath = `${matrix.path}/${id}`;
  const original = await call(matrix.owner, 'GET', recordPath);
  expect(original.status).toBe(200);

  const listed = await call(matrix.intruder, 'GET', `${matrix.path}?pageSize=100`);
  expect(listed.status).toBe(200);
  expect(((listed.body as Json).items as Json[]).map((item) => item.id)).not.toContain(id);
  expectNotFound(await call(matrix.intruder, 'GET', recordPath), 'read');
  if (matrix.updateBody !== undefined) {
    expectNotFound(
      await call(matrix.intruder, matrix.updateMethod ?? 'PATCH', recordPath, matrix.updateBody),
      'update',
    );
  }
  expectNotFound(await call(matrix.intruder, 'DELETE', recordPath), 'delete');
  if (matrix.restore) expectNotFound(await call(matrix.intruder, 'POST', `${recordPath}/restore`), 'restore live');

  const after = await call(matrix.owner, 'GET', recordPath);
  expect(after.status).toBe(200);
  expect(after.body).toEqual(original.body);

  if (matrix.restore) {
    expect((await call(matrix.owner, 'DELETE', recordPath)).status).toBeLessThan(300);
    expectNotFound(await call(matrix.intruder, 'POST', `${recordPath}/restore`), 'restore deleted');
    expectNotFound(await call(matrix.owner, 'GET', recordPath), 'still deleted');
    expect((await call(matrix.owner, 'POST', `${recordPath}/restore`)).status).toBeLessThan(300);
    const restored = await call(matrix.owner, 'GET', recordPath);
    expect(restored.status).toBe(200);
    expect(stable(restored.body as Json)).toEqual(stable(original.body as Json));
  }
  return id;
}
