import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import type { ApiConfig } from '../config/api.config';
import { clientAddressFor } from '../identity/issuer/client-address';
import type { ApiRuntime } from '../runtime';
import { RedisThrottlerStorage } from './redis-throttler-storage';

export type RateLimitStorage = ThrottlerStorage & { onApplicationShutdown?(): void };

/** Where rate limits are counted: in Redis when configured, so every replica shares one budget; else in this process. */
export const rateLimitStorageFor = (config: ApiConfig, runtime: ApiRuntime): RateLimitStorage =>
  runtime.cache.sharedRedis
    ? new RedisThrottlerStorage(runtime.cache.sharedRedis, config.CACHE_NAMESPACE)
    : new ThrottlerStorageService();

/** The address a caller's budget is kept under: behind the TLS proxy that PUBLIC_URL's https implies, the forwarded one. */
export const rateLimitedAddressFor = (config: ApiConfig) => clientAddressFor(config.PUBLIC_URL.startsWith('https:'));
