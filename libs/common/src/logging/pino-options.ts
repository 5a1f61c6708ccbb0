import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { LoggerOptions } from 'pino';

export interface LoggingSettings {
  service: string;
  level: string;
  format: 'auto' | 'json' | 'pretty';
}

const acceptableRequestId = /^[A-Za-z0-9._:-]{1,128}$/;

/** Honours a well-formed incoming `x-request-id`, else makes a new one. */
export function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && acceptableRequestId.test(incoming) ? incoming : randomUUID();
}

/** For pino-http: the id Fastify already gave the request, else a fresh one. */
function reuseRequestId(req: IncomingMessage & { id?: unknown }): string {
  return typeof req.id === 'string' ? req.id : requestIdFor(req);
}

export function usePrettyLogs(format: LoggingSettings['format']): boolean {
  if (format !== 'auto') return format === 'pretty';
  return Boolean(process.stdout.isTTY) && process.env.NODE_ENV !== 'production';
}

/** Plain pino options for logs outside requests (startup, shutdown, scripts). */
export function pinoBaseOptions(settings: LoggingSettings): LoggerOptions {
  return {
    level: settings.level,
    base: { service: settings.service },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], remove: true },
    transport: usePrettyLogs(settings.format)
      ? {
          target: 'pino-pretty',
          options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' },
        }
      : undefined,
  };
}

/** nestjs-pino parameters: one JSON line per request with id, status and latency. */
export function pinoHttpParams(settings: LoggingSettings): Params {
  return {
    pinoHttp: {
      ...pinoBaseOptions(settings),
      genReqId: reuseRequestId,
      quietReqLogger: true,
      customAttributeKeys: { reqId: 'requestId', responseTime: 'latencyMs' },
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: (err: Error) => ({ type: err.name, message: err.message, stack: err.stack }),
      },
      customLogLevel: (_req, res, error) => {
        if (error || res.statusCode >= 500) return 'error';
        if (res.statusCode >= 400) return 'warn';
        return 'info';
      },
      customSuccessMessage: (req, res) => `${req.method} ${req.url} ${res.statusCode}`,
      customErrorMessage: (req, res) => `${req.method} ${req.url} ${res.statusCode}`,
    },
  };
}
