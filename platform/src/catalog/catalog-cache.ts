import { Inject, Injectable } from '@nestjs/common';
import { PlatformFault } from '../core/platform-fault';
import { PLATFORM_RUNTIME, PlatformRuntime } from '../core/runtime';
import { CatalogVersion } from './catalog-version';

/**
 * Read-through cache for catalog answers under year-based hierarchical keys,
 * `catalog:v<version>:<year>:<makeId>:models` and so on: Redis with REDIS_URL, memory otherwise.
 */
@Injectable()
export class CatalogCache {
  private readonly ttlMs: number;

  constructor(
    @Inject(PLATFORM_RUNTIME) private readonly runtime: PlatformRuntime,
    private readonly version: CatalogVersion,
  ) {
    this.ttlMs = runtime.config.CATALOG_CACHE_TTL_SECONDS * 1000;
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
    const keyv = this.runtime.cache.keyv;
    const hit = await keyv.get<T>(fullKey);
    if (hit !== undefined) return hit;
    const value = await load();
    await keyv.set(fullKey, value, this.ttlMs);
    return value;
  }
}
