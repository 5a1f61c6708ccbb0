import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminAccountToken, runCommand } from './support/admin-command';
import { ApiProcess, apiEntry, repoRoot, startApiProcess } from './support/api-process';
import { freePort } from './support/free-port';
import { watchHealth } from './support/health-watch';
import { postmasterPidIn } from './support/postmaster-pid';

/**
 * The app owns the data folder's embedded PostgreSQL; the one-off commands a self-hoster runs
 * beside it (admin, migrate) use that server and leave it running, and a second start is refused.
 */
describe('one data folder, one embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mvp-sharing-'));
  const lockFile = join(dataDir, 'embedded-postgres.owner.json');
  let env: Record<string, string | undefined>;
  let api: ApiProcess;

  beforeAll(async () => {
    env = { DATABASE_URL: undefined, DATA_DIR: dataDir, EMBEDDED_DB_PORT: String(await freePort()) };
    api = await startApiProcess({ env, dataDir });
  });

  afterAll(async () => {
    await api?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const postmasterPid = () => postmasterPidIn(dataDir);

  it('names the app as the owner in the lock file', () => {
    const owner = JSON.parse(readFileSync(lockFile, 'utf8')) as Record<string, unknown>;
    expect(owner).toMatchObject({ pid: api.process.pid, port: Number(env.EMBEDDED_DB_PORT), command: 'api' });
    expect(owner.url).toBe(new URL(api.url).origin);
  });

  it('lets admin create an account and a token beside the running app, which stays healthy', async () => {
    const postmaster = postmasterPid();
    expect(postmaster).toBeDefined();
    const health = watchHealth(api.url);
    const token = await adminAccountToken(env, 'owner@example.com').finally(() => health.stop());
    const seen = await health.stop();

    expect(seen).toEqual({ 200: expect.any(Number) });
    expect(postmasterPid()).toBe(postmaster);
    const me = await fetch(`${api.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: 'owner@example.com' });
    expect(api.output().join('\n')).not.toContain('left running by an earlier start');
  });

  it('lets migrate run beside the running app, which stays healthy', async () => {
    const postmaster = postmasterPid();
    expect(postmaster).toBeDefined();
    const health = watchHealth(api.url);
    const migrate = await runCommand('api/src/migrate.ts', [], env).finally(() => health.stop());
    const seen = await health.stop();

    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toContain('The database is up to date');
    expect(seen).toEqual({ 200: expect.any(Number) });
    expect(postmasterPid()).toBe(postmaster);
    expect(existsSync(lockFile)).toBe(true);
  });

  it('refuses a second start on the same folder in one line naming the running app, and touches nothing', async () => {
    const lockBefore = readFileSync(lockFile, 'utf8');
    const expected = new RegExp(
      `^The data folder .+ is in use: MotoVaultPro is running on it \\(pid ${api.process.pid}, ${new URL(api.url).origin}\\)\\. Stop that first, or use another DATA_DIR\\.$`,
    );
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, PORT: String(await freePort()), LOG_FORMAT: 'json' };
    delete childEnv.DATABASE_URL;

    // `npm start` (what it runs) refuses before building or starting anything.
    const start = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: repoRoot,
      env: childEnv,
      encoding: 'utf8',
    });
    expect(start.status).toBe(1);
    expect(start.stderr.trim().split('\n')).toEqual([expect.stringMatching(expected)]);
    expect(start.stdout).toBe('');

    // The API started directly (as the container does) refuses the same way.
    const direct = spawnSync(process.execPath, [apiEntry], { cwd: repoRoot, env: childEnv, encoding: 'utf8' });
    expect(direct.status).toBe(1);
    expect(direct.stderr.trim().split('\n')).toEqual([expect.stringMatching(expected)]);

    expect(readFileSync(lockFile, 'utf8')).toBe(lockBefore);
    expect((await fetch(`${api.url}/health`)).status).toBe(200);
  });

  it('lets a one-off run its own server when the app is not running, and gives the folder back', async () => {
    expect(await api.stop()).toBe(0);
    expect(existsSync(lockFile)).toBe(false);

    const migrate = await runCommand('api/src/migrate.ts', [], env);
    expect(migrate.code).toBe(0);
    expect(existsSync(lockFile)).toBe(false);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    api = await startApiProcess({ env, dataDir });
    expect((await fetch(`${api.url}/health`)).status).toBe(200);
  });
});
