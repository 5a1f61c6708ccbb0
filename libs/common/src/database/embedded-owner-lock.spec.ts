import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeOwner, EmbeddedOwner, EmbeddedOwnerLock } from './embedded-owner-lock';

describe('EmbeddedOwnerLock', () => {
  let dataDir: string;
  const details = { port: 54329, command: 'api', url: 'http://localhost:3001' };
  const fileOf = (lock: EmbeddedOwnerLock) => JSON.parse(readFileSync(lock.path, 'utf8')) as EmbeddedOwner;
  /** A pid that certainly belonged to a process that has ended. */
  const deadPid = () => spawnSync(process.execPath, ['-e', 'process.pid'], { stdio: 'ignore' }).pid!;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'mvp-owner-lock-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('claims a free folder, names this process, and gives it back on release', () => {
    const lock = new EmbeddedOwnerLock(dataDir);
    expect(lock.claim(details)).toEqual({ acquired: true });
    expect(fileOf(lock)).toMatchObject({ pid: process.pid, ...details });
    expect(lock.liveOwner()).toMatchObject({ pid: process.pid });
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
    expect(lock.liveOwner()).toBeUndefined();
  });

  it('refuses a second claim while the owner lives, naming it', () => {
    const owner = new EmbeddedOwnerLock(dataDir);
    owner.claim(details);
    const second = new EmbeddedOwnerLock(dataDir).claim({ port: 1, command: 'admin' });
    expect(second).toEqual({ acquired: false, owner: expect.objectContaining({ pid: process.pid, port: 54329 }) });
    owner.release();
  });

  it('takes over a folder whose owner is gone', () => {
    const lock = new EmbeddedOwnerLock(dataDir);
    const gone: EmbeddedOwner = { pid: deadPid(), port: 1, command: 'api', startedAt: '2026-01-01T00:00:00Z' };
    writeFileSync(lock.path, JSON.stringify(gone));
    expect(lock.liveOwner()).toBeUndefined();
    expect(lock.claim(details)).toEqual({ acquired: true });
    expect(fileOf(lock).pid).toBe(process.pid);
    lock.release();
  });

  it('does not mistake a reused pid for the owner (a container restarted with the same pid)', () => {
    const lock = new EmbeddedOwnerLock(dataDir);
    const before: EmbeddedOwner = {
      pid: process.pid,
      port: 1,
      command: 'api',
      startedAt: '2026-01-01T00:00:00Z',
      processStart: '1',
    };
    writeFileSync(lock.path, JSON.stringify(before));
    expect(lock.liveOwner()).toBeUndefined();
    expect(lock.claim(details)).toEqual({ acquired: true });
    lock.release();
  });

  it('takes over a damaged lock file', () => {
    const lock = new EmbeddedOwnerLock(dataDir);
    writeFileSync(lock.path, '{"pid": 12');
    expect(lock.claim(details)).toEqual({ acquired: true });
    lock.release();
  });

  it('leaves a lock file alone on release when it names another owner', () => {
    const lock = new EmbeddedOwnerLock(dataDir);
    lock.claim(details);
    const other: EmbeddedOwner = { pid: deadPid(), port: 2, command: 'admin', startedAt: '2026-01-01T00:00:00Z' };
    writeFileSync(lock.path, JSON.stringify(other));
    lock.release();
    expect(fileOf(lock).command).toBe('admin');
  });

  it('describes the owner in words', () => {
    const startedAt = '2026-01-01T00:00:00Z';
    expect(describeOwner({ pid: 7, port: 1, command: 'api', url: 'http://localhost:3001', startedAt })).toBe(
      'MotoVaultPro is running on it (pid 7, http://localhost:3001)',
    );
    expect(describeOwner({ pid: 8, port: 1, command: 'migrate', startedAt })).toBe('"migrate" is using it (pid 8)');
  });
});
