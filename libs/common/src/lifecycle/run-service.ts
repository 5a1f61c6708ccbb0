import { ConfigError } from '../config/config-error';
import { describeDatabaseTlsFailure } from '../database/database-tls';
import { EmbeddedDatabaseInUse } from '../database/embedded-postgres.server';

interface RunningService {
  close(): Promise<void>;
}

// Requests in flight get `drainTimeoutMs` of it (see createFastifyAdapter), the pool and the embedded database the rest.
const shutdownTimeoutMs = 10_000;

/**
 * Starts a service and owns its process: a bad config, a data folder another process runs, or a
 * database whose TLS certificate does not verify is one line on stderr and exit 1;
 * SIGTERM or SIGINT drain and close it in order, then exit 0; a second signal exits at once.
 */
export async function runService(start: () => Promise<RunningService>): Promise<void> {
  let running: RunningService;
  try {
    running = await start();
  } catch (error) {
    const told = error instanceof ConfigError || error instanceof EmbeddedDatabaseInUse;
    const message = told
      ? (error as Error).message
      : `Startup failed: ${describeDatabaseTlsFailure(error) ?? describe(error)}`;
    process.stderr.write(`${message}\n`);
    process.exit(1);
  }

  let stopping = false;
  const stop = async (reason: string, exitCode: number) => {
    if (stopping) {
      process.stderr.write(`${reason} during shutdown: exiting now\n`);
      process.exit(1);
    }
    stopping = true;
    setTimeout(() => {
      process.stderr.write(`Shutdown took longer than ${shutdownTimeoutMs / 1000} s: exiting\n`);
      process.exit(1);
    }, shutdownTimeoutMs).unref();
    try {
      await running.close();
    } catch (error) {
      process.stderr.write(`Shutdown failed: ${describe(error)}\n`);
      exitCode = 1;
    }
    process.exit(exitCode);
  };
  process.on('SIGTERM', () => void stop('SIGTERM', 0));
  process.on('SIGINT', () => void stop('SIGINT', 0));
  process.on('uncaughtException', (error) => {
    process.stderr.write(`Uncaught exception: ${error.stack ?? describe(error)}\n`);
    void stop('uncaughtException', 1);
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
