import type { ModuleMetadata } from '@nestjs/common';
import { RunningApi, startApi } from '../../src/start-api';

/**
 * The API booted inside the test process (for tests that add routes of their own), quiet, on a
 * free loopback port, without the web app or Redis, on the given database. It works no background
 * jobs unless `jobs` is set (jobs it queues stay queued).
 */
export function startInProcessApi(options: {
  databaseUrl: string;
  imports: ModuleMetadata['imports'];
  env?: Record<string, string>;
  jobs?: boolean;
}): Promise<RunningApi> {
  return startApi({
    env: {
      ...process.env,
      JOBS_ENABLED: options.jobs ? 'true' : 'false',
      API_WRITE_LIMIT_PER_MINUTE: '0',
      ...options.env,
      DATABASE_URL: options.databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      SERVE_WEB: 'false',
      REDIS_URL: '',
    },
    imports: options.imports,
  });
}
