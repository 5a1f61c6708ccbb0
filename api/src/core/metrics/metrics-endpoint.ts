import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ApiMetrics } from './api-metrics';

export const metricsPath = '/metrics';

export interface MetricsExposure {
  /** Bearer token a scraper must present (secret file metrics-token). */
  token?: string;
  /** Serve on this port of `host` instead of the API's own; `0` takes a free one. */
  port?: number;
  host: string;
}

interface Answer {
  status: number;
  contentType: string;
  headers: Record<string, string>;
  body: string;
}

/** `/metrics` on the API's own port, only with a token; without one it stays a 404. */
export function serveMetricsOnApi(fastify: FastifyInstance, metrics: ApiMetrics, token: string): void {
  fastify.get(metricsPath, async (request, reply) => {
    const answer = await answerScrape(metrics, token, request.headers.authorization, request.id);
    return reply.code(answer.status).headers(answer.headers).type(answer.contentType).send(answer.body);
  });
}

/**
 * `/metrics` on a port of its own (a private network's scraper), with the token too when one is
 * set; every other path there is a 404. Resolves once it listens.
 */
export async function serveMetricsOnPort(metrics: ApiMetrics, exposure: MetricsExposure): Promise<Server> {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void respond(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  const respond = async (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '').split('?')[0];
    const answer =
      path === metricsPath && (request.method === 'GET' || request.method === 'HEAD')
        ? await answerScrape(metrics, exposure.token, request.headers.authorization)
        : problem(404, 'Not Found', `Only ${metricsPath} is served on this port.`);
    response.writeHead(answer.status, { ...answer.headers, 'content-type': answer.contentType });
    response.end(request.method === 'HEAD' ? undefined : answer.body);
  };
  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(exposure.port, exposure.host, () => {
      server.off('error', failed);
      listening();
    });
  });
  return server;
}

async function answerScrape(
  metrics: ApiMetrics,
  token: string | undefined,
  authorization: string | undefined,
  requestId?: string,
): Promise<Answer> {
  if (token !== undefined && !bearerMatches(authorization, token)) {
    return {
      ...problem(401, 'Unauthorized', `${metricsPath} needs the metrics token as a bearer token.`, requestId),
      headers: { 'www-authenticate': 'Bearer realm="metrics"' },
    };
  }
  return {
    status: 200,
    contentType: metrics.registry.contentType,
    headers: { 'cache-control': 'no-store' },
    body: await metrics.registry.metrics(),
  };
}

/** Compares digests, so neither the length nor the content of the token leaks through timing. */
function bearerMatches(authorization: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  if (!given) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(token));
}

function problem(status: number, title: string, detail: string, requestId?: string): Answer {
  return {
    status,
    contentType: 'application/problem+json',
    headers: {},
    body: JSON.stringify({ type: 'about:blank', title, status, detail, ...(requestId ? { requestId } : {}) }),
  };
}
