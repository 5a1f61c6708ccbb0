/**
 * The maintenance capsule's public surface: its module, which the app composes, its monthly costs for
 * reports, its records (to attach documents to one) and reminders, each paged through whole for the
 * export (`exportPage`), and the due list's registry of dated items (document expiries) that other
 * capsules feed.
 */
export { MaintenanceModule } from './maintenance.module';
export { MaintenanceCostsService } from './domain/maintenance-costs.service';
export type { MonthlyServiceCost, MonthlyServiceCostQuery } from './domain/maintenance-costs.service';
export { MaintenanceRecordsService } from './domain/maintenance-records.service';
export { RemindersService } from './domain/reminders.service';
export { DatedDueItems } from './domain/dated-due-items';
export type { DatedDueItem, DatedDueItemSource } from './domain/dated-due-items';
export type { CalendarDate } from './domain/calendar-date';
export type { BuiltInCategory } from './domain/maintenance-categories';
export type { RecordToImport } from './domain/maintenance-record-fields';
export type { ReminderToImport } from './domain/reminder-fields';
