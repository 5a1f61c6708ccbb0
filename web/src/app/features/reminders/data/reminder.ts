import type { ApiQuery, ApiSchema } from '../../../core/api/api-schema';

/** The shapes of `/api/maintenance/reminders`: the API's DTOs (docs/openapi.json). */

export type Reminder = ApiSchema<'ReminderDto'>;
export type ReminderStatus = Reminder['status'];
export type ReminderPage = ApiSchema<'ReminderPageDto'>;
export type DueListPage = ApiSchema<'DueListDto'>;
/** Something of another feature that runs out on a day: an insurance or registration document's expiry. */
export type DatedDueItem = ApiSchema<'DatedDueItemDto'>;
/** What is due: reminders, and what runs out beside them. */
export interface DueList {
  reminders: Reminder[];
  expiring: DatedDueItem[];
}
export type OdometerUnit = Reminder['odometerUnit'];

/** A built-in schedule, its distance in the vehicle's unit; `added`: the vehicle has one open already. */
export type ReminderTemplate = ApiSchema<'ReminderTemplateDto'>;
export type ApplyTemplates = ApiSchema<'ApplyTemplatesDto'>;
export type TemplateChoice = ApiSchema<'TemplateChoiceDto'>;

/** POST: recurring (`intervalMonths` and/or `intervalDistance`) or once (`dueDate` and/or `dueOdometer`). */
export type NewReminder = ApiSchema<'NewReminderDto'>;
/** PATCH: `null` clears a schedule field. */
export type ReminderFields = ApiSchema<'ReminderFieldsDto'>;

export type ReminderQuery = ApiQuery<'/api/maintenance/reminders'>;

/** What the reminders feature needs of a vehicle (the garage's `Vehicle` has it). */
export interface ReminderVehicle {
  id: string;
  displayName: string;
  odometerUnit: OdometerUnit;
}
