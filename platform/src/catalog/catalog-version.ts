import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { PLATFORM_RUNTIME, PlatformRuntime } from '../core/runtime';
import { catalogVersionChannel } from './import/run-catalog-import';

/**
 * The imported catalog's version: read at start, on every import's notification, and every 30 s
 * in case a notification was missed. Cache keys carry it; when it changes, the whole cache is dropped.
 */
@Injectable()
export class CatalogVersion implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Catalog');
  private version: number | null = null;
  private timer?: NodeJS.Timeout;
  private listener?: Client;
  private stopped = false;
  private readonly changeListeners: (() => void)[] = [];
  importing = false;

  constructor(@Inject(PLATFORM_RUNTIME) private readonly runtime: PlatformRuntime) {}

  async onModuleInit(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), 30_000).unref();
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.listener?.end().catch(() => undefined);
  }

  /** The version to key caches with; null while no catalog has been imported. */
  get current(): number | null {
    return this.version;
  }

  /** Runs after the version changed and the shared cache was dropped: for caches of the process's own. */
  onChange(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  async refresh(): Promise<void> {
    const result = await this.runtime.pool.query<{ version: number }>('select version from vehicles.catalog_version');
    const version = result.rows[0]?.version ?? null;
    if (version === this.version) return;
    if (this.version !== null) {
      this.logger.log(`Catalog version ${this.version} → ${version}: dropping the catalog cache`);
      await this.runtime.cache.keyv.clear();
    }
    this.version = version;
    for (const listener of this.changeListeners) listener();
  }

  /** A connection of its own that waits for import notifications, reconnecting after 5 s when lost. */
  private async listen(): Promise<void> {
    const client = new Client({
      connectionString: this.runtime.database.url,
      ssl: this.runtime.database.ssl || undefined,
    });
    const retry = () => {
      if (this.listener !== client || this.stopped) return;
      this.listener = undefined;
      setTimeout(() => void this.listen(), 5_000).unref();
    };
    this.listener = client;
    client.on('error', retry);
    client.on('end', retry);
    client.on('notification', () => void this.refresh().catch(() => undefined));
    try {
      await client.connect();
      await client.query(`listen ${catalogVersionChannel}`);
    } catch (error) {
      this.logger.warn(`Not listening for catalog imports yet: ${(error as Error).message}`);
      retry();
    }
  }
}
