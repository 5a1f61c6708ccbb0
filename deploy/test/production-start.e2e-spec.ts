import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../api/test/support/free-port';
import { TestDatabase } from '../../api/test/support/test-database';
import { createCatalogTestDatabase } from '../../platform/test/support/catalog-database';
import { ComposeService, execFormOf, readComposeFile, readDockerfileStages } from './support/deployment-files';
import {
  generateSecretFiles,
  ImageLayout,
  imageUser,
  layOutImage,
  SecretFiles,
  writableFolder,
} from './support/image-layout';

/**
 * The production build started the way the images start it: their CMD in their WORKDIR, production
 * dependencies only, the compose file's environment and secret files, and a user other than root.
 * What differs from a container is only where things are: the test's PostgreSQL, Redis and free ports.
 */
const compose = readComposeFile();
const composeVariables: Record<string, string> = { MVP_DOMAIN: 'motovaultpro.example.com' };
const deadlineMs = 120_000;

/** `${NAME}`, `${NAME:?message}` and `${NAME:-default}` as compose resolves them. */
function interpolate(value: string): string {
  return value.replace(/\$\{(\w+)(?::[?-]([^}]*))?\}/g, (_, name: string) => {
    const resolved = composeVariables[name];
    if (resolved === undefined) throw new Error(`The test gives no value for \${${name}}`);
    return resolved;
  });
}

function composeEnvironment(service: ComposeService): Record<string, string> {
  return Object.fromEntries(Object.entries(service.environment ?? {}).map(([key, value]) => [key, interpolate(value)]));
}

interface Started {
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

function startAsImage(service: 'api' | 'platform', layout: ImageLayout, env: Record<string, string>): Started {
  const [cmd] = readDockerfileStages(`deploy/${service}.Dockerfile`)
    .at(-1)!
    .instructions.filter((instruction) => instruction.getKeyword() === 'CMD');
  const [program, ...args] = execFormOf(cmd);
  expect(program).toBe('node');
  const child = spawn(process.execPath, args, {
    cwd: layout.appDir,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...imageUser,
  });
  const output: string[] = [];
  const collect = (chunk: Buffer) => output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, output, exited };
}

async function waitForHealth(url: string, started: Started): Promise<Record<string, unknown>> {
  let exitCode: number | null | undefined;
  void started.exited.then((code) => (exitCode = code));
  const deadline = Date.now() + deadlineMs;
  let last = 'no answer yet';
  while (Date.now() < deadline && exitCode === undefined) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) return (await response.json()) as Record<string, unknown>;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(
    `${url} did not answer 200 (${exitCode === undefined ? last : `exited with ${exitCode}`}):\n${started.output.slice(-20).join('\n')}`,
  );
}

async function stop(started: Started | undefined): Promise<number | null | undefined> {
  if (!started) return undefined;
  if (started.child.exitCode === null && started.child.signalCode === null) started.child.kill('SIGTERM');
  return started.exited;
}

/** The user a running process has, from /proc. */
function uidOf(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
}

describe('the production build started as the images start it', () => {
  let database: TestDatabase;
  let secrets: SecretFiles;
  const layouts: Partial<Record<'api' | 'platform', ImageLayout>> = {};
  const processes: Partial<Record<'api' | 'platform', Started>> = {};
  let databaseEnv: Record<string, string>;
  let platformTcpPort: number;

  beforeAll(async () => {
    // The catalog is already imported (a copy of the e2e template), so the platform starts no import.
    database = await createCatalogTestDatabase('production_start');
    const server = new URL(database.url);
    const redisUrl = process.env.REDIS_URL;
    if (!redisUrl) throw new Error('REDIS_URL is not set: run the tests with "npm test", which provides one');
    databaseEnv = {
      DATABASE_HOST: server.hostname,
      DATABASE_PORT: server.port || '5432',
      DATABASE_USER: decodeURIComponent(server.username) || 'postgres',
      DATABASE_NAME: database.name,
      REDIS_URL: redisUrl,
      CACHE_NAMESPACE: `mvp-test-production-${process.pid}-${Date.now()}`,
    };
    secrets = generateSecretFiles();
    layouts.platform = layOutImage('platform');
    layouts.api = layOutImage('api');
    platformTcpPort = await freePort();
  }, 300_000);

  afterAll(async () => {
    await stop(processes.api);
    await stop(processes.platform);
    for (const layout of Object.values(layouts)) layout?.remove();
    secrets?.remove();
    await database?.drop();
  });

  it('has production dependencies only', () => {
    for (const layout of Object.values(layouts)) {
      const modules = join(layout!.appDir, 'node_modules');
      expect(existsSync(join(modules, 'jest'))).toBe(false);
      expect(existsSync(join(modules, '@nestjs/cli'))).toBe(false);
      expect(existsSync(join(modules, '@nestjs/core'))).toBe(true);
    }
  });

  it('starts the platform, which answers /health on its HTTP port', async () => {
    const layout = layouts.platform!;
    const httpPort = await freePort();
    const env: Record<string, string> = {
      ...composeEnvironment(compose.services.platform),
      ...databaseEnv,
      PLATFORM_HOST: '127.0.0.1',
      PLATFORM_HTTP_PORT: String(httpPort),
      PLATFORM_TCP_PORT: String(platformTcpPort),
      DATA_DIR: writableFolder(join(layout.appDir, 'data')),
      SECRETS_DIR: secrets.mountFor(compose.services.platform.secrets ?? []),
    };
    processes.platform = startAsImage('platform', layout, env);
    const health = await waitForHealth(`http://127.0.0.1:${httpPort}/health`, processes.platform);
    expect(health).toMatchObject({ status: 'ok', service: 'platform', catalog: { importing: false } });
    if (imageUser) expect(uidOf(processes.platform.child)).toBe(imageUser.uid);
  });

  it('starts the API, which answers /health with its database and cache up', async () => {
    const layout = layouts.api!;
    const port = await freePort();
    const dataDir = writableFolder(join(layout.appDir, 'data'));
    writableFolder(join(dataDir, 'documents'));
    const env: Record<string, string> = {
      ...composeEnvironment(compose.services.api),
      ...databaseEnv,
      PORT: String(port),
      HOST: '127.0.0.1',
      PLATFORM_HOST: '127.0.0.1',
      PLATFORM_TCP_PORT: String(platformTcpPort),
      DATA_DIR: dataDir,
      SECRETS_DIR: secrets.mountFor(compose.services.api.secrets ?? []),
    };
    expect(env.PUBLIC_URL).toBe('https://motovaultpro.example.com');
    processes.api = startAsImage('api', layout, env);
    const health = await waitForHealth(`http://127.0.0.1:${port}/health`, processes.api);
    expect(health).toMatchObject({ status: 'ok', checks: { database: { status: 'up' }, cache: { status: 'up' } } });
    if (imageUser) expect(uidOf(processes.api.child)).toBe(imageUser.uid);
  });

  it('stops cleanly on SIGTERM, as `docker compose stop` asks', async () => {
    expect(await stop(processes.api)).toBe(0);
    expect(await stop(processes.platform)).toBe(0);
  });
});
