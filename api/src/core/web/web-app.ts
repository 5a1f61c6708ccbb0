import fastifyStatic from '@fastify/static';
import type { NotFoundFallback } from '@mvp/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

/** Paths the API owns: a miss there is a 404 problem, never the web app. */
const apiPaths = /^\/(api|health|auth|metrics)(\/|$)/;
const hashedAsset = /-[A-Z0-9]{8,}\.(js|css|woff2?|ttf|svg|png)(\.br|\.gz)?$/i;

/**
 * Serves the built Angular app from the API's own origin. Client-side routes (`/settings`)
 * get index.html; everything under /api, /health, /auth and /metrics stays the API's.
 * Text files go out as the `.br` (else `.gz`) that scripts/compress-web.ts wrote beside them,
 * whichever the client accepts; hashed files are cached for good, the rest revalidated.
 */
export async function serveWebApp(
  app: NestFastifyApplication,
  distDir: string,
  log: { info(message: string): void; warn(message: string): void },
): Promise<NotFoundFallback | undefined> {
  const root = resolve(distDir);
  if (!existsSync(join(root, 'index.html'))) {
    log.warn(`No web app at ${root}: build it with "npm run build:web". The API runs without it.`);
    return undefined;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: true,
    index: ['index.html'],
    cacheControl: false,
    preCompressed: true,
    setHeaders: (res, path) => {
      const cacheControl = hashedAsset.test(basename(path)) ? 'public, max-age=31536000, immutable' : 'no-cache';
      res.setHeader('cache-control', cacheControl);
      // The same URL answers br, gzip or plain by Accept-Encoding: shared caches must key on it.
      res.setHeader('vary', 'accept-encoding');
    },
  });
  log.info(`Serving the web app from ${root}`);

  return (request, reply) => {
    const path = request.url.split('?')[0];
    const wantsPage = request.method === 'GET' || request.method === 'HEAD';
    if (!wantsPage || apiPaths.test(path) || !acceptsHtml(request.headers.accept)) return false;
    void reply.header('cache-control', 'no-cache').sendFile('index.html', root);
    return true;
  };
}

function acceptsHtml(accept: string | undefined): boolean {
  return !accept || accept.includes('text/html') || accept.includes('*/*');
}
