import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Cross-origin requests only from the origins in `CORS_ORIGINS`; with none configured (the default)
 * no CORS headers are sent at all, so browsers keep every other site to the same-origin rule.
 * Bearer tokens travel in a header, never a cookie, so no credentials mode is allowed.
 */
export function allowConfiguredOrigins(app: NestFastifyApplication, origins: string[]): void {
  if (origins.length === 0) return;
  app.enableCors({
    origin: origins,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'x-request-id'],
    exposedHeaders: ['x-request-id', 'retry-after', 'content-disposition'],
    credentials: false,
    maxAge: 600,
  });
}
