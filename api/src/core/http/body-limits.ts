import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** The largest JSON (or form) body a route takes unless it is listed below: far above any real form. */
export const defaultBodyLimitBytes = 100 * 1024;

/**
 * Routes whose bodies may legitimately be larger: a maintenance record may list 100 parts. Uploads
 * (documents, import) are multipart, which Fastify's body limit does not cover: each caps its own stream.
 */
const largerBodyLimits: Array<{ url: RegExp; bytes: number }> = [
  { url: /^\/api\/maintenance\/records(\/:[^/]+)?$/, bytes: 512 * 1024 },
];

/** Gives each route its body limit as Nest registers it; Fastify answers a larger body with 413 before parsing. */
export function applyBodyLimits(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      if (route.bodyLimit !== undefined) return;
      route.bodyLimit = largerBodyLimits.find(({ url }) => url.test(route.url))?.bytes ?? defaultBodyLimitBytes;
    });
}
