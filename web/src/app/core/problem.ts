import { HttpErrorResponse } from '@angular/common/http';
import { ApiSchema } from './api/api-schema';

/** RFC 9457 problem details, as every API error answers (with its extension members, docs/errors.md). */
export type Problem = ApiSchema<'ProblemDetailsDto'>;
export type FieldError = ApiSchema<'FieldErrorDto'>;

export function problemOf(error: unknown): Problem | undefined {
  if (!(error instanceof HttpErrorResponse)) return undefined;
  const body: unknown = error.error;
  return body && typeof body === 'object' ? (body as Problem) : undefined;
}

/** One sentence for a snack bar or an inline message. */
export function describeError(error: unknown, fallback: string): string {
  if (error instanceof HttpErrorResponse && error.status === 0) {
    return "Can't reach the MotoVaultPro API. Check the connection and try again.";
  }
  const problem = problemOf(error);
  return problem?.detail || problem?.title || fallback;
}

/** A field error's message as a sentence under its field: "must be a language tag" → "Must be a language tag." */
export function sentence(message: string): string {
  const text = message.trim();
  if (!text) return 'Not accepted.';
  const capitalised = text[0].toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}
