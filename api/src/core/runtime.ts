import type { CacheStores, DatabaseTarget } from '@mvp/common';
import type { ApiConfig } from './config/api.config';
import type { ApiMetrics } from './metrics/api-metrics';

/** What `main.ts` opens before Nest starts: the config, the database, the cache and the metrics registry. */
export interface ApiRuntime {
  config: ApiConfig;
  database: DatabaseTarget;
  cache: CacheStores;
  metrics: ApiMetrics;
}

export const API_RUNTIME = Symbol('API_RUNTIME');
