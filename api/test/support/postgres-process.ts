import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './api-process';

export interface PostgresProcess {
  url: string;
  process: ChildProcess;
  /** Kills the process that runs the server (SIGKILL), leaving the server itself to the caller. */
  killSupervisor(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `support/postgres-server.ts` on a data folder and port: a server this test alone uses. */
export async function startPostgresProcess(dataDir: string, port: number): Promise<PostgresProcess> {
  const { url, child, exited } = await spawnPostgresScript(
    join(__dirname, 'postgres-server.ts'),
    [dataDir, String(port)],
    'The test PostgreSQL',
  );
  return {
    url,
    process: child,
    killSupervisor: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Runs a script that starts a PostgreSQL and prints `{"url": …}` on a line of its own once it
 * accepts connections (see `postgres-server.ts`), and waits for that line.
 */
export async function spawnPostgresScript(
  script: string,
  args: string[],
  label: string,
): Promise<{ url: string; child: ChildProcess; exited: Promise<void> }> {
  // `node --import tsx`, not the tsx binary: one process, so killing it kills the supervisor itself.
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`${label} exited (${code}): ${output}`)));
  });
  return { url, child, exited };
}

/** For a server script: says where it listens (the line `spawnPostgresScript` waits for) and stops the server on SIGTERM. */
export function serveUntilSignalled(url: string, stopServer: () => Promise<unknown>): void {
  process.stdout.write(`${JSON.stringify({ url })}\n`);
  const stop = () => void stopServer().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
