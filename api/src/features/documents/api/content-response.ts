import contentDisposition from 'content-disposition';
import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@mvp/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import parseRange from 'range-parser';
import type { ByteRange } from '../data/storage/document-storage';

/**
 * Headers every stored file is served with. The content is the user's, not ours: the browser must
 * not guess another type (nosniff) nor run anything in it on our origin (a CSP with no script, and
 * a sandbox for everything but PDF, whose viewer a sandbox blocks; a PDF's own script runs in the
 * viewer, never on our origin).
 */
export function fileHeaders(file: {
  etag: string;
  contentType: string;
  fileName: string;
  inline: boolean;
}): Record<string, string> {
  const policy = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'";
  const isPdf = file.contentType === 'application/pdf';
  return {
    etag: file.etag,
    'cache-control': 'private, no-cache',
    'x-content-type-options': 'nosniff',
    'content-security-policy': isPdf ? `${policy}; object-src 'self'` : `${policy}; sandbox`,
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
    'content-disposition': contentDisposition(file.fileName, {
      type: file.inline ? 'inline' : 'attachment',
      fallback: asciiName(file.fileName),
    }),
    'accept-ranges': 'bytes',
  };
}

/** True when the client's `If-None-Match` names this ETag (or `*`): answer 304. */
export function isNotModified(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

export type RangeAsked = { kind: 'whole' } | { kind: 'range'; range: ByteRange } | { kind: 'unsatisfiable' };

/**
 * The one range of a `Range: bytes=…` header. Several ranges, a malformed header or an `If-Range`
 * for other bytes get the whole file (RFC 9110 lets a server ignore a Range); a range that starts
 * past the end is unsatisfiable (416).
 */
export function rangeAsked(request: FastifyRequest, size: number, etag: string): RangeAsked {
  const header = request.headers.range;
  if (!header) return { kind: 'whole' };
  const ifRange = request.headers['if-range'];
  if (typeof ifRange === 'string' && ifRange.trim() !== etag) return { kind: 'whole' };
  const ranges = parseRange(size, header, { combine: true });
  if (ranges === -1) return { kind: 'unsatisfiable' };
  if (ranges === -2 || ranges.type !== 'bytes' || ranges.length !== 1) return { kind: 'whole' };
  return { kind: 'range', range: { start: ranges[0].start, end: ranges[0].end } };
}

/** A 416 with the `Content-Range: bytes *\/size` that tells the client the file's size. */
export function rangeNotSatisfiable(reply: FastifyReply, size: number): ProblemException {
  void reply.header('content-range', `bytes */${size}`);
  return new ProblemException(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, {
    detail: `The file has ${size} bytes; the range asked for starts past its end.`,
  });
}

/**
 * The plain `filename=` for old clients: accents dropped, anything else beyond ASCII an underscore.
 * The real name goes in `filename*` (RFC 6266, UTF-8), which every current browser reads.
 */
function asciiName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() || 'document';
  return base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_');
}
