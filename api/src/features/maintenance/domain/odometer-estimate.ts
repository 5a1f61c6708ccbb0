import { CalendarDate, calendarDateAt, daysBetween } from './calendar-date';

/** A reading the vehicles capsule holds (a fill-up, a service, the initial one), in the vehicle's unit. */
export interface OdometerReadingFact {
  odometer: number;
  recordedAt: Date;
}

/** A reading older than this many days is too old to stand for today's odometer as it is. */
export const STALE_READING_DAYS = 14;
/** The pace is measured over the readings of the last 90 days up to the last reading… */
export const PACE_WINDOW_DAYS = 90;
/** …and only when they span at least this many days: a pace from two readings a day apart is noise. */
export const MIN_PACE_SPAN_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How today's odometer was found.
 * - `recent_reading`: the last reading is at most 14 days old (or dated after today); it is used as is.
 * - `estimated`: the last reading is older; today's odometer is the last reading plus the pace times
 *   the days since it. The pace is the distance from the earliest reading within 90 days before the
 *   last one to the last one, over the days between them.
 * - `too_little_history`: the last reading is older, but there is no pace: a single reading, or the
 *   readings in those 90 days span less than 7 days. The last reading is used as is.
 * - `no_readings`: the vehicle has no reading; its odometer is unknown.
 */
export const odometerReasons = ['recent_reading', 'estimated', 'too_little_history', 'no_readings'] as const;
export type OdometerReason = (typeof odometerReasons)[number];

export interface TodaysOdometer {
  /** In the vehicle's unit; null only for `no_readings`. Never below the last reading. */
  odometer: number | null;
  estimated: boolean;
  reason: OdometerReason;
  /** The last reading, by date, and the day it was taken in the user's time zone. */
  lastReading: { odometer: number; readOn: CalendarDate } | null;
  /** Distance a day the estimate used; null unless `estimated`. */
  dailyDistance: number | null;
}

/**
 * The odometer on `today` (a calendar date in `timeZone`, where the readings' days are taken too).
 * The readings may come in any order. The last reading is the highest of the last day that has one:
 * a service is dated by its day alone (reported at the day's start), so a lower reading later that
 * day, such as the initial one when a vehicle is added, does not hide it.
 * An estimate is rounded down to a whole unit, and never falls below the last reading (a pace that
 * comes out negative, from readings already out of order, counts as zero).
 */
export function odometerOn(
  today: CalendarDate,
  readings: readonly OdometerReadingFact[],
  timeZone: string,
): TodaysOdometer {
  if (readings.length === 0)
    return { odometer: null, estimated: false, reason: 'no_readings', lastReading: null, dailyDistance: null };
  const ordered = [...readings].sort(
    (a, b) => a.recordedAt.getTime() - b.recordedAt.getTime() || a.odometer - b.odometer,
  );
  const dayOf = (reading: OdometerReadingFact) => calendarDateAt(reading.recordedAt, timeZone);
  const last = highestOfLastDay(ordered, dayOf);
  const lastReading = { odometer: last.odometer, readOn: dayOf(last) };
  const asRead = (reason: OdometerReason): TodaysOdometer => ({
    odometer: last.odometer,
    estimated: false,
    reason,
    lastReading,
    dailyDistance: null,
  });

  const daysSince = daysBetween(lastReading.readOn, today);
  if (daysSince <= STALE_READING_DAYS) return asRead('recent_reading');
  // Calendar days in one zone are less than two days off the instants' gap (rounding, and an offset
  // change of at most a day: Samoa skipped Dec 30, 2011), so readings before this cannot be in the
  // window and need no turning into calendar days, the costly part.
  const windowOpens = last.recordedAt.getTime() - (PACE_WINDOW_DAYS + 2) * DAY_MS;
  const earliest = ordered.find(
    (reading) =>
      reading.recordedAt.getTime() >= windowOpens &&
      daysBetween(dayOf(reading), lastReading.readOn) <= PACE_WINDOW_DAYS,
  )!;
  const earliestReadOn = dayOf(earliest);
  const spanDays = daysBetween(earliestReadOn, lastReading.readOn);
  if (spanDays < MIN_PACE_SPAN_DAYS) return asRead('too_little_history');

  const dailyDistance = Math.max(0, (last.odometer - earliest.odometer) / spanDays);
  const odometer = Math.max(last.odometer, Math.floor(last.odometer + dailyDistance * daysSince));
  return { odometer, estimated: true, reason: 'estimated', lastReading, dailyDistance };
}

/** Of readings ordered by time, the highest on the day of the latest one. */
function highestOfLastDay(
  ordered: readonly OdometerReadingFact[],
  dayOf: (reading: OdometerReadingFact) => CalendarDate,
): OdometerReadingFact {
  let highest = ordered[ordered.length - 1];
  const lastDay = dayOf(highest);
  // A calendar day spans at most 26 hours of instants (an offset change), so earlier readings need no look.
  const dayOpens = highest.recordedAt.getTime() - 2 * DAY_MS;
  for (let index = ordered.length - 2; index >= 0 && ordered[index].recordedAt.getTime() >= dayOpens; index--) {
    const reading = ordered[index];
    if (reading.odometer > highest.odometer && dayOf(reading) === lastDay) highest = reading;
  }
  return highest;
}
