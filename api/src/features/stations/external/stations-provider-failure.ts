import { HttpStatus } from '@nestjs/common';
import { ProblemException, problemTypes } from '@mvp/common';

/** Why an outside station service gave us nothing usable. */
export type FailureReason = 'unreachable' | 'timeout' | 'refused' | 'quota' | 'malformed';

const serviceNames: Record<string, string> = {
  overpass: 'OpenStreetMap (Overpass API)',
  geocoder: 'the place search (Nominatim)',
  google: 'Google Places',
};

/**
 * A failed call to a station service: a 503 problem naming the service (`provider`) and the
 * `reason`, with Retry-After when the service asked us to slow down.
 */
export class StationsProviderFailure extends ProblemException {
  constructor(
    readonly service: string,
    readonly reason: FailureReason,
    readonly explanation: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(
      HttpStatus.SERVICE_UNAVAILABLE,
      {
        type: problemTypes.unavailable,
        title: 'Service Unavailable',
        detail: `Station search through ${serviceNames[service] ?? service} is not available: ${explanation}. Saved stations still work.`,
        provider: service,
        reason,
      },
      retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) },
    );
    this.name = 'StationsProviderFailure';
  }
}
