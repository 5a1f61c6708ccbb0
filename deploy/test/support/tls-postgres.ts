import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../../api/test/support/api-process';
import type { ServerCertificate } from './test-certificates';

export interface TlsPostgres {
  /** `postgres://postgres:…@127.0.0.1:<port>/postgres`, with no TLS parameters. */
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a private PostgreSQL (`tls-postgres-server.ts`) that accepts only TLS, with `certificate`. */
export async function startTlsPostgres(
  dataDir: string,
  port: number,
  certificate: ServerCertificate,
): Promise<TlsPostgres> {
  const script = join(__dirname, 'tls-postgres-server.ts');
  const args = [script, dataDir, String(port), certificate.certFile, certificate.keyFile];
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
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
    child.once('exit', (code) => reject(new Error(`The TLS PostgreSQL exited (${code}): ${output}`)));
  });
  return {
    url,
    process: child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
