import {
  databaseKeys,
  flag,
  httpUrl,
  loadConfig,
  logFormat,
  logLevel,
  nonEmpty,
  port,
  positiveInt,
  redisUrl,
} from '@mvp/common';

const apiConfigKeys = {
  PORT: port(),
  HOST: nonEmpty(),
  PUBLIC_URL: httpUrl().optional(),
  DATA_DIR: nonEmpty(),
  ...databaseKeys,
  REDIS_URL: redisUrl().optional(),
  CACHE_NAMESPACE: nonEmpty(),
  CACHE_TTL_SECONDS: positiveInt(),
  LOG_LEVEL: logLevel(),
  LOG_FORMAT: logFormat(),
  SERVE_WEB: flag(),
  WEB_DIST_DIR: nonEmpty(),
};

export type ApiConfig = ReturnType<typeof loadApiConfig>;

export const API_CONFIG = Symbol('API_CONFIG');

export function loadApiConfig(env: NodeJS.ProcessEnv = process.env) {
  const config = loadConfig(apiConfigKeys, { service: 'api', env });
  return { ...config, PUBLIC_URL: config.PUBLIC_URL ?? `http://localhost:${config.PORT}` };
}
