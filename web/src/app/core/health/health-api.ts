import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, TimeoutError, catchError, map, of, timeout } from 'rxjs';
import { ApiSchema } from '../api/api-schema';

/** One dependency probe, as `GET /api/health` reports it (`store` for the cache). */
export type ProbeReport = ApiSchema<'ProbeReport'>;
export type HealthChecks = ApiSchema<'HealthChecks'>;

/** The 200 body: `ok`, or `degraded` while the cache is down. */
export type HealthReport = ApiSchema<'HealthReport'>;

/** The 503 body (`application/problem+json`), with `checks`. */
export type HealthProblem = ApiSchema<'ProblemDetailsDto'>;

/** Either the API answered (healthy or not, with each check's state), or it could not be reached. */
export type HealthSnapshot =
  | {
      kind: 'answered';
      healthy: boolean;
      checks: HealthChecks;
      /** Only a healthy answer carries the version and uptime. */
      version?: string;
      uptimeSeconds?: number;
      /** What is wrong, e.g. "Down: database." */
      problem?: string;
      checkedAt: Date;
    }
  | { kind: 'unreachable'; reason: string; checkedAt: Date };

const healthUrl = '/api/health';
const requestTimeoutMs = 10_000;

/** Client of the public health endpoint; never errors, it maps every outcome to a snapshot. */
@Injectable({ providedIn: 'root' })
export class HealthApi {
  private readonly http = inject(HttpClient);

  check(): Observable<HealthSnapshot> {
    return this.http.get<HealthReport>(healthUrl).pipe(
      timeout(requestTimeoutMs),
      map((report): HealthSnapshot => ({
        kind: 'answered',
        healthy: report.status === 'ok',
        checks: report.checks,
        // A 200 that is not ok: the cache is down and requests are served without it.
        problem: report.status === 'ok' ? undefined : 'Degraded: running without the cache.',
        version: report.version,
        uptimeSeconds: report.uptime,
        checkedAt: new Date(),
      })),
      catchError((error: unknown) => of(snapshotFromError(error))),
    );
  }
}

function snapshotFromError(error: unknown): HealthSnapshot {
  const checkedAt = new Date();
  if (error instanceof TimeoutError) {
    return { kind: 'unreachable', reason: 'The API did not answer within 10 seconds.', checkedAt };
  }
  if (error instanceof HttpErrorResponse) {
    const problem = parseProblem(error.error);
    if (error.status === 503 && problem?.checks) {
      return {
        kind: 'answered',
        healthy: false,
        checks: problem.checks,
        problem: problem.detail ?? problem.title,
        checkedAt,
      };
    }
    if (error.status === 0) return { kind: 'unreachable', reason: 'No connection to the server.', checkedAt };
    const status = `${error.status} ${error.statusText}`.trim();
    return { kind: 'unreachable', reason: `The server answered ${status}.`, checkedAt };
  }
  return { kind: 'unreachable', reason: 'The health check failed unexpectedly.', checkedAt };
}

function parseProblem(body: unknown): HealthProblem | undefined {
  if (typeof body === 'string') {
    try {
      return parseProblem(JSON.parse(body));
    } catch {
      return undefined;
    }
  }
  return body && typeof body === 'object' ? (body as HealthProblem) : undefined;
}
