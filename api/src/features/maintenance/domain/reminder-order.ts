import { reminderStatuses } from './reminder-due';
import type { ReminderWithDue } from './reminder-fields';

/**
 * Most pressing first: overdue, then due soon, then ok; within a status the nearest due date, then
 * the nearest due odometer, then by title. Reminders without a date come after those with one.
 */
export function byUrgency(a: ReminderWithDue, b: ReminderWithDue): number {
  return (
    reminderStatuses.indexOf(b.due.status) - reminderStatuses.indexOf(a.due.status) ||
    nullsLast(a.due.daysLeft, b.due.daysLeft) ||
    nullsLast(a.due.distanceLeft, b.due.distanceLeft) ||
    a.reminder.title.localeCompare(b.reminder.title) ||
    a.reminder.id.localeCompare(b.reminder.id)
  );
}

function nullsLast(a: number | null, b: number | null): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  return a - b;
}

/** One page of an ordered list, numbered from 1, as every list endpoint answers. */
export function pageOf<T>(items: readonly T[], page = 1, pageSize = 25) {
  const start = (page - 1) * pageSize;
  return { items: items.slice(start, start + pageSize), total: items.length, page, pageSize };
}
