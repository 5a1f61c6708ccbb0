import { fork } from 'node:child_process';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { PLATFORM_RUNTIME, PlatformRuntime } from '../core/runtime';
import { CatalogVersion } from './catalog-version';
import { catalogImportNeeded } from './import/run-catalog-import';

/**
 * On start, imports the catalog when it is empty or was built from another source: in a child
 * process (the import holds the whole vPIC database in memory for a while), without holding up
 * startup. Catalog calls answer `unavailable` until it is done.
 */
@Injectable()
export class CatalogAutoImport implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CatalogImport');
  private child?: ReturnType<typeof fork>;

  constructor(
    @Inject(PLATFORM_RUNTIME) private readonly runtime: PlatformRuntime,
    private readonly version: CatalogVersion,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.runtime.config.CATALOG_AUTO_IMPORT || !(await catalogImportNeeded(this.runtime.pool))) return;
    this.start();
  }

  onApplicationShutdown(): void {
    this.child?.kill('SIGTERM');
  }

  private start(): void {
    const script = join(__dirname, 'import', `main${__filename.endsWith('.ts') ? '.ts' : '.js'}`);
    this.logger.log(
      this.version.current === null ? 'No catalog yet: importing it' : 'The catalog source changed: importing it',
    );
    this.version.importing = true;
    const child = fork(script, [], {
      env: { ...process.env, ...this.databaseEnv() },
      execArgv: script.endsWith('.ts') ? ['--import', 'tsx'] : [],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.child = child;
    const relay = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) this.logger.log(line.trim());
    };
    child.stdout?.on('data', relay);
    child.stderr?.on('data', relay);
    child.on('exit', (code, signal) => {
      this.child = undefined;
      this.version.importing = false;
      if (code === 0) void this.version.refresh().catch((error: Error) => this.logger.error(error.message));
      else if (signal !== 'SIGTERM') this.logger.error(`The catalog import failed (exit ${code ?? signal})`);
    });
  }

  /** The child uses the database this process uses, whatever configured it. */
  private databaseEnv(): NodeJS.ProcessEnv {
    return { DATABASE_URL: this.runtime.database.url, DATABASE_SSL: String(this.runtime.database.ssl !== false) };
  }
}
