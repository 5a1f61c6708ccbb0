import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { RootLogger } from '../logging/pino-options';
import { requestIdFor } from '../logging/pino-options';
import { scrubVins } from '../logging/scrub';
import { problemClientErrorHandler, problemFrameworkErrors } from './client-errors';

/**
 * Fastify as every service runs it: request ids from `x-request-id`, echoed on every response,
 * and one log line per request written from a Fastify hook (no per-request child logger or
 * async context: those cost a quarter of a trivial route's throughput). Successful answers on
 * `probeRoutes` (health checks, polled every few seconds by containers and proxies) log at
 * debug, so they do not drown the log; their failures log as any other. URLs are logged without VINs.
 * Requests Node's HTTP parser or Fastify's router refuses are problem+json 4xx like every other error.
 */
export function createFastifyAdapter(log: RootLogger, options: { probeRoutes?: string[] } = {}): FastifyAdapter {
  const probeRoutes = new Set(options.probeRoutes ?? []);
  const adapter = new FastifyAdapter({
    bodyLimit: 1_048_576,
    requestIdHeader: false,
    genReqId: requestIdFor,
    clientErrorHandler: problemClientErrorHandler,
    frameworkErrors: problemFrameworkErrors,
  });
  const fastify = adapter.getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const status = reply.statusCode;
    const level =
      status >= 500
        ? 'error'
        : status >= 400
          ? 'warn'
          : probeRoutes.has(request.routeOptions.url ?? '')
            ? 'debug'
            : 'info';
    if (log.isLevelEnabled(level)) {
      const url = scrubVins(request.url);
      log[level](
        {
          requestId: request.id,
          ...userOf(request),
          req: { method: request.method, url },
          res: { statusCode: status },
          latencyMs: Math.round(reply.elapsedTime * 100) / 100,
        },
        `${request.method} ${url} ${status}`,
      );
    }
    done();
  });
  return adapter;
}

/** The caller an auth guard put on the request (`request.user.userId`), cut to 8 characters for the log. */
function userOf(request: object): { userId?: string } {
  const userId = (request as { user?: { userId?: unknown } }).user?.userId;
  return typeof userId === 'string' ? { userId: userId.slice(0, 8) } : {};
}
