import type { FastifyInstance } from 'fastify';
import type { ApiMetrics } from './api-metrics';

/**
 * Times every answer by its route pattern (`/api/vehicles/:id`), from a Fastify hook: no Nest
 * interceptor, no per-request allocation beyond the label key. Requests no route matched (404s,
 * probes of random paths) share one label, so a scan cannot grow the series.
 */
export function recordRequestMetrics(fastify: FastifyInstance, metrics: ApiMetrics): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.observeRequest(request.method, routeOf(request), reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
}

function routeOf(request: { routeOptions: { url?: string }; url: string }): string {
  const pattern = request.routeOptions.url;
  if (pattern) return pattern;
  // The embedded issuer is middleware under /auth, outside Fastify's routes.
  return request.url.startsWith('/auth/') ? '/auth/*' : 'unmatched';
}
