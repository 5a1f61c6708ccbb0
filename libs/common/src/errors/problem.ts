import { HttpException, HttpStatus } from '@nestjs/common';

export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, the body of every error response. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const problemTypes = {
  generic: 'about:blank',
  validation: 'urn:motovaultpro:problem:validation',
  unavailable: 'urn:motovaultpro:problem:service-unavailable',
  internal: 'urn:motovaultpro:problem:internal',
} as const;

/** An HTTP error that already knows its problem type, title, extension members and response headers (Retry-After). */
export class ProblemException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly problem: {
      type?: string;
      title?: string;
      detail: string;
      errors?: FieldError[];
      [extension: string]: unknown;
    },
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.detail, status);
  }
}

export class ValidationProblem extends ProblemException {
  constructor(errors: FieldError[]) {
    const fields = [...new Set(errors.map((error) => error.field))];
    super(HttpStatus.BAD_REQUEST, {
      type: problemTypes.validation,
      title: 'Invalid request',
      detail: `Check ${fields.length === 1 ? 'the field' : 'these fields'}: ${fields.join(', ')}.`,
      errors,
    });
  }
}
