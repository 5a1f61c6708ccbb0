import type { OdometerUnit } from '../../vehicles';
import { addCalendarMonths, CalendarDate, calendarDateAt, daysBetween, isCalendarDate } from './calendar-date';
import { OdometerReadingFact, OdometerReason, odometerOn, TodaysOdometer } from './odometer-estimate';
import { KM_PER_MILE } from '../../../core/units/exact-units';

/**
 * When a reminder is due. Either recurring, "whichever comes first" of `intervalMonths` and
 * `intervalDistance` (one or both), or one-off, at `dueDate` and/or `dueOdometer` (whichever comes
 * first too). Distances are in the vehicle's odometer unit.
 */
export interface ReminderSchedule {
  category: string;
  /**
   * The kind of service within the category (a template key such as `cabin_filter`), or null. A
   * record of the category counts unless both it and the reminder name a service and they differ.
   */
  serviceKey?: string | null;
  intervalMonths: number | null;
  intervalDistance: number | null;
  dueDate: CalendarDate | null;
  dueOdometer: number | null;
  /** Where a recurring reminder counts from while its category has no record: the day it was set… */
  startDate: CalendarDate;
  /** …and the vehicle's odometer then. */
  startOdometer: number;
}

/** What a live maintenance record of the vehicle tells a reminder. */
export interface ServiceRecordFact {
  category: string;
  serviceKey?: string | null;
  performedAt: CalendarDate;
  odometer: number;
}

export interface VehicleFacts {
  odometerUnit: OdometerUnit;
  /** The vehicle's odometer readings, any order. */
  readings: readonly OdometerReadingFact[];
  /** The vehicle's live maintenance records, any order and any category. */
  records: readonly ServiceRecordFact[];
}

/** How near a due point makes a reminder `due_soon`: a user preference. */
export interface DueSoonThresholds {
  days: number;
  distance: number;
  distanceUnit: OdometerUnit;
}

export const DEFAULT_DUE_SOON_DAYS = 30;
export const DEFAULT_DUE_SOON_DISTANCE: Readonly<Record<OdometerUnit, number>> = { mi: 500, km: 800 };

export function defaultDueSoon(distanceUnit: OdometerUnit): DueSoonThresholds {
  return { days: DEFAULT_DUE_SOON_DAYS, distance: DEFAULT_DUE_SOON_DISTANCE[distanceUnit], distanceUnit };
}

export interface DueOptions {
  /** The instant the answer is for; with `timeZone` (IANA, the user's) it gives "today". */
  now: Date;
  timeZone: string;
  /** Defaults to `defaultDueSoon` in the vehicle's unit. */
  dueSoon?: DueSoonThresholds;
}

/**
 * From least to most severe (severity is the index).
 * - `ok`: neither of the below; also when the only criterion is a distance and the odometer is unknown.
 * - `due_soon`: not overdue, and the due date is at most `dueSoon.days` away (today included) or the
 *   due odometer at most `dueSoon.distance` away (reaching it exactly included).
 * - `overdue`: the due date is before today, or the odometer is past the due odometer.
 */
export const reminderStatuses = ['ok', 'due_soon', 'overdue'] as const;
export type ReminderStatus = (typeof reminderStatuses)[number];

/** The criterion that decided the status and its reason. */
export type DueBy = 'date' | 'distance';

/**
 * What the due point counts from.
 * - `last_record`: recurring; the latest record of the reminder's category (by `performedAt`, then
 *   odometer) plus the interval.
 * - `reminder_start`: recurring, and the category has no record yet: the reminder's start plus the interval.
 * - `fixed`: one-off; the reminder's own `dueDate` / `dueOdometer`.
 */
export type DueFrom = 'last_record' | 'reminder_start' | 'fixed';

export interface ReminderDue {
  nextDueDate: CalendarDate | null;
  nextDueOdometer: number | null;
  status: ReminderStatus;
  /** In words: "overdue by 312 mi", "due in 9 days", "due today", "due in about 450 km" (estimated odometer). */
  statusReason: string;
  dueBy: DueBy;
  dueFrom: DueFrom;
  /** The record `last_record` counts from. */
  lastRecord: ServiceRecordFact | null;
  /** The user's calendar date at `now`. */
  today: CalendarDate;
  /** Days from today to `nextDueDate`: negative when overdue. */
  daysLeft: number | null;
  /** From the odometer used to `nextDueOdometer`: negative when overdue; null when either is unknown. */
  distanceLeft: number | null;
  /** The odometer used, in the vehicle's unit: the last reading, or an estimate (see `odometerOn`). */
  odometer: number | null;
  odometerEstimated: boolean;
  odometerReason: OdometerReason;
}

const severity = (status: ReminderStatus) => reminderStatuses.indexOf(status);

