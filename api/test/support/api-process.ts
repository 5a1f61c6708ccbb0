import { apiNodeFlags } from '../../../scripts/lib/api-launch';
import { ChildProcess, spawn, StdioOptions } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { freePort } from './free-port';
import { createTestDatabase, TestDatabase } from './test-database';

export const repoRoot = resolve(__dirname, '../../..');
export const apiEntry = join(repoRoot, 'dist/api/api/src/main.js');

export interface ApiProcess {
  url: string;
  process: ChildProcess;
  database?: TestDatabase;
  dataDir: string;
  /** Every line the process printed so far, stdout and stderr (read back from `logFile` when one is set). */
  output(): string[];
  /** Log lines that parsed as JSON. */
  logs(): Array<Record<string, unknown>>;
  /** Sends the signal and waits for the exit; resolves to the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface ApiProcessOptions {
  /** Extra or overriding environment; `DATABASE_URL: undefined` runs the embedded server. */
  env?: Record<string, string | undefined>;
  /** Use this database instead of creating one. */
  databaseUrl?: string;
  /** Keep this data folder (and do not delete it on stop). */
  dataDir?: string;
  readyTimeoutMs?: number;
  /**
   * Write the child's stdout and stderr to this file (created or truncated) instead of keeping
   * every line in memory, for runs that log a line per request (benchmarks). Readiness is then
   * read from the file, and `output()` / `logs()` read the whole file back when called.
   */
  logFile?: string;
}

/**
 * Runs the built API (`dist/`) as a real process on a free port, on a fresh test database
 * and its own cache namespace, and waits until it says it is ready.
 */
export async function startApiProcess(options: ApiProcessOptions = {}): Promise<ApiProcess> {
  if (!existsSync(apiEntry)) throw new Error(`${apiEntry} is missing: run "npm run build:api" first`);
  const wantsEmbedded = options.env && 'DATABASE_URL' in options.env && options.env.DATABASE_URL === undefined;
  const database = wantsEmbedded || options.databaseUrl ? undefined : await createTestDatabase();
  const ownDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'mvp-api-'));

  // A known port, so PUBLIC_URL (the embedded issuer's URL, the `iss` of its tokens) is the real address.
  const port = options.env && 'PORT' in options.env ? undefined : String(await freePort());
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: port ?? '0',
    ...(port ? { PUBLIC_URL: `http://127.0.0.1:${port}` } : {}),
    HOST: '127.0.0.1',
    // Tests sign in far more often than people do; the throttling test sets its own limits.
    AUTH_SIGN_IN_LIMIT_PER_MINUTE: '10000',
    AUTH_SIGN_UP_LIMIT_PER_MINUTE: '10000',
    // Load and fault tests write far faster than people; the write-limit test sets its own.
    API_WRITE_LIMIT_PER_MINUTE: '0',
    DATA_DIR: dataDir,
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'info',
    CACHE_NAMESPACE: `mvp-test-${process.pid}-${Date.now()}`,
    DATABASE_URL: options.databaseUrl ?? database?.url,
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];

  const logFile = options.logFile ? resolve(options.logFile) : undefined;
  let stdio: StdioOptions = ['ignore', 'pipe', 'pipe'];
  let logFd: number | undefined;
  if (logFile) {
    mkdirSync(dirname(logFile), { recursive: true });
    logFd = openSync(logFile, 'w');
    stdio = ['ignore', logFd, logFd];
  }
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, [...apiNodeFlags, apiEntry], { cwd: repoRoot, env, stdio });
  } finally {
    if (logFd !== undefined) closeSync(logFd); // the child holds its own copy
  }
  const lines: string[] = [];
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done((exitCode = code))));
  const collect = (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const allLines = () => (logFile ? readLogFile(logFile) : [...lines]);
  const logs = () => parseJsonLines(allLines());
  /** Lines not looked at yet: in memory, all of them (as before); from a file, only what was appended. */
  const unseenLogs = logFile ? followLogFile(logFile) : logs;

  const cleanUp = async () => {
    await database?.drop().catch(() => undefined);
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  // Generous: on a loaded CI machine (Chromium, the platform and another API beside it) a start took 30 s.
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  let url: string | undefined;
  while (!url) {
    url = unseenLogs().find(
      (entry) => typeof entry.url === 'string' && String(entry.msg).startsWith('MotoVaultPro is ready'),
    )?.url as string | undefined;
    if (url) break;
    if (exitCode !== undefined || Date.now() > deadline) {
      child.kill('SIGKILL');
      await cleanUp();
      throw new Error(`The API did not become ready (exit ${exitCode}):\n${allLines().slice(-20).join('\n')}`);
    }
    await new Promise((done) => setTimeout(done, 50));
  }

  return {
    url,
    process: child,
    database,
    dataDir,
    output: allLines,
    logs,
    stop: async (signal = 'SIGTERM') => {
      if (exitCode === undefined) child.kill(signal);
      const code = await exited;
      await cleanUp();
      return code;
    },
  };
}

function parseJsonLines(lines: string[]): Array<Record<string, unknown>> {
  return lines.flatMap((line) => {
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}

function readLogFile(path: string): string[] {
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : [];
}

/** Returns a reader of the JSON lines appended to the file since its last call (a partial last line waits). */
function followLogFile(path: string): () => Array<Record<string, unknown>> {
  let offset = 0;
  let partial = '';
  const buffer = Buffer.alloc(64 * 1024);
  const decoder = new StringDecoder('utf8');
  return () => {
    if (!existsSync(path)) return [];
    const fd = openSync(path, 'r');
    try {
      let text = partial;
      let read: number;
      while ((read = readSync(fd, buffer, 0, buffer.length, offset)) > 0) {
        offset += read;
        text += decoder.write(buffer.subarray(0, read));
      }
      const complete = text.split('\n');
      partial = complete.pop() ?? '';
      return parseJsonLines(complete.filter(Boolean));
    } finally {
      closeSync(fd);
    }
  };
}
