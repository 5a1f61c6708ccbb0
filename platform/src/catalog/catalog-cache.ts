import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { PlatformFault } from '../core/platform-fault';
import { PLATFORM_RUNTIME, PlatformRuntime } from '../core/runtime';
import { CatalogVersion } from './catalog-version';

/**
 * Read-through cache for catalog answers under year-based hierarchical keys,
 * `catalog:v<version>:<year>:<makeId>:models` and so on: Redis with REDIS_URL, memory otherwise.
 * The hottest answers (the lists a form opens with) are also kept in the process for a minute,
 * which saves the Redis round trip on most calls; the catalog changes only with an import.
 */
@Injectable()
export class CatalogCache {
  private readonly ttlMs: number;
  private readonly local = new LRUCache<string, object>({ max: 2_000, ttl: 60_000 });

  constructor(
    @Inject(PLATFORM_RUNTIME) private readonly runtime: PlatformRuntime,
    private readonly version: CatalogVersion,
  ) {
    this.ttlMs = runtime.config.CATALOG_CACHE_TTL_SECONDS * 1000;
    version.onChange(() => this.local.clear());
  }

  async through<T>(key: (string | number)[], load: () => Promise<T>): Promise<T> {
    const version = this.version.current;
    if (version === null) {
      const detail = this.version.importing
        ? 'The vehicle catalog is being imported; try again in a minute'
        : 'The vehicle catalog has not been imported yet: run npm run catalog:import';
      throw new PlatformFault('unavailable', detail);
    }
    const fullKey = ['catalog', `v${version}`, ...key].join(':');
    const local = this.local.get(fullKey);
    if (local !== undefined) return local as T;
    const keyv = this.runtime.cache.keyv;
    let value = await keyv.get<T>(fullKey);
    if (value === undefined) {
      value = await load();
      await keyv.set(fullKey, value, this.ttlMs);
    }
    this.local.set(fullKey, value as object);
    return value;
  }
}
