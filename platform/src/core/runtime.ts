import type { CacheStores, DatabaseTarget } from '@mvp/common';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { PlatformConfig } from '../platform.config';

/** What `startPlatform` opens before Nest starts. */
export interface PlatformRuntime {
  config: PlatformConfig;
  log: Logger;
  database: DatabaseTarget;
  dataSource: DataSource;
  pool: Pool;
  cache: CacheStores;
  /** The key every TCP message and HTTP request must present. */
  apiKey: string;
}

export const PLATFORM_RUNTIME = Symbol('PLATFORM_RUNTIME');
