import {
  createFastifyAdapter,
  createRootLogger,
  createValidationPipe,
  nestLoggerFor,
  ProblemDetailsFilter,
} from '@mvp/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadPlatformConfig } from './platform.config';
import { PlatformModule } from './platform.module';

export interface RunningPlatform {
  app: NestFastifyApplication;
  url: string;
  close(): Promise<void>;
}

/** The platform's HTTP side; the catalog and its TCP transport join it in the platform issue. */
export async function startPlatform(env: NodeJS.ProcessEnv = process.env): Promise<RunningPlatform> {
  const config = loadPlatformConfig(env);
  const log = createRootLogger({ service: 'platform', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const app = await NestFactory.create<NestFastifyApplication>(
    PlatformModule.forRoot(config),
    createFastifyAdapter(log, { probeRoutes: ['/health'] }),
    { logger: nestLoggerFor(log), abortOnError: false },
  );
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  await app.listen({ port: config.PLATFORM_HTTP_PORT, host: config.PLATFORM_HOST });
  const address = app.getHttpServer().address();
  const url =
    typeof address === 'object' && address ? `http://${config.PLATFORM_HOST}:${address.port}` : String(address);
  log.info({ url }, `Platform is ready on ${url}`);
  return { app, url, close: () => app.close() };
}
