import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@mvp/common';

/** A reading a new or changed record would break, as the problem names it. */
export interface OutOfOrderReading {
  /** How the sentence names it: 'an earlier fill-up', 'the initial reading'. */
  label: string;
  odometer: number;
  /** When it was read, as the sentence shows it: an instant or a day. */
  at: string;
  /** The problem's `previous` or `next` member. */
  member: Record<string, unknown>;
}

/**
 * The 400 for an odometer that would go backwards along date order, the same for every capsule that
 * reports readings: `detail` and the `odometer` field error name the neighbouring readings, and the
 * `previous` and `next` members describe them.
 */
export function odometerOutOfOrder(
  unit: string,
  conflict: { previous?: OutOfOrderReading; next?: OutOfOrderReading },
): ProblemException {
  const readings = [conflict.previous, conflict.next].filter((reading) => reading !== undefined);
  const parts = readings.map((reading) => `${reading.label} reads ${reading.odometer} ${unit} on ${reading.at}`);
  return new ProblemException(HttpStatus.BAD_REQUEST, {
    title: 'Odometer out of order',
    detail: `The odometer cannot go backwards: ${parts.join(' and ')}.`,
    errors: [{ field: 'odometer', message: `must fit between the neighbouring readings: ${parts.join('; ')}` }],
    previous: conflict.previous?.member,
    next: conflict.next?.member,
  });
}
