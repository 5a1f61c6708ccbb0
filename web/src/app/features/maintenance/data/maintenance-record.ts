import type { ApiQuery, ApiSchema } from '../../../core/api/api-schema';

/** The shapes of `/api/maintenance/records`: the API's DTOs (docs/openapi.json). */

/** A record with its parts; `totalCost` is null when no cost was given. */
export type MaintenanceRecord = ApiSchema<'MaintenanceRecordDto'>;
export type MaintenancePart = ApiSchema<'MaintenancePartDto'>;
export type MaintenanceRecordPage = ApiSchema<'MaintenanceRecordPageDto'>;

/** The body of PATCH (and POST, with the vehicle): `parts`, when given, replaces every part; `null` clears. */
export type MaintenanceRecordFields = ApiSchema<'MaintenanceRecordFieldsDto'>;
export type NewMaintenanceRecord = ApiSchema<'NewMaintenanceRecordDto'>;
export type PartFields = ApiSchema<'PartFieldsDto'>;

/** A vehicle, a category, a text, days `from <= performedAt < to`, a page (`pageSize` at most 100). */
export type MaintenanceRecordQuery = ApiQuery<'/api/maintenance/records'>;

/** Marking a reminder done: the record's fields (the vehicle is the reminder's), and what came of it. */
export type ReminderCompletion = ApiSchema<'CompleteReminderDto'>;
export type CompletedReminder = ApiSchema<'CompletedReminderDto'>;
