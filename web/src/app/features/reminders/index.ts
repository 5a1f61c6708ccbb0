/**
 * The reminders feature's public surface for other web features: the dashboard's "Due soon" card,
 * the vehicle page's reminders, and the pieces to show reminders elsewhere. The dialogs load lazily.
 */
export { DueSoonCard } from './components/due-soon-card';
export { ReminderChip } from './components/reminder-chip';
export { RemindersPanel } from './components/reminders-panel';
export { VehicleReminders } from './components/vehicle-reminders';
export { ReminderChanges } from './data/reminder-changes';
export { markDoneLink } from './data/mark-done-link';
export type { Reminder, ReminderVehicle } from './data/reminder';
