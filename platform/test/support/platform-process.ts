import { ClientProxy, ClientProxyFactory, Transport } from '@nestjs/microservices';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiNodeFlags } from '../../../scripts/lib/api-launch';
import { repoRoot } from '../../../api/test/support/api-process';
import { freePort } from '../../../api/test/support/free-port';

export const platformEntry = join(repoRoot, 'dist/platform/platform/src/main.js');

export interface PlatformProcess {
  httpUrl: string;
  tcpPort: number;
  apiKey: string;
  process: ChildProcess;
  /** Every line printed so far. */
  output(): string[];
  logs(): Array<Record<string, unknown>>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Runs the built platform service on free ports against `databaseUrl`, and waits until it is ready. */
export async function startPlatformProcess(options: {
  databaseUrl: string;
  env?: Record<string, string | undefined>;
  /** Reuse a port and key, to restart a platform the API already knows. */
  tcpPort?: number;
  apiKey?: string;
}): Promise<PlatformProcess> {
  if (!existsSync(platformEntry)) throw new Error(`${platformEntry} is missing: run "npm run build:platform" first`);
  const tcpPort = options.tcpPort ?? (await freePort());
  const apiKey = options.apiKey ?? randomBytes(16).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), 'mvp-platform-'));
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'test',
    PLATFORM_HTTP_PORT: String(await freePort()),
    PLATFORM_TCP_PORT: String(tcpPort),
    PLATFORM_HOST: '127.0.0.1',
    PLATFORM_VEHICLES_API_KEY: apiKey,
    DATABASE_URL: options.databaseUrl,
    DATA_DIR: dataDir,
    CACHE_NAMESPACE: `mvp-test-${process.pid}-${Date.now()}`,
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'info',
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];

  const child = spawn(process.execPath, [...apiNodeFlags, platformEntry], { cwd: repoRoot, env, stdio: 'pipe' });
  const lines: string[] = [];
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done((exitCode = code))));
  const collect = (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const logs = () =>
    lines.flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });

  const deadline = Date.now() + 30_000;
  let httpUrl: string | undefined;
  while (!httpUrl) {
    httpUrl = logs().find((entry) => String(entry.msg).startsWith('Platform is ready'))?.url as string | undefined;
    if (httpUrl) break;
    if (exitCode !== undefined || Date.now() > deadline) {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`The platform did not become ready (exit ${exitCode}):\n${lines.slice(-20).join('\n')}`);
    }
    await new Promise((done) => setTimeout(done, 50));
  }

  return {
    httpUrl,
    tcpPort,
    apiKey,
    process: child,
    output: () => [...lines],
    logs,
    stop: async (signal = 'SIGTERM') => {
      if (exitCode === undefined) child.kill(signal);
      const code = await exited;
      rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}

/** The settings an API process needs to reach this platform. */
export function apiEnvFor(platform: PlatformProcess): Record<string, string> {
  return {
    PLATFORM_HOST: '127.0.0.1',
    PLATFORM_TCP_PORT: String(platform.tcpPort),
    PLATFORM_VEHICLES_API_KEY: platform.apiKey,
  };
}

/** A Nest TCP client of the platform, as the API has, for tests that send messages themselves. */
export function tcpClientFor(platform: PlatformProcess): ClientProxy {
  return ClientProxyFactory.create({
    transport: Transport.TCP,
    options: { host: '127.0.0.1', port: platform.tcpPort },
  });
}
