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
  // `node --import tsx`, not the tsx binary: one process, so killing it kills the supervisor itself.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'postgres-server.ts'), dataDir, String(port)],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`The test PostgreSQL exited (${code}): ${output}`)));
  });
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
