import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../database/database-unavailable';
import { ProblemDetails, ProblemException, problemTypes } from './problem';

/** Seconds a client should wait before trying again while the database comes back. */
const databaseRetryAfterSeconds = 5;

/** Lets a service answer a 404 itself (the web app's client-side routes) before it becomes a problem. */
export type NotFoundFallback = (request: FastifyRequest, reply: FastifyReply) => boolean;

/**
 * Every error becomes `application/problem+json`; a 500 says nothing of stacks or SQL. A database
 * that is down or restarting is a 503 with Retry-After, not a 500: it is no fault of the request.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly notFoundFallback?: NotFoundFallback) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const databaseDown = !(exception instanceof HttpException) && isDatabaseUnavailable(exception);
    const problem = databaseDown ? { ...databaseUnavailable } : this.toProblem(exception, request);

    if (problem.status === HttpStatus.NOT_FOUND && this.notFoundFallback?.(request, reply)) return;

    problem.instance = request.url.split('?')[0];
    const requestId = String(request.id);
    problem.requestId = requestId;

    if (problem.status >= 500 && problem.type === problemTypes.internal) {
      this.logger.error({ err: exception, requestId }, 'Unexpected error');
    }
    if (databaseDown) {
      this.logger.warn({ requestId, reason: (exception as Error).message }, 'Database unavailable');
      void reply.header('retry-after', String(databaseRetryAfterSeconds));
    }
    if (exception instanceof ProblemException) {
      for (const [name, value] of Object.entries(exception.headers)) void reply.header(name, value);
    }
    if (reply.sent) return;
    void reply
      .status(problem.status)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown, request: FastifyRequest): ProblemDetails {
    if (exception instanceof ProblemException) {
      const status = exception.getStatus();
      return { type: problemTypes.generic, title: titleOf(status), status, ...exception.problem };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // Fastify's 413 (body over the route's limit) reaches here as a bare HttpException.
      const detail =
        status === 413 && !isMultipart(request) ? bodyTooLargeDetail(request) : detailOf(exception, status);
      return { type: problemTypes.generic, title: titleOf(status), status, detail };
    }
    const status = frameworkClientErrorStatus(exception);
    if (status) {
      const detail =
        status === 413 && !isMultipart(request) ? bodyTooLargeDetail(request) : (exception as Error).message;
      return { type: problemTypes.generic, title: titleOf(status), status, detail };
    }
    return {
      type: problemTypes.internal,
      title: 'Internal Server Error',
      status: 500,
      detail: 'Something went wrong on our side. The error was logged; quote the request id when reporting it.',
    };
  }
}

const databaseUnavailable: ProblemDetails = {
  type: problemTypes.unavailable,
  title: 'Service Unavailable',
  status: 503,
  detail: 'The database is not reachable right now. Try again in a moment.',
};

function titleOf(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

function detailOf(exception: HttpException, status: number): string {
  const response = exception.getResponse();
  const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
  const text = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : undefined;
  if (status >= 500 && status !== 503) return titleOf(status);
  return text && text !== titleOf(status) ? text : defaultDetail(status);
}

function defaultDetail(status: number): string {
  if (status === 404) return 'Nothing is here.';
  return titleOf(status);
}

/** Fastify's own errors (bad JSON, body too large, wrong media type) carry a 4xx statusCode. */
function frameworkClientErrorStatus(exception: unknown): number | undefined {
  if (!(exception instanceof Error)) return undefined;
  const { statusCode, code } = exception as Error & { statusCode?: unknown; code?: unknown };
  const isFastifyError = typeof code === 'string' && code.startsWith('FST_');
  return isFastifyError && typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500
    ? statusCode
    : undefined;
}

/** Uploads have limits of their own (file size, parts), which their 413s name. */
function isMultipart(request: FastifyRequest): boolean {
  return String(request.headers['content-type'] ?? '').startsWith('multipart/');
}

/** Names the route's limit, so a client knows how much to cut. */
function bodyTooLargeDetail(request: FastifyRequest): string {
  const limit = request.routeOptions?.bodyLimit;
  if (!limit) return 'The request body is too large.';
  const size = limit % 1_048_576 === 0 ? `${limit / 1_048_576} MiB` : `${Math.round(limit / 1024)} KiB`;
  return `The request body is larger than this route takes (${size}).`;
}
