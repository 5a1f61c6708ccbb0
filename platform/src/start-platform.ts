import { createFastifyAdapter, createValidationPipe, ProblemDetailsFilter } from '@mvp/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
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
  const app = await NestFactory.create<NestFastifyApplication>(PlatformModule.forRoot(config), createFastifyAdapter(), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  await app.listen({ port: config.PLATFORM_HTTP_PORT, host: config.PLATFORM_HOST });
  const address = app.getHttpServer().address();
  const url =
    typeof address === 'object' && address ? `http://${config.PLATFORM_HOST}:${address.port}` : String(address);
  app.get(Logger).log(`Platform is ready on ${url}`, 'Lifecycle');
  return { app, url, close: () => app.close() };
}
