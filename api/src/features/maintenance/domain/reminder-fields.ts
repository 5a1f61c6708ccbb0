import type { OwnedVehicle } from '../../vehicles';
import type { MaintenanceReminderEntity } from '../data/maintenance-reminder.entity';
import type { CalendarDate } from './calendar-date';
import type { MaintenanceRecordFields } from './maintenance-record-fields';
import type { ReminderDue } from './reminder-due';
import type { TemplateAdjustments } from './reminder-templates';

/** A reminder's fields as a form sends them, already validated (`ReminderFieldsDto` at the API); null clears. */
export interface ReminderFields {
  title?: string;
  category?: string;
  serviceKey?: string | null;
  intervalMonths?: number | null;
  /** In the vehicle's odometer unit. */
  intervalDistance?: number | null;
  dueDate?: CalendarDate | null;
  dueOdometer?: number | null;
  /** Where a recurring reminder counts from until its category has a record; default today… */
  startDate?: CalendarDate;
  /** …and the vehicle's current odometer. */
  startOdometer?: number;
  notes?: string | null;
}

/** A reminder from our own export: its fields, done or not (and by which of the import's records), and what was last alerted. */
export interface ReminderToImport extends ReminderFields {
  completedAt: Date | null;
  completedRecordId: string | null;
  alertedStatus: MaintenanceReminderEntity['alertedStatus'];
}

export interface NewReminder extends ReminderFields {
  vehicleId: string;
}

export interface ReminderListQuery {
  vehicleId?: string;
  /** One-off reminders that were done are left out unless asked for. */
  includeCompleted?: boolean;
  page?: number;
  pageSize?: number;
}

/** A template to add to a vehicle, by key, with the user's changes. */
export interface TemplateChoice extends TemplateAdjustments {
  key: string;
}

/** What completing a reminder records: a maintenance record whose vehicle is the reminder's. */
export type CompletionRecord = MaintenanceRecordFields;

/** A reminder with what is due, as of now, and its vehicle. */
export interface ReminderWithDue {
  reminder: MaintenanceReminderEntity;
  vehicle: OwnedVehicle;
  due: ReminderDue;
}
