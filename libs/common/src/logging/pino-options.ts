import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Logger as NestPinoLogger, PinoLogger } from 'nestjs-pino';
import pino, { Logger as PinoRootLogger, LoggerOptions } from 'pino';

export type RootLogger = PinoRootLogger;

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

export function usePrettyLogs(format: LoggingSettings['format']): boolean {
  if (format !== 'auto') return format === 'pretty';
  return Boolean(process.stdout.isTTY) && process.env.NODE_ENV !== 'production';
}

function pinoOptions(settings: LoggingSettings): LoggerOptions {
  return {
    level: settings.level,
    base: { service: settings.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: pino.stdSerializers.err },
  };
}

/**
 * The service's one pino logger. JSON lines go to stdout asynchronously: lines that arrive while
 * a write is in flight go out together in the next one (one write per batch, not per line, and
 * no delay when idle); past 16 MiB of backlog lines are dropped rather than memory growing
 * without bound. In a terminal they are pretty-printed instead.
 */
export function createRootLogger(settings: LoggingSettings): RootLogger {
  if (usePrettyLogs(settings.format)) {
    return pino({
      ...pinoOptions(settings),
      transport: {
        target: 'pino-pretty',
        options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' },
      },
    });
  }
  const stdout = pino.destination({ dest: 1, sync: false, maxLength: 16 * 1024 * 1024 });
  return pino(pinoOptions(settings), stdout);
}

/** Nest's LoggerService on the same pino logger (nestjs-pino), for everything Nest and our code log. */
export function nestLoggerFor(root: RootLogger): NestPinoLogger {
  return new NestPinoLogger(new PinoLogger({ pinoHttp: { logger: root } }), {});
}
