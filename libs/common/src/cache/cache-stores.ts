import KeyvRedis from '@keyv/redis';
import { createClient } from '@redis/client';
import { CacheableMemory } from 'cacheable';
import { Keyv, KeyvHooks } from 'keyv';
import { ProbeResult, timedProbe, withTimeout } from '../health/probe';

export interface CacheLog {
  info(message: string): void;
  warn(message: string): void;
}

export type RedisClient = ReturnType<typeof createClient>;

/** The cache behind `@nestjs/cache-manager`: Redis when REDIS_URL is set, process memory otherwise. */
export class CacheStores {
  readonly keyv: Keyv;
  readonly kind: 'redis' | 'memory';
  private readonly redis?: RedisClient;
  private lastErrorLoggedAt = 0;

  private constructor(keyv: Keyv, redis?: RedisClient) {
    this.keyv = keyv;
    this.redis = redis;
    this.kind = redis ? 'redis' : 'memory';
  }

  static async open(settings: { redisUrl?: string; namespace: string }, log: CacheLog): Promise<CacheStores> {
    if (!settings.redisUrl) {
      const keyv = new Keyv({ store: new CacheableMemory({ lruSize: 10_000 }), namespace: settings.namespace });
      return new CacheStores(keyv);
    }
    const redis: RedisClient = createClient({
      url: settings.redisUrl,
      disableOfflineQueue: true,
      socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5_000) },
    });
    const store = new KeyvRedis(redis as never, {
      namespace: settings.namespace,
      keyPrefixSeparator: ':',
      throwOnConnectError: false,
    });
    const keyv = new Keyv({ store, namespace: settings.namespace, useKeyPrefix: false });
    const stores = new CacheStores(keyv, redis);
    const report = (error: unknown) => stores.reportError(error, log);
    redis.on('error', report);
    store.on('error', report);
    keyv.on('error', report);
    redis.on('ready', () => log.info('Redis cache connected'));
    try {
      await withTimeout(redis.connect(), 3_000, 'Redis did not answer in 3 s');
    } catch (error) {
      log.warn(`Redis cache is unreachable, serving without it until it is back: ${(error as Error).message}`);
    }
    return stores;
  }

  /**
   * Calls `listener` after every read with the key's first part (`stations`, `catalog`: a bounded
   * key space, never the key) and whether it was a hit.
   */
  onGet(listener: (keyspace: string, hit: boolean) => void): void {
    const prefix = this.keyv.namespace ? `${this.keyv.namespace}:` : '';
    this.keyv.hooks.addHandler(KeyvHooks.POST_GET, (data: { key: string; value?: unknown }) => {
      const key = data.key.startsWith(prefix) ? data.key.slice(prefix.length) : data.key;
      listener(keyspaceOf(key), data.value !== undefined);
    });
  }

  /** The Redis connection, for state that must be shared across replicas beyond the cache (counters). */
  get sharedRedis(): RedisClient | undefined {
    return this.redis;
  }

  async probe(): Promise<ProbeResult> {
    if (!this.redis) return { status: 'up', store: 'memory' };
    if (!this.redis.isReady) return { status: 'down', store: 'redis', error: 'not connected' };
    const redis = this.redis;
    return { store: 'redis', ...(await timedProbe(() => redis.ping(), 1_000)) };
  }

  async close(): Promise<void> {
    if (this.redis?.isOpen) await this.redis.close();
  }

  /** Redis errors repeat on every command while it is away: log one every 30 s. */
  private reportError(error: unknown, log: CacheLog): void {
    const now = Date.now();
    if (now - this.lastErrorLoggedAt < 30_000) return;
    this.lastErrorLoggedAt = now;
    log.warn(`Redis cache error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const keyspaceName = /^[a-z][a-z0-9_-]{0,31}$/;

function keyspaceOf(key: string): string {
  const first = key.split(':', 1)[0];
  return keyspaceName.test(first) ? first : 'other';
}
