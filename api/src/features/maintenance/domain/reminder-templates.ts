import type { OdometerUnit } from '../../vehicles';
import { CalendarDate } from './calendar-date';
import { BuiltInCategory } from './maintenance-categories';
import { ReminderSchedule, scheduleProblems } from './reminder-due';

/** A built-in schedule a user can start a reminder from. */
export interface ReminderTemplate {
  key: string;
  title: string;
  category: BuiltInCategory;
  intervalMonths: number | null;
  /** Typical distance in each unit: a round number of its own, not a conversion of the other. */
  intervalDistance: Readonly<Record<OdometerUnit, number>> | null;
}

const distance = (mi: number, km: number) => ({ mi, km });

/**
 * Typical intervals for a passenger car in normal use, on the cautious side where a miss is costly
 * (a timing belt that snaps can wreck the engine). The owner's manual wins: every value can be
 * adjusted when the reminder is made.
 */
export const reminderTemplates: readonly ReminderTemplate[] = [
  {
    key: 'oil_change',
    title: 'Oil change',
    category: 'oil',
    intervalMonths: 6,
    intervalDistance: distance(5_000, 8_000),
  },
  {
    key: 'tire_rotation',
    title: 'Tire rotation',
    category: 'tires',
    intervalMonths: 6,
    intervalDistance: distance(6_000, 10_000),
  },
  { key: 'brake_fluid', title: 'Brake fluid', category: 'brakes', intervalMonths: 24, intervalDistance: null },
  {
    key: 'coolant',
    title: 'Coolant',
    category: 'fluids',
    intervalMonths: 60,
    intervalDistance: distance(60_000, 100_000),
  },
  {
    key: 'air_filter',
    title: 'Engine air filter',
    category: 'filters',
    intervalMonths: 24,
    intervalDistance: distance(15_000, 25_000),
  },
  {
    key: 'cabin_filter',
    title: 'Cabin air filter',
    category: 'filters',
    intervalMonths: 12,
    intervalDistance: distance(15_000, 25_000),
  },
  {
    key: 'spark_plugs',
    title: 'Spark plugs',
    category: 'repair',
    intervalMonths: 72,
    intervalDistance: distance(60_000, 100_000),
  },
  {
    key: 'timing_belt',
    title: 'Timing belt',
    category: 'repair',
    intervalMonths: 72,
    intervalDistance: distance(60_000, 100_000),
  },
  { key: 'inspection', title: 'Inspection', category: 'inspection', intervalMonths: 12, intervalDistance: null },
  {
    key: 'registration_renewal',
    title: 'Registration renewal',
    category: 'other',
    intervalMonths: 12,
    intervalDistance: null,
  },
];

export function reminderTemplate(key: string): ReminderTemplate | undefined {
  return reminderTemplates.find((template) => template.key === key);
}

/** What the user changed of a template; `null` leaves a criterion out (one must remain). */
export interface TemplateAdjustments {
  title?: string;
  intervalMonths?: number | null;
  /** In the vehicle's unit. */
  intervalDistance?: number | null;
}

/** The vehicle a reminder is made for, and where it starts counting (today, the current odometer). */
export interface TemplateTarget {
  odometerUnit: OdometerUnit;
  startDate: CalendarDate;
  startOdometer: number;
}

export interface ReminderFields extends ReminderSchedule {
  title: string;
}

export type TemplateProblem = { field: keyof ReminderFields; message: string };

export const TITLE_MAX_LENGTH = 100;

/** A recurring reminder's fields from a template, the distance in the vehicle's unit, with the user's changes. */
export function reminderFromTemplate(
  template: ReminderTemplate,
  target: TemplateTarget,
  adjustments: TemplateAdjustments = {},
): ReminderFields | TemplateProblem[] {
  const fields: ReminderFields = {
    title: (adjustments.title ?? template.title).trim(),
    category: template.category,
    intervalMonths: adjustments.intervalMonths === undefined ? template.intervalMonths : adjustments.intervalMonths,
    intervalDistance:
      adjustments.intervalDistance === undefined
        ? (template.intervalDistance?.[target.odometerUnit] ?? null)
        : adjustments.intervalDistance,
    dueDate: null,
    dueOdometer: null,
    startDate: target.startDate,
    startOdometer: target.startOdometer,
  };
  // The template makes a recurring reminder; a due date or odometer is no field of its form.
  const problems: TemplateProblem[] = scheduleProblems(fields).filter(
    (problem) => problem.field !== 'dueDate' && problem.field !== 'dueOdometer',
  );
  if (fields.title.length === 0) problems.unshift({ field: 'title', message: 'must not be empty' });
  if ([...fields.title].length > TITLE_MAX_LENGTH)
    problems.unshift({ field: 'title', message: `must be at most ${TITLE_MAX_LENGTH} characters` });
  return problems.length > 0 ? problems : fields;
}
