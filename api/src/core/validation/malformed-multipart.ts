import { HttpException, HttpStatus } from '@nestjs/common';
import { ProblemException } from '@mvp/common';

/**
 * What the multipart parser (busboy, under @fastify/multipart) throws, as plain errors, for a body
 * that is not the multipart it claims to be: no boundary, a boundary that never comes, a body cut off.
 */
const malformedMultipart = [
  /^Multipart: Boundary not found$/,
  /^Boundary required$/,
  /unexpected end of multipart data$/i,
  /^The needle cannot /,
  /^Unsupported Content-Type\.$/,
];

/** The parser's error about a malformed multipart body as the client's 400 problem; any other error as it is. */
export function asMultipartProblem(error: unknown): unknown {
  if (!(error instanceof Error) || error instanceof HttpException) return error;
  if (!malformedMultipart.some((pattern) => pattern.test(error.message))) return error;
  return new ProblemException(HttpStatus.BAD_REQUEST, {
    detail: `The multipart/form-data body is malformed (${error.message}): check its boundary and that it was sent whole.`,
  });
}
