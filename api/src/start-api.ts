import {
  CacheStores,
  createFastifyAdapter,
  createRootLogger,
  createValidationPipe,
  DatabaseTarget,
  nestLoggerFor,
  openDatabaseTarget,
  ProblemDetailsFilter,
  readAppVersion,
  secretsDirOf,
} from '@mvp/common';
import { ModuleMetadata } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyMultipart from '@fastify/multipart';
import { AppModule } from './app.module';
import { loadApiConfig } from './core/config/api.config';
import { ListeningUrl } from './core/identity/auth/listening-url';
import { healthRoutes } from './core/health/health.controller';
import { serveApiDocs } from './core/openapi/openapi';
import { ApiMetrics } from './core/metrics/api-metrics';
import { metricsEnabled, serveMetrics } from './core/metrics/serve-metrics';
import { ApiRuntime } from './core/runtime';
import { applyBodyLimits } from './core/http/body-limits';
import { allowConfiguredOrigins } from './core/http/cors';
import { registerSecurityHeaders } from './core/http/security-headers';
import { serveWebApp } from './core/web/web-app';

export interface RunningApi {
  app: NestFastifyApplication;
  /** The address it listens on, e.g. http://127.0.0.1:3001. */
  url: string;
  runtime: ApiRuntime;
  close(): Promise<void>;
}

export interface StartApiOptions {
  env?: NodeJS.ProcessEnv;
  /** Extra modules, for tests that need routes of their own. */
  imports?: ModuleMetadata['imports'];
}

/** Opens the database and cache, boots Nest on Fastify and listens. `close()` undoes all of it, in order. */
export async function startApi(options: StartApiOptions = {}): Promise<RunningApi> {
  const config = loadApiConfig(options.env);
  const log = createRootLogger({ service: 'api', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const nestLogger = nestLoggerFor(log);

  let database: DatabaseTarget | undefined;
  let cache: CacheStores | undefined;
  let app: NestFastifyApplication | undefined;
  let closeMetrics: (() => Promise<void>) | undefined;
  const release = async () => {
    await closeMetrics?.();
    if (app) {
      nestLogger.log('Shutting down', 'Lifecycle');
      // Drain HTTP first: Nest's own close stops the job queue before the server, and a request in
      // flight may still enqueue (a test notification, a delivery retry).
      await app.getHttpAdapter().close();
      await app.close();
    }
    await cache?.close();
    await database?.embedded?.stop();
    log.flush();
  };

  try {
    database = await openDatabaseTarget(config, log, {
      embeddedMode: 'run',
      command: 'api',
      appUrl: config.PUBLIC_URL,
      secretsDir: secretsDirOf(options.env),
    });
    cache = await CacheStores.open({ redisUrl: config.REDIS_URL, namespace: config.CACHE_NAMESPACE }, log);
    const metrics = new ApiMetrics();
    // Like the request hook, only when metrics can be read: otherwise every cache get would pay for it.
    if (metricsEnabled(config)) cache.onGet((keyspace, hit) => metrics.observeCacheGet(keyspace, hit));
    const runtime: ApiRuntime = { config, database, cache, metrics };

    app = await NestFactory.create<NestFastifyApplication>(
      AppModule.forRoot(runtime, options.imports),
      createFastifyAdapter(log, { probeRoutes: healthRoutes }),
      { logger: nestLogger, abortOnError: false },
    );
    registerSecurityHeaders(app, config);
    allowConfiguredOrigins(app, config.CORS_ORIGINS);
    applyBodyLimits(app);
    // Uploads (documents) stream their file part by part; each route sets its own file size cap.
    // `preservePath` keeps a client's file name as given (it is only ever shown, never a path).
    await app.register(fastifyMultipart, {
      preservePath: true,
      limits: { fieldNameSize: 100, fieldSize: 10_000, fields: 20, files: 1, parts: 25, headerPairs: 100 },
    });
    const webFallback = config.SERVE_WEB ? await serveWebApp(app, config.WEB_DIST_DIR, log) : undefined;
    app.useGlobalFilters(new ProblemDetailsFilter(webFallback));
    app.useGlobalPipes(createValidationPipe());
    serveApiDocs(app, { version: readAppVersion('api'), publicUrl: config.PUBLIC_URL });
    closeMetrics = await serveMetrics(app.getHttpAdapter().getInstance(), metrics, config, log);

    await app.listen({ port: config.PORT, host: config.HOST });
    const url = listeningUrl(app);
    app.get(ListeningUrl).set(url);
    log.info({ url, publicUrl: config.PUBLIC_URL }, `MotoVaultPro is ready: open ${config.PUBLIC_URL}`);
    return { app, url, runtime, close: release };
  } catch (error) {
    await release().catch(() => undefined);
    throw error;
  }
}

function listeningUrl(app: NestFastifyApplication): string {
  const address = app.getHttpServer().address();
  if (!address || typeof address === 'string') return String(address);
  const host = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}