interface Criterion {
  dueBy: DueBy;
  left: number;
  threshold: number;
  status: ReminderStatus;
}

/**
 * What is due for a reminder of a vehicle, as of `options.now` in the user's time zone. With both
 * criteria the worse status decides; of two equal statuses, the criterion with the smaller share of
 * its due-soon threshold left (the more overdue one, when both are overdue), the date on a tie.
 */
export function reminderDue(schedule: ReminderSchedule, vehicle: VehicleFacts, options: DueOptions): ReminderDue {
  const today = calendarDateAt(options.now, options.timeZone);
  const { dueFrom, lastRecord, nextDueDate, nextDueOdometer } = nextDuePoint(schedule, vehicle.records);
  const current = todaysOdometerOf(vehicle.readings, today, options.timeZone);
  const dueSoon = options.dueSoon ?? defaultDueSoon(vehicle.odometerUnit);

  const daysLeft = nextDueDate === null ? null : daysBetween(today, nextDueDate);
  const distanceLeft =
    nextDueOdometer === null || current.odometer === null ? null : nextDueOdometer - current.odometer;
  const criteria: Criterion[] = [];
  if (daysLeft !== null) criteria.push(criterion('date', daysLeft, dueSoon.days));
  if (distanceLeft !== null)
    criteria.push(criterion('distance', distanceLeft, distanceIn(vehicle.odometerUnit, dueSoon)));
  const decisive = criteria.reduce<Criterion | null>(
    (chosen, next) => (chosen === null || comesFirst(next, chosen) ? next : chosen),
    null,
  );

  return {
    nextDueDate,
    nextDueOdometer,
    status: decisive?.status ?? 'ok',
    statusReason: decisive
      ? reasonFor(decisive, vehicle.odometerUnit, current.estimated)
      : unmeasuredReason(nextDueOdometer, vehicle.odometerUnit),
    dueBy: decisive?.dueBy ?? (nextDueDate === null ? 'distance' : 'date'),
    dueFrom,
    lastRecord,
    today,
    daysLeft,
    distanceLeft,
    odometer: current.odometer,
    odometerEstimated: current.estimated,
    odometerReason: current.reason,
  };
}

/**
 * `odometerOn`, worked out once per vehicle's readings and day: a vehicle's reminders share it, and
 * it is the costly part (each reading's day in the user's zone). Keyed by the readings array itself.
 */
const odometerMemo = new WeakMap<readonly OdometerReadingFact[], { key: string; value: TodaysOdometer }>();

function todaysOdometerOf(readings: readonly OdometerReadingFact[], today: CalendarDate, timeZone: string) {
  const key = `${today} ${timeZone}`;
  const memo = odometerMemo.get(readings);
  if (memo?.key === key) return memo.value;
  const value = odometerOn(today, readings, timeZone);
  odometerMemo.set(readings, { key, value });
  return value;
}

export interface DuePoint {
  dueFrom: DueFrom;
  lastRecord: ServiceRecordFact | null;
  nextDueDate: CalendarDate | null;
  nextDueOdometer: number | null;
}

/** The due date and odometer, before any look at today or the odometer. */
export function nextDuePoint(schedule: ReminderSchedule, records: readonly ServiceRecordFact[]): DuePoint {
  const { intervalMonths, intervalDistance } = schedule;
  if (intervalMonths === null && intervalDistance === null) {
    const { dueDate, dueOdometer } = schedule;
    return { dueFrom: 'fixed', lastRecord: null, nextDueDate: dueDate, nextDueOdometer: dueOdometer };
  }
  const lastRecord = latestRecordOf(schedule, records);
  const from = lastRecord
    ? { date: lastRecord.performedAt, odometer: lastRecord.odometer }
    : { date: schedule.startDate, odometer: schedule.startOdometer };
  return {
    dueFrom: lastRecord ? 'last_record' : 'reminder_start',
    lastRecord,
    nextDueDate: intervalMonths === null ? null : addCalendarMonths(from.date, intervalMonths),
    nextDueOdometer: intervalDistance === null ? null : from.odometer + intervalDistance,
  };
}

function latestRecordOf(
  { category, serviceKey }: Pick<ReminderSchedule, 'category' | 'serviceKey'>,
  records: readonly ServiceRecordFact[],
): ServiceRecordFact | null {
  let latest: ServiceRecordFact | null = null;
  for (const record of records) {
    if (record.category !== category) continue;
    if (serviceKey && record.serviceKey && record.serviceKey !== serviceKey) continue;
    if (
      latest === null ||
      record.performedAt > latest.performedAt ||
      (record.performedAt === latest.performedAt && record.odometer > latest.odometer)
    )
      latest = record;
  }
  return latest;
}

