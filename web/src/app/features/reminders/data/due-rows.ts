import { DatedDueItem, DueList, Reminder } from './reminder';

export type DueRow =
  { id: string; reminder: Reminder; expiry?: undefined } | { id: string; expiry: DatedDueItem; reminder?: undefined };

const urgency = { overdue: 0, due_soon: 1, ok: 2 } as const;

/**
 * Reminders and expiring documents in one list, most pressing first: everything overdue, then
 * everything due soon; each kind keeps the API's order within a status (a stable sort).
 */
export function dueRows(list: DueList | undefined): DueRow[] {
  if (!list) return [];
  const rows: Array<DueRow & { status: keyof typeof urgency }> = [
    ...list.reminders.map((reminder) => ({ id: `reminder:${reminder.id}`, reminder, status: reminder.status })),
    ...list.expiring.map((expiry) => ({ id: `expiry:${expiry.id}`, expiry, status: expiry.status })),
  ];
  return rows.sort((a, b) => urgency[a.status] - urgency[b.status]);
}
