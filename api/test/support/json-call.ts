import type { ApiSchema } from '../../../web/src/app/core/api/api-schema';

/** Bodies by their schema name in docs/openapi.json, the types the web app uses too. */
export type { ApiSchema };
export type Problem = ApiSchema<'ProblemDetailsDto'>;

/**
 * An answer as the tests read it: the status and the parsed body (`undefined` when empty), typed as
 * the caller expects it: `callJson<ApiSchema<'VehicleDto'>>(…)` for a success, `callJson<Problem>(…)` for an error.
 */
export interface JsonAnswer<Body> {
  status: number;
  type: string | null;
  body: Body;
}

/** A request to the API with a bearer token (none when null); `body` is sent as JSON, or as multipart when a `FormData`. */
export async function callJson<Body = unknown>(
  baseUrl: string,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<JsonAnswer<Body>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined || body instanceof FormData ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined || body instanceof FormData ? (body as FormData | undefined) : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: (text ? JSON.parse(text) : undefined) as Body,
  };
}
