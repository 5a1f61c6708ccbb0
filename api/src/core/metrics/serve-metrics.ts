import type { FastifyInstance } from 'fastify';
import type { ApiConfig } from '../config/api.config';
import type { ApiMetrics } from './api-metrics';
import { recordRequestMetrics } from './request-metrics';
import { metricsPath, serveMetricsOnApi, serveMetricsOnPort } from './metrics-endpoint';

type MetricsConfig = Pick<ApiConfig, 'METRICS_TOKEN' | 'METRICS_PORT' | 'HOST'>;

/** Metrics are recorded only when there is a way to read them: METRICS_PORT or METRICS_TOKEN. */
export function metricsEnabled(config: Pick<ApiConfig, 'METRICS_TOKEN' | 'METRICS_PORT'>): boolean {
  return config.METRICS_TOKEN !== undefined || config.METRICS_PORT !== undefined;
}

/**
 * Turns metrics on when there is a way to read them: METRICS_PORT (a port of its own on HOST) or
 * METRICS_TOKEN (`/metrics` on the API's port, bearer token). With neither, nothing is recorded
 * per request and `/metrics` is a 404. Resolves to what stops the separate port's server.
 */
export async function serveMetrics(
  fastify: FastifyInstance,
  metrics: ApiMetrics,
  config: MetricsConfig,
  log: { info(message: string): void },
): Promise<() => Promise<void>> {
  const { METRICS_TOKEN: token, METRICS_PORT: port, HOST: host } = config;
  if (!metricsEnabled(config)) return async () => undefined;
  metrics.collectProcessMetrics();
  recordRequestMetrics(fastify, metrics);
  if (port === undefined) {
    serveMetricsOnApi(fastify, metrics, token!);
    log.info(`Metrics at ${metricsPath} (bearer token: the metrics token)`);
    return async () => undefined;
  }
  const server = await serveMetricsOnPort(metrics, { token, port, host });
  const address = server.address();
  const listening = typeof address === 'object' && address ? address.port : port;
  log.info(`Metrics at http://${host}:${listening}${metricsPath}${token ? ' (bearer token: the metrics token)' : ''}`);
  return () =>
    new Promise<void>((closed) => {
      server.close(() => closed());
      server.closeAllConnections();
    });
}
