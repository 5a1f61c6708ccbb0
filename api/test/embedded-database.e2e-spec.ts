import { isProcessAlive } from '@mvp/common';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, startApiProcess } from './support/api-process';
import { freePort } from './support/free-port';
import { postmasterPidIn } from './support/postmaster-pid';

/** With nothing configured the API runs PostgreSQL itself, under the data folder. */
describe('the embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mvp-embedded-'));
  const pidFile = join(dataDir, 'postgres', 'postmaster.pid');
  let env: Record<string, string | undefined>;

  let embeddedPort: string;

  beforeAll(async () => {
    embeddedPort = String(await freePort());
    env = { DATABASE_URL: undefined, EMBEDDED_DB_PORT: embeddedPort };
  });

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const postmasterPid = () => postmasterPidIn(dataDir)!;
  const healthOf = async (url: string) => (await fetch(`${url}/health`)).status;

  it('is created on first start and stopped cleanly by SIGTERM', async () => {
    const api = await startApiProcess({ env, dataDir });
    expect(await healthOf(api.url)).toBe(200);
    expect(api.logs().some((entry) => String(entry.msg).startsWith('Creating the embedded PostgreSQL cluster'))).toBe(
      true,
    );
    const pid = postmasterPid();
    expect(isProcessAlive(pid)).toBe(true);

    expect(await api.stop('SIGTERM')).toBe(0);
    expect(isProcessAlive(pid)).toBe(false);
    expect(existsSync(pidFile)).toBe(false);
    expect(api.logs().map((entry) => entry.msg)).toEqual(expect.arrayContaining(['Embedded PostgreSQL stopped']));
  });

  it('is reused on the next start', async () => {
    const api = await startApiProcess({ env, dataDir });
    expect(await healthOf(api.url)).toBe(200);
    expect(api.logs().some((entry) => String(entry.msg).startsWith('Creating the embedded'))).toBe(false);
    expect(await api.stop('SIGINT')).toBe(0);
  });

  it('recovers after the API was killed hard and left PostgreSQL running', async () => {
    const killed = await startApiProcess({ env, dataDir });
    const orphan = postmasterPid();
    await killed.stop('SIGKILL');
    expect(isProcessAlive(orphan)).toBe(true);

    const api = await startApiProcess({ env, dataDir });
    expect(isProcessAlive(orphan)).toBe(false);
    expect(await healthOf(api.url)).toBe(200);
    expect(api.logs().some((entry) => String(entry.msg).includes('left running by an earlier start'))).toBe(true);
    expect(await api.stop()).toBe(0);
  });

  it('stops with everything it started when `npm start` itself gets SIGTERM', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      EMBEDDED_DB_PORT: embeddedPort,
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_FORMAT: 'json',
    };
    delete env.DATABASE_URL;
    const npm = spawn('npm', ['start'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    npm.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    npm.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((done) => npm.on('exit', done));
    while (!output.includes('MotoVaultPro is ready')) {
      if (npm.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
      await new Promise((done) => setTimeout(done, 100));
    }
    const postgres = postmasterPid();

    npm.kill('SIGTERM');
    await exited;
    for (let waited = 0; isProcessAlive(postgres) && waited < 10_000; waited += 100) {
      await new Promise((done) => setTimeout(done, 100));
    }
    expect(isProcessAlive(postgres)).toBe(false);
    expect(existsSync(pidFile)).toBe(false);
    expect(output).toContain('Embedded PostgreSQL stopped');
  });
});