function criterion(dueBy: DueBy, left: number, threshold: number): Criterion {
  const status = left < 0 ? 'overdue' : left <= threshold ? 'due_soon' : 'ok';
  return { dueBy, left, threshold, status };
}

/** Whether `a` decides over `b`: a worse status, or the same with less of its threshold left. */
function comesFirst(a: Criterion, b: Criterion): boolean {
  const bySeverity = severity(a.status) - severity(b.status);
  if (bySeverity !== 0) return bySeverity > 0;
  // left / threshold compared without dividing, so a zero threshold needs no special case.
  const share = a.left * b.threshold - b.left * a.threshold;
  return share < 0 || (share === 0 && a.dueBy === 'date');
}

function distanceIn(unit: OdometerUnit, dueSoon: DueSoonThresholds): number {
  if (dueSoon.distanceUnit === unit) return dueSoon.distance;
  return unit === 'km' ? dueSoon.distance * KM_PER_MILE : dueSoon.distance / KM_PER_MILE;
}

function reasonFor({ dueBy, left }: Criterion, unit: OdometerUnit, estimated: boolean): string {
  if (dueBy === 'date') {
    if (left === 0) return 'due today';
    return left < 0 ? `overdue by ${formatDays(-left)}` : `due in ${formatDays(left)}`;
  }
  const about = estimated ? 'about ' : '';
  if (left === 0) return estimated ? 'due about now' : 'due now';
  // Rounded up, so a fraction of a unit left (or over) never reads as 0.
  const amount = formatDistance(Math.ceil(Math.abs(left)), unit);
  return left < 0 ? `overdue by ${about}${amount}` : `due in ${about}${amount}`;
}

/** Only a due odometer, and no reading to compare it with (or, from bad stored data, nothing due at all). */
function unmeasuredReason(nextDueOdometer: number | null, unit: OdometerUnit): string {
  if (nextDueOdometer === null) return 'nothing to be due by';
  return `due at ${formatDistance(nextDueOdometer, unit)}; no odometer reading yet`;
}

const formatDays = (days: number) => `${days} ${days === 1 ? 'day' : 'days'}`;

const distanceFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const formatDistance = (distance: number, unit: OdometerUnit) => `${distanceFormat.format(distance)} ${unit}`;

/** Where a reminder's schedule is wrong; `field` names the value as the form sent it. */
export type ScheduleProblem = { field: keyof ReminderSchedule; message: string };

export const MAX_INTERVAL_MONTHS = 600;

/**
 * A reminder recurs (an interval in months and/or distance) or is due once (a due date and/or
 * odometer), never both, and has at least one of the four.
 */
export function scheduleProblems(schedule: Omit<ReminderSchedule, 'category'>): ScheduleProblem[] {
  const { intervalMonths, intervalDistance, dueDate, dueOdometer } = schedule;
  const recurs = intervalMonths !== null || intervalDistance !== null;
  const dueOnce = dueDate !== null || dueOdometer !== null;
  const problems: ScheduleProblem[] = [];
  if (!recurs && !dueOnce)
    for (const field of ['intervalMonths', 'intervalDistance', 'dueDate', 'dueOdometer'] as const)
      problems.push({ field, message: 'give an interval (months and/or distance) or a due date and/or odometer' });
  if (recurs && dueOnce)
    for (const field of ['dueDate', 'dueOdometer'] as const)
      if (schedule[field] !== null)
        problems.push({ field, message: 'a reminder with an interval recurs; it takes no due date or odometer' });
  if (intervalMonths !== null && !(Number.isInteger(intervalMonths) && intervalMonths >= 1))
    problems.push({ field: 'intervalMonths', message: 'must be a whole number of months, at least 1' });
  if (intervalMonths !== null && intervalMonths > MAX_INTERVAL_MONTHS)
    problems.push({ field: 'intervalMonths', message: `must be at most ${MAX_INTERVAL_MONTHS}` });
  if (intervalDistance !== null && !(intervalDistance > 0 && Number.isFinite(intervalDistance)))
    problems.push({ field: 'intervalDistance', message: 'must be above 0' });
  if (dueOdometer !== null && !(dueOdometer >= 0 && Number.isFinite(dueOdometer)))
    problems.push({ field: 'dueOdometer', message: 'must not be negative' });
  for (const field of ['dueDate', 'startDate'] as const) {
    const date = schedule[field];
    if (date !== null && !isCalendarDate(date)) problems.push({ field, message: 'must be a date, YYYY-MM-DD' });
  }
  if (!(schedule.startOdometer >= 0 && Number.isFinite(schedule.startOdometer)))
    problems.push({ field: 'startOdometer', message: 'must not be negative' });
  return problems;
}
