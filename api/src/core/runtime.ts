import type { CacheStores, DatabaseTarget } from '@mvp/common';
import type { ApiConfig } from './config/api.config';

/** What `main.ts` opens before Nest starts: the config, the database and the cache. */
export interface ApiRuntime {
  config: ApiConfig;
  database: DatabaseTarget;
  cache: CacheStores;
}

export const API_RUNTIME = Symbol('API_RUNTIME');
