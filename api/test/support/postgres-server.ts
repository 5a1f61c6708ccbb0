/**
 * A PostgreSQL server of its own for a test, as a separate process (`tsx` runs this file): the
 * "external" database a test can kill and bring back without touching the shared test server.
 * Usage: tsx postgres-server.ts <data folder> <port>. Prints `{"url": …}` once it accepts
 * connections; stops the server on SIGTERM or SIGINT.
 */
import { EmbeddedPostgresServer } from '@mvp/common';
import { serveUntilSignalled } from './postgres-process';

async function main(): Promise<void> {
  const [dataDir, port] = process.argv.slice(2);
  const quiet = { info: () => undefined, warn: () => undefined, debug: () => undefined };
  const server = new EmbeddedPostgresServer({
    dataDir,
    port: Number(port),
    database: 'postgres',
    log: quiet,
    command: 'test-postgres',
  });
  await server.start();
  serveUntilSignalled(server.url, () => server.stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
