import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { ProblemDetails, problemTypes } from '../errors/problem';
import type { RootLogger } from '../logging/pino-options';
import { requestIdFor } from '../logging/pino-options';
import { scrubVins } from '../logging/scrub';
import { problemClientErrorHandler, problemFrameworkErrors } from './client-errors';

/** How long a stopping server waits for requests in flight before it cuts their connections. */
export const drainTimeoutMs = 7_000;

/**
 * Fastify as every service runs it: request ids from `x-request-id`, echoed on every response,
 * and one log line per request written from a Fastify hook (no per-request child logger or
 * async context: those cost a quarter of a trivial route's throughput). Successful answers on
 * `probeRoutes` (health checks, polled every few seconds by containers and proxies) log at
 * debug, so they do not drown the log; their failures log as any other. URLs are logged without VINs.
 * Stopping, it drains: see `drainOnClose`.
 * Requests Node's HTTP parser or Fastify's router refuses are problem+json 4xx like every other error.
 */
export function createFastifyAdapter(log: RootLogger, options: { probeRoutes?: string[] } = {}): FastifyAdapter {
  const probeRoutes = new Set(options.probeRoutes ?? []);
  const adapter = new FastifyAdapter({
    bodyLimit: 102_400,
    requestIdHeader: false,
    genReqId: requestIdFor,
    // Its default ('idle') closes every connection, requests in flight too, when a plain server closes.
    forceCloseConnections: false,
    // Its own 503 while closing is plain JSON: `drainOnClose` answers problem details instead.
    return503OnClosing: false,
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
  drainOnClose(fastify);
  return adapter;
}

/** The caller an auth guard put on the request (`request.user.userId`), cut to 8 characters for the log. */
function userOf(request: object): { userId?: string } {
  const userId = (request as { user?: { userId?: unknown } }).user?.userId;
  return typeof userId === 'string' ? { userId: userId.slice(0, 8) } : {};
}

/**
 * On close no new connection is taken (a new request on an open one is a 503 problem), the requests in
 * flight finish, and each keep-alive connection is closed as soon as it is idle, so the close ends
 * when the last answer is sent. Whatever is still open after `drainTimeoutMs` (a client that stopped
 * sending) is cut, so a stop never waits on a client.
 */
function drainOnClose(fastify: FastifyInstance): void {
  let closing = false;
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!closing) return done();
    void reply
      .code(503)
      .header('connection', 'close')
      .type('application/problem+json')
      .send({
        type: problemTypes.unavailable,
        title: 'Service Unavailable',
        status: 503,
        detail: 'This server is shutting down. Send the request again.',
        instance: request.url.split('?')[0],
        requestId: String(request.id),
      } satisfies ProblemDetails);
  });
  fastify.addHook('preClose', (done) => {
    closing = true;
    const server = fastify.server;
    const idleSweep = setInterval(() => server.closeIdleConnections(), 50);
    const cutOff = setTimeout(() => server.closeAllConnections(), drainTimeoutMs);
    server.once('close', () => {
      clearInterval(idleSweep);
      clearTimeout(cutOff);
    });
    done();
  });
}
