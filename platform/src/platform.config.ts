import { loadConfig, logFormat, logLevel, nonEmpty, port } from '@mvp/common';

const platformConfigKeys = {
  PLATFORM_HTTP_PORT: port(),
  PLATFORM_TCP_PORT: port(),
  PLATFORM_HOST: nonEmpty(),
  DATA_DIR: nonEmpty(),
  LOG_LEVEL: logLevel(),
  LOG_FORMAT: logFormat(),
};

export type PlatformConfig = ReturnType<typeof loadPlatformConfig>;

export function loadPlatformConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(platformConfigKeys, { service: 'platform', env });
}
