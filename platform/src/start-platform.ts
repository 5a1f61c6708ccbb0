import {
  CacheStores,
  createFastifyAdapter,
  createRootLogger,
  createValidationPipe,
  DatabaseTarget,
  nestLoggerFor,
  openDatabaseTarget,
  pgPoolOf,
  platformApiKeyOf,
  ProblemDetailsFilter,
  secretsDirOf,
  runMigrationsExclusively,
} from '@mvp/common';
import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions, Transport } from '@nestjs/microservices';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import { PlatformRuntime } from './core/runtime';
import { createPlatformDataSource } from './database/data-source';
import { loadPlatformConfig } from './platform.config';
import { PlatformModule } from './platform.module';

export interface RunningPlatform {
  app: NestFastifyApplication;
  url: string;
  runtime: PlatformRuntime;
  close(): Promise<void>;
}

/**
 * Opens the database (the API's embedded one when none is configured) and the cache, runs the
 * catalog migrations, then serves TCP messages for the API and HTTP for health and the seed's API.
 */
export async function startPlatform(env: NodeJS.ProcessEnv = process.env): Promise<RunningPlatform> {
  const config = loadPlatformConfig(env);
  const log = createRootLogger({ service: 'platform', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const nestLogger = nestLoggerFor(log);

  let database: DatabaseTarget | undefined;
  let dataSource: DataSource | undefined;
  let cache: CacheStores | undefined;
  let app: NestFastifyApplication | undefined;
  const release = async () => {
    if (app) nestLogger.log('Shutting down', 'Lifecycle');
    await app?.close();
    await cache?.close();
    if (dataSource?.isInitialized) await dataSource.destroy();
    log.flush();
  };

  try {
    database = await openDatabaseTarget(config, log, {
      embeddedMode: 'attach',
      command: 'platform',
      secretsDir: secretsDirOf(env),
    });
    dataSource = createPlatformDataSource(database, (error) => log.warn(`Database pool error: ${error.message}`));
    await dataSource.initialize();
    await runMigrationsExclusively(dataSource);
    cache = await CacheStores.open(
      { redisUrl: config.REDIS_URL, namespace: `${config.CACHE_NAMESPACE}:platform` },
      log,
    );
    const runtime: PlatformRuntime = {
      config,
      log,
      database,
      dataSource,
      pool: pgPoolOf(dataSource),
      cache,
      apiKey: platformApiKeyOf(config),
    };

    app = await NestFactory.create<NestFastifyApplication>(
      PlatformModule.forRoot(runtime),
      createFastifyAdapter(log, { probeRoutes: ['/health'] }),
      { logger: nestLogger, abortOnError: false },
    );
    app.useGlobalFilters(new ProblemDetailsFilter());
    app.useGlobalPipes(createValidationPipe());
    app.connectMicroservice<MicroserviceOptions>(
      { transport: Transport.TCP, options: { host: config.PLATFORM_HOST, port: config.PLATFORM_TCP_PORT } },
      { inheritAppConfig: false },
    );
    await app.startAllMicroservices();
    await app.listen({ port: config.PLATFORM_HTTP_PORT, host: config.PLATFORM_HOST });
    const address = app.getHttpServer().address();
    const url =
      typeof address === 'object' && address ? `http://${config.PLATFORM_HOST}:${address.port}` : String(address);
    log.info(
      { url, tcpPort: config.PLATFORM_TCP_PORT },
      `Platform is ready on ${url} and tcp port ${config.PLATFORM_TCP_PORT}`,
    );
    return { app, url, runtime, close: release };
  } catch (error) {
    await release().catch(() => undefined);
    throw error;
  }
}
