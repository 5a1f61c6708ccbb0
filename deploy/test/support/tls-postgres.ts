import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { spawnPostgresScript } from '../../../api/test/support/postgres-process';
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
  const { url, child, exited } = await spawnPostgresScript(
    join(__dirname, 'tls-postgres-server.ts'),
    [dataDir, String(port), certificate.certFile, certificate.keyFile],
    'The TLS PostgreSQL',
  );
  return {
    url,
    process: child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
