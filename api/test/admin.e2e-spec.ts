import { adminCommand, lastLine } from './support/admin-command';
import { ApiProcess, startApiProcess } from './support/api-process';
import { createTestDatabase, TestDatabase } from './support/test-database';

describe('npm run admin', () => {
  let database: TestDatabase;
  let api: ApiProcess | undefined;

  beforeAll(async () => {
    database = await createTestDatabase('admin');
  });

  afterAll(async () => {
    await api?.stop();
    await database?.drop();
  });

  const admin = (...args: string[]) => adminCommand({ DATABASE_URL: database.url }, ...args);

  it('creates an account and tokens whose last output line is the token, and the API accepts them', async () => {
    const user = await admin(
      'user:create',
      '--email',
      'dana@example.com',
      '--password',
      'correct horse',
      '--name',
      'Dana',
    );
    expect(user).toMatchObject({ code: 0, stderr: '' });
    expect(user.stdout).toContain('dana@example.com');

    const readWrite = await admin('token:create', '--email', 'dana@example.com', '--name', 'backup script');
    expect(readWrite.code).toBe(0);
    const token = lastLine(readWrite.stdout);
    expect(token).toMatch(/^mvp_pat_[A-Za-z0-9_-]{43}$/);

    const readOnly = await admin('token:create', '--email', 'DANA@example.com', '--name', 'dashboard', '--read-only');
    expect(readOnly.code).toBe(0);
    const readOnlyToken = lastLine(readOnly.stdout);
    expect(readOnlyToken).toMatch(/^mvp_pat_/);

    api = await startApiProcess({ databaseUrl: database.url, env: { SERVE_WEB: 'false' } });
    const me = await fetch(`${api.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: 'dana@example.com', displayName: 'Dana', localAccount: true });

    const write = { method: 'PATCH', body: JSON.stringify({ currency: 'EUR' }) };
    const headers = (bearer: string) => ({ authorization: `Bearer ${bearer}`, 'content-type': 'application/json' });
    expect((await fetch(`${api.url}/api/me`, { headers: headers(readOnlyToken) })).status).toBe(200);
    expect((await fetch(`${api.url}/api/me`, { ...write, headers: headers(readOnlyToken) })).status).toBe(403);
    expect((await fetch(`${api.url}/api/me`, { ...write, headers: headers(token) })).status).toBe(200);
  });

  it.each([
    [['frobnicate'], /^Unknown command "frobnicate"/],
    [[], /^Usage:/],
    [['user:create', '--email', 'erin@example.com'], /^--password is required$/],
    [['user:create', '--email', 'erin@example.com', '--password', 'short'], /10 to 256 characters/],
    [['user:create', '--email', 'dana@example.com', '--password', 'another one'], /already exists/],
    [['token:create', '--email', 'nobody@example.com', '--name', 'x'], /^No user has the email nobody@example.com$/],
    [['token:create', '--email', 'dana@example.com'], /^--name is required$/],
    [['token:create', '--email', 'dana@example.com', '--name', 'x', '--admin'], /^Unknown option '--admin'/],
    [['documents:check', '--older-than', 'soon'], /^--older-than takes a whole number of minutes, got "soon"$/],
    [['documents:check', '--fix=yes'], /^Option '--fix' does not take an argument/],
    [['documents:check', '--repair'], /^Unknown option '--repair'/],
  ])('refuses %j with one line and exit code 1', async (args, message) => {
    const result = await admin(...args);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(message);
  });
});
