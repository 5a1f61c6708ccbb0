import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { startApiProcess } from '../../api/test/support/api-process';
import { bareBuildDir, benchDir, repoRoot } from './paths';

/** A server under load: where it listens, which process to watch, how to stop it. */
export interface RunningServer {
  url: string;
  pid: number;
  /** Log file of the process, if it writes one. */
  logFile?: string;
  stop(): Promise<void>;
}

/** Resident memory of a process in MB (VmRSS), or undefined where /proc is not available. */
export function residentMb(pid: number): number | undefined {
  return processStatusMb(pid, 'VmRSS');
}

/**
 * CPU seconds a process has used so far (user + system, from `/proc/<pid>/stat`, at the usual 100
 * ticks a second), or undefined where /proc is not available.
 */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** A memory figure of `/proc/<pid>/status` (`VmRSS`, `VmHWM`…) in MB, or undefined where /proc is not available. */
export function processStatusMb(pid: number, field: string): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export interface ApiSettings {
  databaseUrl: string;
  poolSize: number;
  logFile: string;
  env: Record<string, string>;
}

/** The built API on a free port; its stdout and stderr go to `logFile`, never through this process. */
export async function startOurs(settings: ApiSettings): Promise<RunningServer> {
  const level = settings.env.LOG_LEVEL;
  if (level && !['info', 'debug', 'trace'].includes(level)) {
    throw new Error(`LOG_LEVEL=${level} hides the API's "ready" line (logged at info), which the bench waits for`);
  }
  const api = await startApiProcess({
    databaseUrl: settings.databaseUrl,
    logFile: settings.logFile,
    readyTimeoutMs: 60_000,
    env: {
      NODE_ENV: 'production',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      SERVE_WEB: 'false',
      DATABASE_POOL_SIZE: String(settings.poolSize),
      // The bench writes as fast as it can with few users; raise or set it back with --api-env.
      API_WRITE_LIMIT_PER_MINUTE: '0',
      ...settings.env,
    },
  });
  return {
    url: api.url,
    pid: api.process.pid!,
    logFile: settings.logFile,
    stop: async () => {
      const code = await api.stop('SIGTERM');
      if (code !== 0) throw new Error(`The API exited with code ${code} on SIGTERM (see ${settings.logFile})`);
    },
  };
}

export interface BareSettings {
  databaseUrl: string;
  poolSize: number;
  redisUrl?: string;
  env: Record<string, string>;
}

/**
 * `bench/bare/<name>.ts` as its own plain Node process: the bare servers are transpiled to
 * `dist/bench/bare/` first, so no TypeScript loader sits in the process being measured. It prints
 * one JSON line with `url` when it listens, and nothing per request.
 */
export async function startBare(name: string, settings: BareSettings): Promise<RunningServer> {
  const script = compileBareServers().get(name);
  if (!script) throw new Error(`No bare server bench/bare/${name}.ts`);
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: settings.databaseUrl,
    DATABASE_POOL_SIZE: String(settings.poolSize),
    REDIS_URL: settings.redisUrl,
    ...settings.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const child = spawn(process.execPath, [script], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const output: string[] = [];
  const remember = (chunk: Buffer) => {
    output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (output.length > 50) output.splice(0, output.length - 50);
  };
  child.stdout!.on('data', remember);
  child.stderr!.on('data', remember);

  const deadline = Date.now() + 30_000;
  let url: string | undefined;
  while (!url) {
    url = readyUrl(output);
    if (url) break;
    if (exitCode !== undefined || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Bare server "${name}" did not become ready (exit ${exitCode}):\n${output.join('\n')}`);
    }
    await new Promise((done) => setTimeout(done, 25));
  }
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      if (exitCode === undefined) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await exited.finally(() => clearTimeout(timer));
      if (code !== 0) throw new Error(`Bare server "${name}" exited with code ${code}:\n${output.join('\n')}`);
    },
  };
}

function readyUrl(lines: string[]): string | undefined {
  for (const line of lines) {
    try {
      const entry = JSON.parse(line) as { url?: unknown };
      if (typeof entry.url === 'string') return entry.url;
    } catch {
      // not a JSON line
    }
  }
  return undefined;
}

export function fileSizeMb(path: string | undefined): number | undefined {
  return path && existsSync(path) ? statSync(path).size / 1024 / 1024 : undefined;
}

let compiled: Map<string, string> | undefined;

/** Transpiles every `bench/bare/*.ts` (once per run) to CommonJS in `dist/bench/bare/`; returns name → .js path. */
function compileBareServers(): Map<string, string> {
  if (compiled) return compiled;
  const sourceDir = join(benchDir, 'bare');
  mkdirSync(bareBuildDir, { recursive: true });
  compiled = new Map();
  for (const file of readdirSync(sourceDir).filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))) {
    const output = ts.transpileModule(readFileSync(join(sourceDir, file), 'utf8'), {
      fileName: file,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2023,
        esModuleInterop: true,
      },
    });
    const target = join(bareBuildDir, file.replace(/\.ts$/, '.js'));
    writeFileSync(target, output.outputText);
    compiled.set(file.replace(/\.ts$/, ''), target);
  }
  return compiled;
}
