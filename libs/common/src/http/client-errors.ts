import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problemTypes } from '../errors/problem';

/** What Node's HTTP parser refused, by its error code: a request too slow, headers too large, or anything else malformed. */
function statusOf(code: string | undefined): number {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  if (code === 'HPE_HEADER_OVERFLOW') return 431;
  return 400;
}

function detailOf(status: number): string {
  if (status === 408) return 'The request took too long to arrive.';
  if (status === 431) return 'The request line and headers are too large (a very long URL or query string?).';
  return 'The request is not valid HTTP.';
}

/**
 * Fastify's `clientErrorHandler`: requests Node refuses before any route sees them (a 1 MB query
 * string, a broken request line) get a problem+json like every other error, not Fastify's own
 * JSON shape. The connection is closed afterwards, as Node does.
 */
export function problemClientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const status = statusOf(error.code);
    const title = STATUS_CODES[status] ?? 'Error';
    const body = JSON.stringify({ type: problemTypes.generic, title, status, detail: detailOf(status) });
    socket.write(
      `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

const frameworkErrorDetails: Record<string, string> = {
  FST_ERR_BAD_URL: 'The URL is not valid: check its percent-encoding.',
  FST_ERR_MAX_PARAM_LENGTH: 'A part of the path is too long.',
};

/**
 * Fastify's `frameworkErrors`: URLs its router refuses before any route runs (a bad percent-encoding
 * such as `/api/vehicles/%`, a path part too long) get a problem+json too.
 */
export function problemFrameworkErrors(
  error: Error & { code?: string; statusCode?: number },
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const title = STATUS_CODES[status] ?? 'Error';
  const detail = frameworkErrorDetails[error.code ?? ''] ?? title;
  void reply
    .status(status)
    .header('x-request-id', request.id)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send(JSON.stringify({ type: problemTypes.generic, title, status, detail, requestId: request.id }));
}
