import {
  databaseKeys,
  flag,
  loadConfig,
  logFormat,
  logLevel,
  nonEmpty,
  port,
  positiveInt,
  redisUrl,
} from '@mvp/common';

export const platformConfigKeys = {
  PLATFORM_HTTP_PORT: port(),
  PLATFORM_TCP_PORT: port(),
  PLATFORM_HOST: nonEmpty(),
  PLATFORM_VEHICLES_API_KEY: nonEmpty().optional(),
  DATA_DIR: nonEmpty(),
  ...databaseKeys,
  REDIS_URL: redisUrl().optional(),
  CACHE_NAMESPACE: nonEmpty(),
  CATALOG_CACHE_TTL_SECONDS: positiveInt(),
  CATALOG_AUTO_IMPORT: flag(),
  LOG_LEVEL: logLevel(),
  LOG_FORMAT: logFormat(),
};

export type PlatformConfig = ReturnType<typeof loadPlatformConfig>;

export function loadPlatformConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(platformConfigKeys, { service: 'platform', env });
}
